/** Replies about the signed-in customer's own orders. */
import { displayDate, formatMoney, plural } from './format.ts';

export interface OrderFacts {
  invoice: string;
  date: string;
  status: string;
  total: number;
  /** Product lines on the invoice. */
  items: number;
}

const STATUS_WORDS: Record<string, string> = {
  processing: 'being prepared',
  dispatched: 'dispatched',
  'in-transit': 'on its way to you',
  delivered: 'delivered',
  cancelled: 'cancelled',
};

export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

/** One order's status, from the shop's order-status policy. */
export function orderStatusReply(order: OrderFacts): string {
  return `Your order ${order.invoice} from ${displayDate(order.date)} (${plural(order.items, 'item')}, ${formatMoney(order.total)}) is ${statusWords(order.status)}.`;
}

/**
 * An invoice that is not on the customer's account. Worded the same whether
 * it does not exist or belongs to someone else.
 */
export function orderNotFoundReply(invoice: string): string {
  return `I can't find order ${invoice} on your account. I can only show orders placed from your own account — please check the number, or ask me for your recent orders.`;
}

export function noOrdersReply(): string {
  return "I can't see any orders on your account yet. Can I help you find something?";
}

/** The latest order, with the earlier ones in brief. */
export function orderHistoryReply(
  latest: OrderFacts,
  earlier: readonly OrderFacts[],
): string {
  const first = `Your last order was ${latest.invoice} on ${displayDate(latest.date)}: ${plural(latest.items, 'item')}, ${formatMoney(latest.total)}, ${statusWords(latest.status)}.`;
  if (earlier.length === 0) return first;
  const before = earlier
    .slice(0, 3)
    .map(
      (order) =>
        `${order.invoice} on ${displayDate(order.date)} (${formatMoney(order.total)})`,
    )
    .join('; ');
  return `${first} Before that: ${before}.`;
}

export type SignInTopic = 'orders' | 'reorder' | 'profile';

/** An anonymous shopper asked about something tied to an account. */
export function signInReply(topic: SignInTopic): string {
  switch (topic) {
    case 'orders':
      return "To look up orders I need to know it's you — please sign in, and I'll show you your orders and where they are.";
    case 'reorder':
      return 'Sign in and I can suggest what to reorder from your past orders. Meanwhile, I can help you search the catalogue.';
    case 'profile':
      return 'Please sign in so I can see your account.';
  }
}
