/**
 * The result of intent detection, as zod schemas (types are inferred).
 */
import { z } from 'zod';
import { REFINEMENT_CUES } from './entities/refinements.ts';
import { IntentNameSchema } from './intent-names.ts';

export const ProductReferenceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ordinal'),
    index: z.number().int().min(1).max(10),
  }),
  z.object({ kind: z.literal('last') }),
  z.object({ kind: z.literal('that') }),
  z.object({ kind: z.literal('all') }),
]);

export const EntitiesSchema = z.object({
  /** Invoice numbers, canonical: six digits, "C" prefix on cancellations. */
  orderNumbers: z.array(z.string().regex(/^C?\d{6}$/)).optional(),
  /** Price bounds in pounds (GBP). */
  price: z
    .object({
      min: z.number().min(0).optional(),
      max: z.number().min(0).optional(),
    })
    .optional(),
  /** "cheap …" / "something posh" without a number. */
  priceLevel: z.enum(['budget', 'premium']).optional(),
  quantity: z.number().int().positive().optional(),
  colours: z.array(z.string()).optional(),
  excludeColours: z.array(z.string()).optional(),
  /** Category ids of the product taxonomy (see SHOPPER_CATEGORIES). */
  categories: z.array(z.string()).optional(),
  /** How the message refines products shown before. */
  refinement: z
    .object({
      cues: z.array(z.enum(REFINEMENT_CUES)),
      reference: ProductReferenceSchema.optional(),
    })
    .optional(),
});

export const DetectedIntentSchema = z.object({
  name: IntentNameSchema,
  /** Calibrated probability of the intent for its clause, 0..1. */
  confidence: z.number().min(0).max(1),
});

export const SentimentSchema = z.enum(['negative', 'neutral', 'positive']);

export const LanguageSchema = z.enum([
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'unknown',
]);

export const IntentResultSchema = z.object({
  /** At least one; task intents by confidence, then greeting/thanks/goodbye. */
  intents: z.array(DetectedIntentSchema).min(1),
  entities: EntitiesSchema,
  sentiment: SentimentSchema,
  /** -1 (angry) .. 1 (delighted). */
  sentimentScore: z.number().min(-1).max(1),
  /** 'en' when the message reads as English; otherwise a guess or 'unknown'. */
  language: LanguageSchema,
  /**
   * The message's parts when it has several, each with its own best guess,
   * whether or not that guess was confident enough to count in `intents`.
   */
  clauses: z
    .array(z.object({ text: z.string(), intent: DetectedIntentSchema }))
    .optional(),
});

export type ProductReference = z.infer<typeof ProductReferenceSchema>;
export type Entities = z.infer<typeof EntitiesSchema>;
export type DetectedIntent = z.infer<typeof DetectedIntentSchema>;
export type Sentiment = z.infer<typeof SentimentSchema>;
export type Language = z.infer<typeof LanguageSchema>;
export type IntentResult = z.infer<typeof IntentResultSchema>;
