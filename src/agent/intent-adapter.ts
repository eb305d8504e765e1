/**
 * Reads intent/'s detection result into the port's shape: the entities the
 * tools and refinements use, under the names they use.
 */
import type { IntentResult } from '../intent/index.ts';
import type { IntentDetection } from '../tools/index.ts';

const CUE_NAMES: Record<string, string> = {
  cheaper: 'cheaper',
  more_expensive: 'pricier',
  show_more: 'show_more',
  more_like: 'more_like',
  other_colour: 'other_colour',
};

/** The port's IntentDetection from intent/'s IntentResult. */
export function toIntentDetection(result: IntentResult): IntentDetection {
  const { entities } = result;
  const reference = entities.refinement?.reference;
  const ordinals =
    reference?.kind === 'ordinal'
      ? [reference.index]
      : reference?.kind === 'last'
        ? [-1]
        : [];
  return {
    intents: result.intents.map(({ name, confidence }) => ({
      name,
      confidence,
    })),
    entities: {
      orderIds: entities.orderNumbers ?? [],
      priceMin: entities.price?.min,
      priceMax: entities.price?.max,
      colours: entities.colours ?? [],
      excludeColours: entities.excludeColours ?? [],
      categories: entities.categories ?? [],
      quantities: entities.quantity === undefined ? [] : [entities.quantity],
      refinements: (entities.refinement?.cues ?? [])
        .map((cue) => CUE_NAMES[cue])
        .filter((cue): cue is string => cue !== undefined),
      ordinals,
    },
    sentiment: result.sentimentScore,
  };
}
