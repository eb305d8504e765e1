/**
 * A reading of the message from the text cues alone, for when the intent
 * tool failed: the turn still answers what the words make clear.
 */
import {
  readTextCues,
  splitClauses,
  type DetectIntentResult,
  type TextCues,
} from '../tools/index.ts';

export function guessIntent(text: string, cues: TextCues): string {
  const lower = text.toLowerCase();
  if (
    cues.orderIds.length > 0 ||
    /\b(my|an?) orders?\b|\bdelivery\b|\bparcel\b/.test(lower)
  )
    return 'track_order';
  if (/\breorder|buy again|order again\b/.test(lower)) return 'reorder';
  if (/\brecommend|suggest|ideas?\b/.test(lower)) return 'recommendation';
  if (/^\s*(hi|hello|hey)\b/.test(lower)) return 'greeting';
  if (/\bthank/.test(lower)) return 'thanks';
  if (cues.productText || cues.cheaper || cues.showMore || cues.moreLike)
    return 'product_search';
  return 'out_of_scope';
}

/** Intents guessed from the cues, with a low confidence. */
export function detectFromCues(text: string): DetectIntentResult {
  const parts = splitClauses(text).map((clause) => {
    const cues = readTextCues(clause);
    const refinements = [
      ...(cues.cheaper ? ['cheaper'] : []),
      ...(cues.showMore ? ['show_more'] : []),
      ...(cues.moreLike ? ['more_like'] : []),
    ];
    return {
      text: clause,
      intents: [{ name: guessIntent(clause, cues), confidence: 0.3 }],
      entities: {
        orderIds: cues.orderIds,
        priceMin: cues.priceMin,
        priceMax: cues.priceMax,
        colours: cues.colours,
        excludeColours: cues.excludeColours,
        categories: [],
        quantities: [],
        refinements,
        ordinals: cues.ordinals,
      },
      sentiment: 0,
      cues,
    };
  });
  return {
    ok: true,
    intents: [...new Set(parts.map((part) => part.intents[0].name))],
    parts,
  };
}
