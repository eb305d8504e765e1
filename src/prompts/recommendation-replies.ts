/** Replies around the ranker's lists and a customer's lifecycle stage. */
import { categoryLabel, joinList, plural } from './format.ts';

export interface DiscoverReplyInput {
  count: number;
  personalised: boolean;
  /** The customer's favourite categories, when known. */
  topCategories: readonly string[];
}

/** The line above "something new" recommendations. */
export function discoverReply(input: DiscoverReplyInput): string {
  if (input.count === 0)
    return "I don't have fresh suggestions right now — tell me what you're after and I'll search the catalogue.";
  if (!input.personalised)
    return `Here ${input.count === 1 ? 'is one of' : `are ${input.count} of`} our most popular items right now — each card says why it's there.`;
  const taste = input.topCategories.length
    ? `, picked for someone who loves ${joinList(input.topCategories.slice(0, 2).map(categoryLabel))}`
    : '';
  return `Here ${input.count === 1 ? 'is something' : `are ${plural(input.count, 'thing')}`} you haven't bought from us before${taste}. Each card says why I chose it.`;
}

/** The line above reorder suggestions. */
export function reorderReply(count: number): string {
  if (count === 0)
    return "I don't see anything you buy regularly that's due again yet. Want some new ideas instead?";
  return `These ${count === 1 ? 'is an item' : `are ${plural(count, 'item')}`} you order regularly that look due again — each card says why.`;
}

export type EngagementStage =
  'new' | 'active' | 'at-risk' | 'lapsed' | 'one-time';

export interface EngagementInput {
  stage: EngagementStage;
  daysSinceLastOrder: number | null;
  /** Whether this line introduces the recommendations below it. */
  withIdeas: boolean;
}

function sinceWords(days: number | null): string {
  if (days === null) return 'a while';
  if (days < 60) return plural(Math.max(1, Math.round(days / 7)), 'week');
  const months = Math.round(days / 30.4);
  return months >= 12 && months % 12 === 0
    ? plural(months / 12, 'year')
    : plural(months, 'month');
}

/**
 * A warm opening for a returning customer, or undefined for an active one.
 * It promises nothing the shop has not offered: no discounts, no free delivery.
 */
export function engagementLine(input: EngagementInput): string | undefined {
  const since = sinceWords(input.daysSinceLastOrder);
  switch (input.stage) {
    case 'at-risk':
      return input.withIdeas
        ? `Lovely to see you again — it's been ${since} since your last order, so I've picked out a few things I think you'll like.`
        : `Lovely to see you again — it's been ${since} since your last order.`;
    case 'lapsed':
      return input.withIdeas
        ? `Welcome back! It's been ${since} since we last saw you — here are some ideas chosen from what you used to love.`
        : `Welcome back! It's been ${since} since we last saw you.`;
    case 'one-time':
      return input.withIdeas
        ? 'Thanks again for your first order with us! Here are a few ideas that go well with it.'
        : 'Thanks again for your first order with us!';
    case 'new':
      return input.withIdeas
        ? "Welcome! Since you've just joined us, here are a few ideas to start with."
        : 'Welcome to the shop!';
    default:
      return undefined;
  }
}
