import { tool } from 'langchain';
import { z } from 'zod';
import { TOOL_DESCRIPTIONS } from '../prompts/index.ts';
import {
  EntitiesSchema,
  IntentScoreSchema,
  type Entities,
  type ShopServices,
} from './services.ts';
import {
  readTextCues,
  splitClauses,
  TextCuesSchema,
  type TextCues,
} from './text-cues.ts';

export const DetectIntentInputSchema = z.object({
  text: z.string().min(1).max(4000),
});

export const MessagePartSchema = z.object({
  text: z.string(),
  intents: z.array(IntentScoreSchema),
  entities: EntitiesSchema,
  sentiment: z.number(),
  cues: TextCuesSchema,
});

export const DetectIntentResultSchema = z.object({
  ok: z.literal(true),
  /** The top intent of each clause, in order, without repeats. */
  intents: z.array(z.string()),
  parts: z.array(MessagePartSchema),
});

export type MessagePart = z.infer<typeof MessagePartSchema>;
export type DetectIntentResult = z.infer<typeof DetectIntentResultSchema>;

const union = <T>(a: T[], b: T[]): T[] => [...new Set([...a, ...b])];

/** The model's entities, completed by the cues it may have missed. */
function mergeEntities(entities: Entities, cues: TextCues): Entities {
  const excludeColours = union(entities.excludeColours, cues.excludeColours);
  const refinements = [...entities.refinements];
  if (cues.cheaper) refinements.push('cheaper');
  if (cues.showMore) refinements.push('show_more');
  if (cues.moreLike) refinements.push('more_like');
  return {
    ...entities,
    orderIds: union(entities.orderIds, cues.orderIds),
    priceMin: entities.priceMin ?? cues.priceMin,
    priceMax: entities.priceMax ?? cues.priceMax,
    colours: union(entities.colours, cues.colours).filter(
      (colour) => !excludeColours.includes(colour),
    ),
    excludeColours,
    refinements: [...new Set(refinements)],
    ordinals: union(entities.ordinals, cues.ordinals),
  };
}

/** Runs the intent model on each clause of the message. */
export async function detectMessage(
  services: ShopServices,
  text: string,
): Promise<DetectIntentResult> {
  const parts = await Promise.all(
    splitClauses(text).map(async (clause) => {
      const detection = await services.detectIntent(clause);
      const cues = readTextCues(clause);
      return {
        text: clause,
        intents: detection.intents.slice(0, 3),
        entities: mergeEntities(detection.entities, cues),
        sentiment: detection.sentiment,
        cues,
      };
    }),
  );
  const intents = [
    ...new Set(parts.flatMap((part) => part.intents.slice(0, 1))),
  ].map((intent) => intent.name);
  return { ok: true, intents, parts };
}

/** `detect_intent`: intents, entities and cues of the shopper's message. */
export function createDetectIntentTool(services: ShopServices) {
  return tool(
    async ({ text }): Promise<DetectIntentResult> =>
      detectMessage(services, text),
    {
      name: 'detect_intent',
      description: TOOL_DESCRIPTIONS.detect_intent,
      schema: DetectIntentInputSchema,
    },
  );
}
