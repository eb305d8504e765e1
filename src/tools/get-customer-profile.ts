import { tool } from 'langchain';
import { z } from 'zod';
import { TOOL_DESCRIPTIONS } from '../prompts/index.ts';
import { CustomerProfileSchema, type ShopServices } from './services.ts';
import { loadSessionProfile } from './session-profile.ts';
import { withFailure } from './tool-result.ts';

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
      const loaded = await loadSessionProfile(services, runtime);
      if ('failure' in loaded) return loaded.failure;
      const { profile } = loaded;
      return { ok: true, profile };
    },
    {
      name: 'get_customer_profile',
      description: TOOL_DESCRIPTIONS.get_customer_profile,
      schema: GetCustomerProfileInputSchema,
    },
  );
}
