/**
 * What a shopper's message asks for, as a list of tasks: the offline model's
 * reading of the intent classifier, the entities, the text cues and the
 * conversation state. Pure, so each model call can recompute it.
 */
import type { DetectIntentResult, MessagePart } from '../tools/index.ts';
import type { ConversationState, ShownProduct } from './conversation-state.ts';
import {
  isRefinement,
  namesProduct,
  resolveSearch,
  type RefinementProblem,
  type SearchPlan,
} from './refinements.ts';

export type ServiceIntent =
  | 'cancel_order'
  | 'change_order'
  | 'change_shipping_address'
  | 'check_cancellation_fee'
  | 'check_payment_methods'
  | 'check_refund_policy'
  | 'complaint'
  | 'contact_customer_service'
  | 'create_account'
  | 'delete_account'
  | 'delivery_options'
  | 'delivery_period'
  | 'edit_account'
  | 'get_refund'
  | 'newsletter_subscription'
  | 'payment_issue'
  | 'place_order'
  | 'recover_password'
  | 'registration_problems'
  | 'review'
  | 'set_up_shipping_address'
  | 'switch_account'
  | 'track_refund'
  | 'add_to_cart';

const SERVICE_INTENTS = new Set<string>([
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'check_cancellation_fee',
  'check_payment_methods',
  'check_refund_policy',
  'complaint',
  'contact_customer_service',
  'create_account',
  'delete_account',
  'delivery_options',
  'delivery_period',
  'edit_account',
  'get_refund',
  'newsletter_subscription',
  'payment_issue',
  'place_order',
  'recover_password',
  'registration_problems',
  'review',
  'set_up_shipping_address',
  'switch_account',
  'track_refund',
  'add_to_cart',
]);

/** Service requests that are about a particular order. */
const ORDER_SERVICE_INTENTS = new Set<string>([
  'cancel_order',
  'change_order',
  'check_cancellation_fee',
  'get_refund',
  'track_refund',
  'complaint',
  'delivery_period',
]);

/**
 * Intents about the shopper's own orders: a "last" or "second" there means an
 * order ("my last orders"), never a product on screen.
 */
const ORDER_INTENTS = new Set<string>([
  'track_order',
  'order_history',
  'check_invoice',
  'get_invoice',
  'reorder',
  ...ORDER_SERVICE_INTENTS,
]);

export type TurnTask =
  | { type: 'search'; plan: SearchPlan }
  | { type: 'refine_problem'; problem: RefinementProblem }
  | { type: 'recommend'; mode: 'discover' | 'mixed' }
  | { type: 'reorder' }
  | { type: 'order_status'; invoices: string[] }
  | { type: 'order_history' }
  | { type: 'service'; intent: ServiceIntent; invoices: string[] }
  | { type: 'handoff' }
  | { type: 'product_detail'; product?: ShownProduct }
  | { type: 'engage' }
  | { type: 'social'; intent: 'greeting' | 'thanks' | 'goodbye' }
  | { type: 'chitchat' }
  | { type: 'out_of_scope' }
  | { type: 'manipulation' }
  | { type: 'sign_in'; topic: 'orders' | 'reorder' | 'profile' };

export interface PlanContext {
  signedIn: boolean;
  state: ConversationState;
}

/** Below this, the classifier's top intent yields to the text cues. */
const CONFIDENT = 0.45;

function topIntent(part: MessagePart): { name: string; confidence: number } {
  return part.intents[0] ?? { name: 'out_of_scope', confidence: 0 };
}

/** The intent a clause stands for once the cues have had their say. */
export function effectiveIntent(
  part: MessagePart,
  state: ConversationState,
): string {
  const top = topIntent(part);
  const hasSearch = Boolean(state.filters.text);
  const taskLike = top.name !== 'out_of_scope' && top.name !== 'chitchat';
  if (part.entities.orderIds.length > 0 && !SERVICE_INTENTS.has(top.name))
    return top.name === 'order_history' ? 'order_history' : 'track_order';
  if (
    part.cues.moreLike ||
    (hasSearch && isRefinement(part) && !ORDER_SERVICE_INTENTS.has(top.name))
  )
    return 'product_search';
  if (
    (top.confidence < CONFIDENT || !taskLike) &&
    namesProduct(part) &&
    (part.entities.colours.length > 0 ||
      part.entities.priceMax !== undefined ||
      part.entities.categories.length > 0)
  )
    return 'product_search';
  if (
    part.entities.ordinals.length > 0 &&
    !namesProduct(part) &&
    state.shown.length > 0 &&
    top.name !== 'product_search' &&
    !(ORDER_INTENTS.has(top.name) && top.confidence >= CONFIDENT)
  )
    return top.name === 'add_to_cart' ? 'add_to_cart' : 'product_question';
  return top.name;
}

