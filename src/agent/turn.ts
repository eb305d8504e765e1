/**
 * The contract between the agent and whatever carries its turns (socket.io
 * server, terminal chat, scripted tests).
 */
import { z } from 'zod';

export const ProductCardSchema = z.object({
  type: z.literal('product'),
  stockCode: z.string(),
  title: z.string(),
  price: z.number(),
  category: z.string().optional(),
  colours: z.array(z.string()).optional(),
  reason: z.string().optional(),
});

export const OrderLineCardSchema = z.object({
  stockCode: z.string(),
  title: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
});

export const OrderCardSchema = z.object({
  type: z.literal('order'),
  invoice: z.string(),
  date: z.string(),
  status: z.string(),
  total: z.number(),
  lines: z.array(OrderLineCardSchema),
});

export const CardSchema = z.discriminatedUnion('type', [
  ProductCardSchema,
  OrderCardSchema,
]);

export type ProductCard = z.infer<typeof ProductCardSchema>;
export type OrderCard = z.infer<typeof OrderCardSchema>;
export type Card = z.infer<typeof CardSchema>;

export interface TurnInput {
  conversationId: string;
  /** From the signed session token; null for an anonymous shopper. */
  customerId: number | null;
  text: string;
  /** The conversation's state as the agent last returned it (opaque JSON). */
  state: unknown;
}

export interface TurnOutput {
  text: string;
  cards: Card[];
  /** The new conversation state, to store and pass to the next turn. */
  state: unknown;
  /** What the turn did, for tests and logs. */
  trace: {
    intents: string[];
    toolCalls: { name: string; args: unknown }[];
    model: string;
  };
}

export interface ShopAgent {
  /** Runs one shopper turn; `onChunk` receives the reply text in order. */
  runTurn(
    input: TurnInput,
    onChunk?: (text: string) => void,
  ): Promise<TurnOutput>;
}
