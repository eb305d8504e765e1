/**
 * The offline model's reply: one short paragraph per task, phrased by the
 * templates in prompts/ from the turn's tool results and cards only.
 */
import {
  chitchatReply,
  discoverReply,
  engagementLine,
  goodbyeReply,
  greetingReply,
  handoffReply,
  manipulationReply,
  noOrdersReply,
  noResultsReply,
  orderHistoryReply,
  orderNotFoundReply,
  orderStatusReply,
  outOfScopeReply,
  productDetailReply,
  refineProblemReply,
  reorderReply,
  searchResultsReply,
  serviceReply,
  signInReply,
  thanksReply,
  toolTroubleReply,
  type OrderFacts,
} from '../prompts/index.ts';
import {
  stripColourWords,
  type OrderDetail,
  type OrderSummary,
} from '../tools/index.ts';
import { callKey } from './offline-steps.ts';
import type { PlanContext, TurnTask } from './turn-plan.ts';
import type { TurnFindings } from './turn-findings.ts';
import type { TurnView } from './turn-view.ts';

interface ReplyInputs {
  tasks: TurnTask[];
  findings: TurnFindings;
  view: TurnView;
  context: PlanContext;
}

function factsOf(order: OrderSummary | OrderDetail): OrderFacts {
  const items =
    'lines' in order
      ? order.lines.filter((line) => line.quantity > 0).length
      : order.nLines;
  return {
    invoice: order.invoice,
    date: order.date,
    status: order.status,
    total: order.total,
    items,
  };
}

function failedFor(findings: TurnFindings, tool: string): boolean {
  return findings.failures.some(
    (failure) => failure.tool === tool && failure.code !== 'not_found',
  );
}

function searchParagraph(
  task: Extract<TurnTask, { type: 'search' }>,
  { findings, view }: ReplyInputs,
): string {
  const { plan } = task;
  // Each product request is answered from its own search's group of cards.
  const planKey = callKey('search_catalogue', { ...plan.query });
  const index = view.searchGroups.findIndex(
    (found) => callKey('search_catalogue', found.search.query) === planKey,
  );
  // A search whose echoed query differs from the plan still answers it.
  const group = view.searchGroups[index] ?? view.searchGroups.at(-1);
  if (!group) return toolTroubleReply();
  const { filters, cards } = group;
  const also = index > 0;
  // The colours are said with the filters; the text names the product.
  const text =
    plan.kind === 'similar'
      ? (plan.anchor?.title ?? '')
      : stripColourWords(filters.text ?? '') || (filters.text ?? '');
  if (cards.length === 0)
    return noResultsReply({
      kind: plan.kind,
      text,
      filters,
      changes: plan.changes,
      also,
    });
  const scored = new Set(
    (findings.rerank?.scores ?? []).map((score) => score.stockCode),
  );
  return searchResultsReply({
    kind: plan.kind,
    text,
    filters,
    changes: plan.changes,
    prices: cards.map((card) => card.price),
    personalised: cards.some((card) => scored.has(card.stockCode)),
    anchorTitle: plan.anchor?.title,
    also,
  });
}

function ordersParagraph(
  task: Extract<TurnTask, { type: 'order_status' | 'order_history' }>,
  { findings }: ReplyInputs,
): string {
  const requested = task.type === 'order_status' ? task.invoices : [];
  if (requested.length > 0)
    return requested
      .map((invoice) => {
        const order = findings.orders.find(
          (found) => found.invoice === invoice.toUpperCase(),
        );
        if (order) return orderStatusReply(factsOf(order));
        return failedFor(findings, 'get_order_status')
          ? toolTroubleReply()
          : orderNotFoundReply(invoice);
      })
      .join(' ');
  const list = findings.orderLists.at(-1);
  if (!list) return toolTroubleReply();
  if (list.length === 0) return noOrdersReply();
  const latest = findings.orders.find((o) => o.invoice === list[0].invoice);
  const latestFacts = factsOf(latest ?? list[0]);
  return task.type === 'order_status'
    ? orderStatusReply(latestFacts)
    : orderHistoryReply(latestFacts, list.slice(1).map(factsOf));
}

const IDEA_TASKS = new Set(['search', 'recommend', 'reorder']);

