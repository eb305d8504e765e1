/**
 * Which tool calls a turn still needs, given its tasks and the results so
 * far. Calls already made are never repeated, so the loop always ends.
 */
import type { ToolName } from '../prompts/index.ts';
import { PAGE_SIZE } from './refinements.ts';
import type { PlanContext, TurnTask } from './turn-plan.ts';
import type { TurnFindings } from './turn-findings.ts';

export interface ToolCallSpec {
  name: ToolName;
  args: Record<string, unknown>;
}

/** Args as a stable string: keys sorted, undefined dropped. */
export function callKey(name: string, args: Record<string, unknown>): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value;
  return `${name}:${JSON.stringify(sorted(args))}`;
}

const PRODUCT_TASKS = new Set(['search', 'recommend', 'reorder']);
const MAX_INVOICES = 3;

function latestInvoice(findings: TurnFindings): string | undefined {
  return findings.orderLists.at(-1)?.[0]?.invoice;
}

function callsForTask(
  task: TurnTask,
  tasks: TurnTask[],
  findings: TurnFindings,
  context: PlanContext,
): ToolCallSpec[] {
  switch (task.type) {
    case 'search': {
      const calls: ToolCallSpec[] = [
        { name: 'search_catalogue', args: { ...task.plan.query } },
      ];
      const done = findings.searches.find(
        (search) =>
          callKey('search_catalogue', search.query) ===
          callKey('search_catalogue', { ...task.plan.query }),
      );
      if (done && context.signedIn && done.hits.length > 1)
        calls.push({
          name: 'rank_for_customer',
          args: {
            mode: 'rerank',
            stockCodes: done.hits.map((hit) => hit.stockCode),
          },
        });
      return calls;
    }
    case 'recommend':
      return [
        { name: 'rank_for_customer', args: { mode: task.mode, k: PAGE_SIZE } },
      ];
    case 'reorder':
      return [
        { name: 'rank_for_customer', args: { mode: 'reorder', k: PAGE_SIZE } },
      ];
    case 'order_status':
    case 'order_history': {
      const invoices = task.type === 'order_status' ? task.invoices : [];
      if (invoices.length > 0)
        return invoices
          .slice(0, MAX_INVOICES)
          .map((invoice) => ({ name: 'get_order_status', args: { invoice } }));
      const calls: ToolCallSpec[] = [
        { name: 'list_orders', args: { limit: 5 } },
      ];
      const latest = latestInvoice(findings);
      if (latest)
        calls.push({ name: 'get_order_status', args: { invoice: latest } });
      return calls;
    }
    case 'service':
      return task.invoices
        .slice(0, MAX_INVOICES)
        .map((invoice) => ({ name: 'get_order_status', args: { invoice } }));
    case 'engage': {
      const calls: ToolCallSpec[] = [
        { name: 'check_churn', args: {} },
        { name: 'get_customer_profile', args: {} },
      ];
      const churn = findings.churn;
      const wantsIdeas =
        churn &&
        (churn.needsReengagement ||
          churn.stage === 'one-time' ||
          churn.stage === 'new');
      if (wantsIdeas && !tasks.some((other) => PRODUCT_TASKS.has(other.type)))
        calls.push({
          name: 'rank_for_customer',
          args: { mode: 'discover', k: PAGE_SIZE },
        });
      return calls;
    }
    default:
      return [];
  }
}

/**
 * The tool calls to make next: those whose inputs are known and that were not
 * made yet this turn. Empty when the reply can be written.
 */
export function nextToolCalls(
  tasks: TurnTask[],
  findings: TurnFindings,
  context: PlanContext,
  availableTools: ReadonlySet<string>,
): ToolCallSpec[] {
  const made = new Set(
    findings.outcomes.map((outcome) => callKey(outcome.name, outcome.args)),
  );
  const next = new Map<string, ToolCallSpec>();
  for (const task of tasks)
    for (const call of callsForTask(task, tasks, findings, context)) {
      const key = callKey(call.name, call.args);
      if (!made.has(key) && availableTools.has(call.name)) next.set(key, call);
    }
  return [...next.values()];
}
