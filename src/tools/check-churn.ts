import { tool } from 'langchain';
import { z } from 'zod';
import { TOOL_DESCRIPTIONS } from '../prompts/index.ts';
import { LifecycleStageSchema, type ShopServices } from './services.ts';
import { loadSessionProfile } from './session-profile.ts';
import { withFailure } from './tool-result.ts';

export const CheckChurnInputSchema = z.object({});

export const CheckChurnResultSchema = withFailure(
  z.object({
    ok: z.literal(true),
    stage: LifecycleStageSchema,
    pAlive: z.number().nullable(),
    expectedPurchases: z.number().nullable(),
    daysSinceLastOrder: z.number().nullable(),
    orders: z.number(),
    /** At-risk and lapsed customers get a warm welcome back. */
    needsReengagement: z.boolean(),
  }),
);

export type CheckChurnResult = z.infer<typeof CheckChurnResultSchema>;

/** `check_churn`: BG/NBD stage of the session's customer. */
export function createCheckChurnTool(services: ShopServices) {
  return tool(
    async (_input, runtime): Promise<CheckChurnResult> => {
      const loaded = await loadSessionProfile(services, runtime);
      if ('failure' in loaded) return loaded.failure;
      const { profile } = loaded;
      return {
        ok: true,
        stage: profile.stage,
        pAlive: profile.pAlive,
        expectedPurchases: profile.expectedPurchases,
        daysSinceLastOrder: profile.daysSinceLastOrder,
        orders: profile.orders,
        needsReengagement:
          profile.stage === 'at-risk' || profile.stage === 'lapsed',
      };
    },
    {
      name: 'check_churn',
      description: TOOL_DESCRIPTIONS.check_churn,
      schema: CheckChurnInputSchema,
    },
  );
}