/** The re-engagement line, or '' for an active customer. */
function engagementParagraph({ findings, tasks }: ReplyInputs): string {
  const churn = findings.churn;
  if (!churn) return '';
  return (
    engagementLine({
      stage: churn.stage,
      daysSinceLastOrder: churn.daysSinceLastOrder,
      // The line introduces the ideas unless another request brought its own.
      withIdeas: !tasks.some((task) => IDEA_TASKS.has(task.type)),
    }) ?? ''
  );
}

/** A service request, grounded in the orders it names (or their absence). */
function serviceParagraph(
  task: Extract<TurnTask, { type: 'service' }>,
  { findings, context }: ReplyInputs,
): string {
  const found = findings.orders.filter((order) =>
    task.invoices.includes(order.invoice),
  );
  const missing = task.invoices.filter(
    (invoice) => !found.some((order) => order.invoice === invoice),
  );
  return [
    serviceReply(task.intent, { signedIn: context.signedIn, orders: found }),
    ...missing.map(orderNotFoundReply),
  ].join(' ');
}

function paragraphFor(task: TurnTask, inputs: ReplyInputs): string {
  const { findings, view, context } = inputs;
  switch (task.type) {
    case 'search':
      return searchParagraph(task, inputs);
    case 'refine_problem':
      return refineProblemReply(task.problem);
    case 'recommend': {
      const list = findings.recommendations.find((r) => r.mode === task.mode);
      if (!list) return toolTroubleReply();
      return discoverReply({
        count: view.recommendationCards.length,
        personalised: list.personalised,
        topCategories: findings.profile?.topCategories ?? [],
      });
    }
    case 'reorder': {
      const list = findings.recommendations.find((r) => r.mode === 'reorder');
      if (!list) return toolTroubleReply();
      return reorderReply(view.recommendationCards.length);
    }
    case 'order_status':
    case 'order_history':
      return ordersParagraph(task, inputs);
    case 'service':
      return serviceParagraph(task, inputs);
    case 'handoff':
      return handoffReply();
    case 'product_detail':
      return productDetailReply(task.product);
    case 'engage':
      return engagementParagraph(inputs);
    case 'social':
      return task.intent === 'greeting'
        ? greetingReply(context.signedIn)
        : task.intent === 'thanks'
          ? thanksReply()
          : goodbyeReply();
    case 'chitchat':
      return chitchatReply();
    case 'out_of_scope':
      return outOfScopeReply();
    case 'manipulation':
      return manipulationReply();
    case 'sign_in':
      return signInReply(task.topic);
  }
}

/** Orders paragraphs so that a welcome comes first and ideas follow it. */
function ordered(tasks: TurnTask[]): TurnTask[] {
  const rank = (task: TurnTask) =>
    task.type === 'manipulation'
      ? 0
      : task.type === 'social' && task.intent === 'greeting'
        ? 1
        : task.type === 'engage'
          ? 2
          : 3;
  return [...tasks].sort((a, b) => rank(a) - rank(b));
}

/** Writes the reply of a turn whose tool calls are all done. */
export function composeOfflineReply(inputs: ReplyInputs): string {
  const greetedAndEngaged = engagementParagraph(inputs) !== '';
  const paragraphs = ordered(inputs.tasks)
    .filter(
      // A warm re-engagement line replaces the plain hello.
      (task) =>
        !(
          greetedAndEngaged &&
          task.type === 'social' &&
          task.intent === 'greeting'
        ),
    )
    .map((task) => paragraphFor(task, inputs))
    .filter((text) => text.length > 0);
  if (paragraphs.length === 0) return outOfScopeReply();
  // A recommendation list that only the engagement asked for still needs words.
  const engagedIdeas =
    inputs.view.recommendationCards.length > 0 &&
    !inputs.tasks.some(
      (task) => task.type === 'recommend' || task.type === 'reorder',
    );
  if (engagedIdeas && !greetedAndEngaged)
    paragraphs.push(
      discoverReply({
        count: inputs.view.recommendationCards.length,
        personalised: true,
        topCategories: inputs.findings.profile?.topCategories ?? [],
      }),
    );
  return [...new Set(paragraphs)].join('\n\n');
}
