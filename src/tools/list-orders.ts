import { tool } from 'langchain';
import { z } from 'zod';
import { TOOL_DESCRIPTIONS } from '../prompts/index.ts';
import { OrderSummarySchema, type ShopServices } from './services.ts';
import { readSession } from './session.ts';
import { toolFailure, withFailure } from './tool-result.ts';

export const ListOrdersInputSchema = z.object({
  limit: z.number().int().min(1).max(20).default(5),
});

export const ListOrdersResultSchema = withFailure(
  z.object({ ok: z.literal(true), orders: z.array(OrderSummarySchema) }),
);

export type ListOrdersResult = z.infer<typeof ListOrdersResultSchema>;

/** `list_orders`: the session customer's own recent orders. */
export function createListOrdersTool(services: ShopServices) {
  return tool(
    async ({ limit }, runtime): Promise<ListOrdersResult> => {
      const { customerId } = readSession(runtime);
      if (customerId === null)
        return toolFailure('sign_in_required', 'The shopper is not signed in.');
      return {
        ok: true,
        orders: await services.listOrders(customerId, { limit }),
      };
    },
    {
      name: 'list_orders',
      description: TOOL_DESCRIPTIONS.list_orders,
      schema: ListOrdersInputSchema,
    },
  );
}
