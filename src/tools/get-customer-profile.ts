import { tool } from 'langchain';
import { z } from 'zod';
import { TOOL_DESCRIPTIONS } from '../prompts/index.ts';
import { CustomerProfileSchema, type ShopServices } from './services.ts';
import { readSession } from './session.ts';
import { toolFailure, withFailure } from './tool-result.ts';

/** No arguments: the customer is the session's. */
export const GetCustomerProfileInputSchema = z.object({});

export const GetCustomerProfileResultSchema = withFailure(
  z.object({ ok: z.literal(true), profile: CustomerProfileSchema }),
);

export type GetCustomerProfileResult = z.infer<
  typeof GetCustomerProfileResultSchema
>;

/** `get_customer_profile`: RFM, interests and stage of the session's customer. */
export function createGetCustomerProfileTool(services: ShopServices) {
  return tool(
    async (_input, runtime): Promise<GetCustomerProfileResult> => {
      const { customerId } = readSession(runtime);
      if (customerId === null)
        return toolFailure('sign_in_required', 'The shopper is not signed in.');
      const profile = await services.getCustomerProfile(customerId);
      if (!profile)
        return toolFailure(
          'not_found',
          'No purchase history for this shopper.',
        );
      return { ok: true, profile };
    },
    {
      name: 'get_customer_profile',
      description: TOOL_DESCRIPTIONS.get_customer_profile,
      schema: GetCustomerProfileInputSchema,
    },
  );
}
