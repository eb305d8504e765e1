/**
 * Scripted conversations as data: the YAML schema of src/agent/conversations
 * and the checks each turn's reply must pass, evaluated against the real store.
 */
import { z } from 'zod';
import type {
  Card,
  OrderCard,
  ProductCard,
  TurnOutput,
} from '../agent/turn.ts';
import type { Db } from '../store/index.ts';

export const CustomerPickSchema = z.union([
  z.null(),
  z.number().int().positive(),
  z.object({ pick: z.enum(['loyal', 'one-time', 'lapsed']) }),
]);

const ProductChecksSchema = z
  .object({
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
    every: z
      .object({
        maxPrice: z.number().optional(),
        minPrice: z.number().optional(),
        colours: z.array(z.string()).optional(),
        excludeColours: z.array(z.string()).optional(),
        category: z.string().optional(),
        /** The card's price is the catalogue's price for that product. */
        catalogPrice: z.boolean().optional(),
        hasReason: z.boolean().optional(),
        /** The customer never bought it (true) / has bought it (false). */
        notBoughtBefore: z.boolean().optional(),
        boughtBefore: z.boolean().optional(),
        /** Cheaper than the cheapest product card of the previous turn. */
        belowPreviousCheapest: z.boolean().optional(),
        /** Not among the product cards of the previous turn. */
        notPreviouslyShown: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const OrderChecksSchema = z
  .object({
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
    every: z
      .object({
        /** The invoice is this customer's, per the store. */
        ownedByCustomer: z.boolean().optional(),
        statusIn: z.array(z.string()).optional(),
        /** Total and lines are the store's. */
        matchesStore: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const TurnSpecSchema = z
  .object({
    say: z.string().min(1),
    expect: z
      .object({
        intents: z.array(z.string()).optional(),
        toolCalls: z.array(z.string()).optional(),
        noToolCalls: z.array(z.string()).optional(),
        products: ProductChecksSchema.optional(),
        orders: OrderChecksSchema.optional(),
        text: z
          .object({
            matches: z.array(z.string()).default([]),
            notMatches: z.array(z.string()).default([]),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export const ConversationSpecSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    customer: CustomerPickSchema,
    turns: z.array(TurnSpecSchema).min(1),
  })
  .strict();

export type ConversationSpec = z.infer<typeof ConversationSpecSchema>;
export type TurnSpec = z.infer<typeof TurnSpecSchema>;
export type CustomerPick = z.infer<typeof CustomerPickSchema>;

const PICK_QUERIES: Record<'loyal' | 'one-time' | 'lapsed', string> = {
  // Many orders and one in the last two months of the data.
  loyal: `SELECT customer_id AS id FROM orders
    WHERE is_cancellation = 0 AND customer_id IS NOT NULL
    GROUP BY customer_id
    HAVING COUNT(*) >= 15 AND MAX(date) >= '2011-08-01'
    ORDER BY customer_id LIMIT 1`,
  // Every purchase on one day: no repeat purchase yet.
  'one-time': `SELECT customer_id AS id FROM orders
    WHERE is_cancellation = 0 AND customer_id IS NOT NULL
    GROUP BY customer_id
    HAVING COUNT(DISTINCT substr(date, 1, 10)) = 1 AND MAX(date) >= '2011-06-01'
    ORDER BY customer_id LIMIT 1`,
  // Bought on several days, then nothing for over a year.
  lapsed: `SELECT customer_id AS id FROM orders
    WHERE is_cancellation = 0 AND customer_id IS NOT NULL
    GROUP BY customer_id
    HAVING COUNT(DISTINCT substr(date, 1, 10)) >= 4 AND MAX(date) < '2010-09-01'
    ORDER BY customer_id LIMIT 1`,
};

/** The customer a spec talks as, resolved against the store. */
export function resolveCustomer(db: Db, pick: CustomerPick): number | null {
  if (pick === null || typeof pick === 'number') return pick;
  const row = db.prepare(PICK_QUERIES[pick.pick]).get() as
    { id: number } | undefined;
  if (!row) throw new Error(`no ${pick.pick} customer in the store`);
  return row.id;
}

/** `{{name}}` placeholders of a message: invoices looked up in the store. */
export function fillPlaceholders(
  db: Db,
  text: string,
  customerId: number | null,
): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    if (name === 'otherInvoice') {
      const row = db
        .prepare(
          `SELECT invoice FROM orders WHERE is_cancellation = 0
             AND customer_id IS NOT NULL AND customer_id != ?
           ORDER BY invoice LIMIT 1`,
        )
        .get(customerId ?? -1) as { invoice: string };
      return row.invoice;
    }
    if (name === 'ownInvoice' && customerId !== null) {
      const row = db
        .prepare(
          `SELECT invoice FROM orders WHERE customer_id = ? AND is_cancellation = 0
           ORDER BY date DESC LIMIT 1`,
        )
        .get(customerId) as { invoice: string };
      return row.invoice;
    }
    throw new Error(`unknown placeholder {{${name}}}`);
  });
}

export interface TurnRecord {
  text: string;
  cards: Card[];
  trace: TurnOutput['trace'];
}

const productCards = (cards: Card[]) =>
  cards.filter((card): card is ProductCard => card.type === 'product');
const orderCards = (cards: Card[]) =>
  cards.filter((card): card is OrderCard => card.type === 'order');

function hasColour(card: ProductCard, colour: string): boolean {
  return (
    (card.colours ?? []).includes(colour) ||
    new RegExp(`\\b${colour}\\b`, 'i').test(card.title)
  );
}

/**
 * Every failed expectation of a turn, as readable lines (empty when all
 * hold). `previous` is the turn before, for the relative checks.
 */
export function checkTurn(
  db: Db,
  customerId: number | null,
  spec: TurnSpec,
  turn: TurnRecord,
  previous?: TurnRecord,
): string[] {
  const problems: string[] = [];
  const { expect } = spec;
  const fail = (text: string) => problems.push(`"${spec.say}": ${text}`);

  for (const intent of expect.intents ?? [])
    if (!turn.trace.intents.includes(intent))
      fail(`intent ${intent} missing (got ${turn.trace.intents.join(', ')})`);
  const called = turn.trace.toolCalls.map((call) => call.name);
  for (const name of expect.toolCalls ?? [])
    if (!called.includes(name))
      fail(`tool ${name} not called (got ${called.join(', ')})`);
  for (const name of expect.noToolCalls ?? [])
    if (called.includes(name)) fail(`tool ${name} was called`);

  for (const pattern of expect.text?.matches ?? [])
    if (!new RegExp(pattern, 'i').test(turn.text))
      fail(`text does not match /${pattern}/: ${turn.text}`);
  for (const pattern of expect.text?.notMatches ?? [])
    if (new RegExp(pattern, 'i').test(turn.text))
      fail(`text matches /${pattern}/: ${turn.text}`);

  problems.push(...checkProducts(db, customerId, spec, turn, previous));
  problems.push(...checkOrders(db, customerId, spec, turn));
  return problems;
}

function boughtBy(
  db: Db,
  customerId: number | null,
  stockCode: string,
): boolean {
  if (customerId === null) return false;
  return (
    db
      .prepare(
        `SELECT 1 FROM orders o JOIN order_lines l ON l.invoice = o.invoice
         WHERE o.customer_id = ? AND l.stock_code = ? AND o.is_cancellation = 0 LIMIT 1`,
      )
      .get(customerId, stockCode) !== undefined
  );
}

function checkProducts(
  db: Db,
  customerId: number | null,
  spec: TurnSpec,
  turn: TurnRecord,
  previous?: TurnRecord,
): string[] {
  const checks = spec.expect.products;
  if (!checks) return [];
  const problems: string[] = [];
  const fail = (text: string) => problems.push(`"${spec.say}": ${text}`);
  const cards = productCards(turn.cards);
  if (checks.min !== undefined && cards.length < checks.min)
    fail(`${cards.length} product cards, expected at least ${checks.min}`);
  if (checks.max !== undefined && cards.length > checks.max)
    fail(`${cards.length} product cards, expected at most ${checks.max}`);
  const every = checks.every;
  if (!every) return problems;
  const before = previous ? productCards(previous.cards) : [];
  const cheapest = Math.min(...before.map((card) => card.price));
  const price = db.prepare('SELECT price FROM products WHERE stock_code = ?');

  for (const card of cards) {
    const name = `${card.stockCode} ${card.title} £${card.price}`;
    if (every.maxPrice !== undefined && card.price > every.maxPrice)
      fail(`${name} above £${every.maxPrice}`);
    if (every.minPrice !== undefined && card.price < every.minPrice)
      fail(`${name} below £${every.minPrice}`);
    if (
      every.colours &&
      !every.colours.some((colour) => hasColour(card, colour))
    )
      fail(`${name} is not ${every.colours.join('/')}`);
    for (const colour of every.excludeColours ?? [])
      if (hasColour(card, colour)) fail(`${name} is ${colour}`);
    if (every.category && card.category !== every.category)
      fail(`${name} is in ${card.category}, not ${every.category}`);
    if (every.catalogPrice) {
      const row = price.get(card.stockCode) as { price: number } | undefined;
      if (!row || row.price !== card.price)
        fail(`${name}: catalogue price is £${row?.price}`);
    }
    if (every.hasReason && !card.reason) fail(`${name} has no reason`);
    if (every.notBoughtBefore && boughtBy(db, customerId, card.stockCode))
      fail(`${name} was bought before`);
    if (every.boughtBefore && !boughtBy(db, customerId, card.stockCode))
      fail(`${name} was never bought`);
    if (
      every.belowPreviousCheapest &&
      before.length > 0 &&
      !(card.price < cheapest)
    )
      fail(`${name} is not below £${cheapest}`);
    if (
      every.notPreviouslyShown &&
      before.some((b) => b.stockCode === card.stockCode)
    )
      fail(`${name} was shown in the previous turn`);
  }
  return problems;
}

function checkOrders(
  db: Db,
  customerId: number | null,
  spec: TurnSpec,
  turn: TurnRecord,
): string[] {
  const checks = spec.expect.orders;
  if (!checks) return [];
  const problems: string[] = [];
  const fail = (text: string) => problems.push(`"${spec.say}": ${text}`);
  const cards = orderCards(turn.cards);
  if (checks.min !== undefined && cards.length < checks.min)
    fail(`${cards.length} order cards, expected at least ${checks.min}`);
  if (checks.max !== undefined && cards.length > checks.max)
    fail(`${cards.length} order cards, expected at most ${checks.max}`);
  const every = checks.every;
  if (!every) return problems;
  const order = db.prepare(
    'SELECT customer_id AS customerId, total FROM orders WHERE invoice = ?',
  );
  const lines = db.prepare(
    'SELECT COUNT(*) AS n FROM order_lines WHERE invoice = ?',
  );
  for (const card of cards) {
    const row = order.get(card.invoice) as
      { customerId: number | null; total: number } | undefined;
    if (every.ownedByCustomer && row?.customerId !== customerId)
      fail(`order ${card.invoice} is not customer ${customerId}'s`);
    if (every.statusIn && !every.statusIn.includes(card.status))
      fail(`order ${card.invoice} has status ${card.status}`);
    if (every.matchesStore) {
      const count = (lines.get(card.invoice) as { n: number }).n;
      if (
        !row ||
        Math.abs(row.total - card.total) > 0.005 ||
        count !== card.lines.length
      )
        fail(`order ${card.invoice} does not match the store`);
    }
  }
  return problems;
}
