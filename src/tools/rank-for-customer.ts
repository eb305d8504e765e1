import { tool } from 'langchain';
import { z } from 'zod';
import { TOOL_DESCRIPTIONS } from '../prompts/index.ts';
import {
  RecommendationSchema,
  RerankScoreSchema,
  type ShopServices,
} from './services.ts';
import { readSession } from './session.ts';
import { toolFailure, withFailure } from './tool-result.ts';

export const RankForCustomerInputSchema = z.object({
  mode: z.enum(['rerank', 'discover', 'reorder', 'mixed']),
  /** The candidates to re-order, for mode 'rerank'. */
  stockCodes: z.array(z.string()).max(200).optional(),
  k: z.number().int().min(1).max(50).default(6),
  excludeStockCodes: z.array(z.string()).max(500).optional(),
});

export const RankForCustomerResultSchema = withFailure(
  z.object({
    ok: z.literal(true),
    mode: RankForCustomerInputSchema.shape.mode,
    /** False when the shopper is anonymous or unknown to the ranker. */
    personalised: z.boolean(),
    scores: z.array(RerankScoreSchema).default([]),
    results: z.array(RecommendationSchema).default([]),
  }),
);

export type RankForCustomerInput = z.infer<typeof RankForCustomerInputSchema>;
export type RankForCustomerResult = z.infer<typeof RankForCustomerResultSchema>;

/** `rank_for_customer`: the DNN ranker, for the session's customer only. */
export function createRankForCustomerTool(services: ShopServices) {
  return tool(
    async (input, runtime): Promise<RankForCustomerResult> => {
      const { customerId } = readSession(runtime);
      if (input.mode === 'rerank') {
        const stockCodes = input.stockCodes ?? [];
        if (customerId === null || stockCodes.length === 0)
          return {
            ok: true,
            mode: 'rerank',
            personalised: false,
            scores: [],
            results: [],
          };
        const scores = await services.rerank(customerId, stockCodes);
        return {
          ok: true,
          mode: 'rerank',
          personalised: true,
          scores,
          results: [],
        };
      }
      if (input.mode === 'reorder' && customerId === null)
        return toolFailure(
          'sign_in_required',
          'Reorder suggestions need a signed-in customer.',
        );
      const recommendations = await services.recommend(customerId, {
        k: input.k,
        mode: input.mode,
        excludeStockCodes: input.excludeStockCodes,
      });
      return {
        ok: true,
        mode: input.mode,
        personalised: !recommendations.coldStart,
        scores: [],
        results: recommendations.results,
      };
    },
    {
      name: 'rank_for_customer',
      description: TOOL_DESCRIPTIONS.rank_for_customer,
      schema: RankForCustomerInputSchema,
    },
  );
}
