/**
 * What the tools of the current turn returned, read back from the agent's
 * messages: every card and every fact of a reply is built from these.
 */
import {
  AIMessage,
  HumanMessage,
  ToolMessage,
  type BaseMessage,
} from '@langchain/core/messages';
import {
  CheckChurnResultSchema,
  DetectIntentResultSchema,
  GetCustomerProfileResultSchema,
  GetOrderStatusResultSchema,
  ListOrdersResultSchema,
  RankForCustomerResultSchema,
  SearchCatalogueResultSchema,
  ToolFailureSchema,
  type CheckChurnResult,
  type CustomerProfile,
  type DetectIntentResult,
  type OrderDetail,
  type OrderSummary,
  type RankForCustomerResult,
  type SearchCatalogueResult,
  type ToolFailureCode,
} from '../tools/index.ts';

export interface ToolOutcome {
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** Undefined while the call has no result yet. */
  result?: unknown;
  failed: boolean;
}

export interface ToolFailureNote {
  tool: string;
  code: ToolFailureCode;
  message: string;
  args: Record<string, unknown>;
}

type Ok<T> = Extract<T, { ok: true }>;

export interface TurnFindings {
  outcomes: ToolOutcome[];
  detection?: DetectIntentResult;
  searches: SearchCatalogueResult[];
  /** Personalised scores from this turn's reranks, if any. */
  rerank?: Ok<RankForCustomerResult>;
  recommendations: Ok<RankForCustomerResult>[];
  profile?: CustomerProfile;
  churn?: Ok<CheckChurnResult>;
  orderLists: OrderSummary[][];
  orders: OrderDetail[];
  failures: ToolFailureNote[];
}

const RESULT_SCHEMAS = {
  detect_intent: DetectIntentResultSchema,
  search_catalogue: SearchCatalogueResultSchema,
  rank_for_customer: RankForCustomerResultSchema,
  get_customer_profile: GetCustomerProfileResultSchema,
  check_churn: CheckChurnResultSchema,
  list_orders: ListOrdersResultSchema,
  get_order_status: GetOrderStatusResultSchema,
} as const;

function isKnownTool(name: string): name is keyof typeof RESULT_SCHEMAS {
  return name in RESULT_SCHEMAS;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function contentText(message: BaseMessage): string {
  return typeof message.content === 'string'
    ? message.content
    : message.content
        .map((block) => ('text' in block ? String(block.text) : ''))
        .join('');
}

/** The messages after the shopper's latest message. */
export function currentTurnMessages(messages: BaseMessage[]): BaseMessage[] {
  const lastHuman = messages.findLastIndex((message) =>
    HumanMessage.isInstance(message),
  );
  return messages.slice(lastHuman + 1);
}

/** The text of the shopper's latest message. */
export function latestShopperText(messages: BaseMessage[]): string {
  const human = messages.findLast((message) =>
    HumanMessage.isInstance(message),
  );
  return human ? contentText(human) : '';
}

function failureOf(outcome: ToolOutcome): ToolFailureNote {
  const parsed = ToolFailureSchema.safeParse(outcome.result);
  if (parsed.success)
    return {
      tool: outcome.name,
      code: parsed.data.error,
      message: parsed.data.message,
      args: outcome.args,
    };
  const text = String(outcome.result ?? '');
  const code: ToolFailureCode = !isKnownTool(outcome.name)
    ? 'unknown_tool'
    : /limit/i.test(text)
      ? 'limit_reached'
      : 'tool_failed';
  return {
    tool: outcome.name,
    code,
    message: text.slice(0, 300),
    args: outcome.args,
  };
}

/** Pairs this turn's tool calls with their results. */
export function collectOutcomes(turn: BaseMessage[]): ToolOutcome[] {
  const outcomes = new Map<string, ToolOutcome>();
  for (const message of turn) {
    if (AIMessage.isInstance(message))
      for (const call of message.tool_calls ?? [])
        outcomes.set(call.id ?? `${outcomes.size}`, {
          id: call.id ?? `${outcomes.size}`,
          name: call.name,
          args: call.args,
          failed: false,
        });
    else if (ToolMessage.isInstance(message)) {
      const outcome = outcomes.get(message.tool_call_id);
      if (!outcome) continue;
      outcome.result = parseJson(contentText(message));
      outcome.failed = message.status === 'error';
    }
  }
  return [...outcomes.values()];
}

/** Reads every tool result of the current turn into typed findings. */
export function collectFindings(messages: BaseMessage[]): TurnFindings {
  const outcomes = collectOutcomes(currentTurnMessages(messages));
  const findings: TurnFindings = {
    outcomes,
    searches: [],
    recommendations: [],
    orderLists: [],
    orders: [],
    failures: [],
  };
  for (const outcome of outcomes) {
    if (outcome.result === undefined) continue;
    if (outcome.failed || !isKnownTool(outcome.name)) {
      findings.failures.push(failureOf(outcome));
      continue;
    }
    const parsed = RESULT_SCHEMAS[outcome.name].safeParse(outcome.result);
    if (!parsed.success || !parsed.data.ok) {
      findings.failures.push(failureOf(outcome));
      continue;
    }
    recordResult(findings, outcome.name, parsed.data);
  }
  return findings;
}

function recordResult(
  findings: TurnFindings,
  name: keyof typeof RESULT_SCHEMAS,
  data: unknown,
): void {
  switch (name) {
    case 'detect_intent':
      findings.detection = DetectIntentResultSchema.parse(data);
      return;
    case 'search_catalogue':
      findings.searches.push(SearchCatalogueResultSchema.parse(data));
      return;
    case 'rank_for_customer': {
      const result = RankForCustomerResultSchema.parse(data);
      if (!result.ok) return;
      if (result.mode === 'rerank') {
        // Two product requests rerank separately: keep both sets of scores.
        if (result.personalised)
          findings.rerank = findings.rerank
            ? {
                ...result,
                scores: [...findings.rerank.scores, ...result.scores],
              }
            : result;
      } else findings.recommendations.push(result);
      return;
    }
    case 'get_customer_profile': {
      const result = GetCustomerProfileResultSchema.parse(data);
      if (result.ok) findings.profile = result.profile;
      return;
    }
    case 'check_churn': {
      const result = CheckChurnResultSchema.parse(data);
      if (result.ok) findings.churn = result;
      return;
    }
    case 'list_orders': {
      const result = ListOrdersResultSchema.parse(data);
      if (result.ok) findings.orderLists.push(result.orders);
      return;
    }
    case 'get_order_status': {
      const result = GetOrderStatusResultSchema.parse(data);
      if (result.ok) findings.orders.push(result.order);
      return;
    }
  }
}
