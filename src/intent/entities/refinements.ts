/**
 * How a message refines the products shown before: cheaper, pricier, more,
 * similar, and which shown product it points at ("the second one", "that
 * one", "the last one").
 */

export const REFINEMENT_CUES = [
  'cheaper',
  'more_expensive',
  'show_more',
  'more_like',
  'bigger',
  'smaller',
  'other_colour',
] as const;

export type RefinementCue = (typeof REFINEMENT_CUES)[number];

export type ProductReference =
  | { kind: 'ordinal'; index: number }
  | { kind: 'last' }
  | { kind: 'that' }
  | { kind: 'all' };

const CUE_PATTERNS: readonly [RefinementCue, RegExp][] = [
  [
    'cheaper',
    /\b(cheaper|less expensive|lower price|lower priced|too (?:expensive|pricey|dear)|more affordable|not so expensive)\b/,
  ],
  [
    'more_expensive',
    /\b(more expensive|pricier|dearer|higher (?:price|quality|end)|fancier|more premium|too cheap|posher)\b/,
  ],
  [
    'show_more',
    /\b(show (?:me )?more|more (?:options|results|choices)|any (?:others|more)|anything else|see more|next page|load more|other ones|what else|more please)\b/,
  ],
  [
    'more_like',
    /\b(more like|similar|something like|anything like|same (?:style|kind|type) as|like (?:the|that|this) (?:one|first|second|third|last|\d))\b/,
  ],
  ['bigger', /\b(bigger|larger|a size up)\b/],
  ['smaller', /\b(smaller|more compact|mini version)\b/],
  ['other_colour', /\b(different colou?r|other colou?rs?|another colou?r)\b/],
];

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

const ORDINAL =
  /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(?:10|[1-9])(?:st|nd|rd|th))(?:\s+(?:one|item|product|option|result|link|choice|bag|mug)s?)?\b/;
const NUMBERED = /\b(?:number|no\.?|item|option|#)\s?(10|[1-9])\b(?!\d)/;

/** The shown product a message points at, if any. */
export function extractReference(text: string): ProductReference | undefined {
  const lower = text.toLowerCase();
  // "third time I ask" is not a pointer at the third product.
  const ordinal = ORDINAL.exec(lower.replace(/\b\w+ time\b/g, ' '));
  if (ordinal) {
    const word = ordinal[1];
    const index = ORDINAL_WORDS[word] ?? Number.parseInt(word, 10);
    if (index >= 1 && index <= 10) return { kind: 'ordinal', index };
  }
  const numbered = NUMBERED.exec(lower);
  if (numbered) return { kind: 'ordinal', index: Number(numbered[1]) };
  if (
    /\b(?:the )?(?:last|final|bottom) (?:one|item|product|option)\b/.test(lower)
  )
    return { kind: 'last' };
  if (
    /\b(?:all of them|all of those|all of these|every one|one of each|them all)\b/.test(
      lower,
    )
  )
    return { kind: 'all' };
  if (
    /\b(?:that|this|the same) (?:one|item|product|bag|mug)\b|\b(?:add|buy|want|take) (?:it|that|this)\b/.test(
      lower,
    )
  )
    return { kind: 'that' };
  return undefined;
}

/** Refinement cues, in a fixed order. */
export function extractRefinementCues(text: string): RefinementCue[] {
  const lower = text.toLowerCase();
  return CUE_PATTERNS.filter(([, pattern]) => pattern.test(lower)).map(
    ([cue]) => cue,
  );
}
