import { tool } from 'langchain';
import { z } from 'zod';
import { TOOL_DESCRIPTIONS } from '../prompts/index.ts';
import { OrderDetailSchema, type ShopServices } from './services.ts';
import { readSession } from './session.ts';
import { toolFailure, withFailure } from './tool-result.ts';

export const GetOrderStatusInputSchema = z.object({
  invoice: z
    .string()
    .trim()
    .regex(/^[Cc]?\d{6}$/, 'an invoice number such as 536365'),
});

export const GetOrderStatusResultSchema = withFailure(
  z.object({ ok: z.literal(true), order: OrderDetailSchema }),
);

export type GetOrderStatusResult = z.infer<typeof GetOrderStatusResultSchema>;

/**
 * `get_order_status`: one invoice of the session's customer. Another
 * customer's invoice reads exactly like a missing one, so the tool never
 * confirms that someone else's order exists.
 */
export function createGetOrderStatusTool(services: ShopServices) {
  return tool(
    async ({ invoice }, runtime): Promise<GetOrderStatusResult> => {
      const { customerId } = readSession(runtime);
      if (customerId === null)
        return toolFailure('sign_in_required', 'The shopper is not signed in.');
      const order = await services.getOrder(customerId, invoice.toUpperCase());
      if (!order)
        return toolFailure(
          'not_found',
          `No order ${invoice} on this customer's account.`,
        );
      return { ok: true, order };
    },
    {
      name: 'get_order_status',
      description: TOOL_DESCRIPTIONS.get_order_status,
      schema: GetOrderStatusInputSchema,
    },
  );
}