function tasksForPart(part: MessagePart, context: PlanContext): TurnTask[] {
  const { signedIn, state } = context;
  const intent = effectiveIntent(part, state);
  const invoices = part.entities.orderIds;
  const searchTask = (): TurnTask => {
    const plan = resolveSearch(state, part, { signedIn });
    return typeof plan === 'string'
      ? { type: 'refine_problem', problem: plan }
      : { type: 'search', plan };
  };

  switch (intent) {
    case 'product_search':
    case 'compare_products':
      return [searchTask()];
    case 'product_question':
      if (namesProduct(part)) return [searchTask()];
      return [
        {
          type: 'product_detail',
          product: pickOrdinal(state.shown, part.entities.ordinals),
        },
      ];
    case 'recommendation':
      if (namesProduct(part)) return [searchTask()];
      return [{ type: 'recommend', mode: signedIn ? 'discover' : 'mixed' }];
    case 'reorder':
      return signedIn
        ? [{ type: 'reorder' }]
        : [{ type: 'sign_in', topic: 'reorder' }];
    case 'track_order':
      return signedIn
        ? [{ type: 'order_status', invoices }]
        : [{ type: 'sign_in', topic: 'orders' }];
    case 'order_history':
    case 'check_invoice':
    case 'get_invoice':
      if (!signedIn) return [{ type: 'sign_in', topic: 'orders' }];
      return invoices.length > 0
        ? [{ type: 'order_status', invoices }]
        : [{ type: 'order_history' }];
    case 'contact_human_agent':
      return [{ type: 'handoff' }];
    case 'greeting':
    case 'thanks':
    case 'goodbye': {
      const social: TurnTask = { type: 'social', intent };
      return namesProduct(part) ? [social, searchTask()] : [social];
    }
    case 'chitchat':
      return namesProduct(part) && part.entities.colours.length > 0
        ? [searchTask()]
        : [{ type: 'chitchat' }];
    default:
      if (SERVICE_INTENTS.has(intent))
        return [
          {
            type: 'service',
            intent: intent as ServiceIntent,
            invoices: signedIn ? invoices : [],
          },
        ];
      return [{ type: 'out_of_scope' }];
  }
}

function pickOrdinal(
  shown: ShownProduct[],
  ordinals: number[],
): ShownProduct | undefined {
  const ordinal = ordinals[0] ?? 1;
  return ordinal === -1 ? shown.at(-1) : shown[ordinal - 1];
}

const PRODUCT_TASKS = new Set(['search', 'recommend', 'reorder']);

/** Product requests answered in one message; later ones wait for a turn. */
export const MAX_SEARCHES_PER_TURN = 2;

/** Every task of a message, in the order the reply answers them. */
export function planTurn(
  detection: DetectIntentResult,
  context: PlanContext,
): TurnTask[] {
  const manipulation = detection.parts.some((part) => part.cues.manipulation);
  let tasks = detection.parts.flatMap((part) => tasksForPart(part, context));

  // One search per product request, bounded: each extra search is another
  // tool call and another group of cards. The state keeps the last group's
  // filters (see nextStateAfter), so a refinement next turn refines that one.
  const searches = [
    ...new Set(
      tasks
        .filter((task) => task.type === 'search')
        .map((task) => JSON.stringify(task)),
    ),
  ].slice(0, MAX_SEARCHES_PER_TURN);
  tasks = tasks.filter(
    (task) => task.type !== 'search' || searches.includes(JSON.stringify(task)),
  );

  if (manipulation) {
    // Refuse the override, then keep helping with real catalogue prices.
    tasks = tasks.filter(
      (task) => task.type !== 'out_of_scope' && task.type !== 'chitchat',
    );
    if (!tasks.some((task) => PRODUCT_TASKS.has(task.type)))
      tasks.push({
        type: 'recommend',
        mode: context.signedIn ? 'discover' : 'mixed',
      });
    tasks.unshift({ type: 'manipulation' });
  }

  const intents = new Set(tasks.map((task) => task.type));
  const greets = tasks.some(
    (task) => task.type === 'social' && task.intent === 'greeting',
  );
  if (
    context.signedIn &&
    (context.state.turns === 0 || greets || intents.has('recommend'))
  )
    tasks.push({ type: 'engage' });

  return dedupeTasks(tasks);
}

function dedupeTasks(tasks: TurnTask[]): TurnTask[] {
  const seen = new Set<string>();
  return tasks.filter((task) => {
    const key = JSON.stringify(task);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
