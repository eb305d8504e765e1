/**
 * Deterministic cues read straight from a shopper's words: refinements
 * ("cheaper", "show more", "the second one"), price phrases, colours,
 * attempts to override the rules, and the product words left over. They
 * complement the intent model's entities, which may miss phrasings.
 */
import { z } from 'zod';
import { COLOUR_WORDS as SHOPPER_COLOUR_WORDS } from '../intent/index.ts';

/** The shop's colour words as shoppers write them (shared with intent/). */
const COLOUR_WORDS = Object.keys(SHOPPER_COLOUR_WORDS);
const canonicalColour = (word: string) => SHOPPER_COLOUR_WORDS[word] ?? word;

export const TextCuesSchema = z.object({
  cheaper: z.boolean(),
  pricier: z.boolean(),
  showMore: z.boolean(),
  moreLike: z.boolean(),
  /** 1-based positions in the list last shown; -1 means "the last one". */
  ordinals: z.array(z.number().int()),
  colours: z.array(z.string()),
  excludeColours: z.array(z.string()),
  /** "any colour": drop the colour filter. */
  anyColour: z.boolean(),
  /** "other colours": leave out the colours asked for so far. */
  otherColour: z.boolean(),
  priceMin: z.number().optional(),
  priceMax: z.number().optional(),
  orderIds: z.array(z.string()),
  /** "ignore your rules", "sell it to me for £0.01", … */
  manipulation: z.boolean(),
  /** Words naming a product once fillers, prices and cues are removed. */
  productText: z.string(),
});

export type TextCues = z.infer<typeof TextCuesSchema>;

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  sixth: 6,
  '6th': 6,
  last: -1,
};

const FILLER = new Set(
  `a an the some any me my i i'm im we you your please show find get buy want
  wanted need looking look for to of with in on at is are it its this that
  these those there here have has do does did can could would will should
  like love something anything thing things stuff item items one ones
  got give let see also and or but just really very maybe perhaps what which
  how much many under over below above less more than cheaper cheap pricier
  expensive around about between up max maximum min minimum pounds pound gbp
  p pence not no without except other others similar else next page option
  options result results instead rather only same kind sort type colour color
  colours colors different another
  hi hello hey thanks thank so too bit lot little sell selling sale price
  prices priced cost costs costing budget be am was were got gotten shop
  store buying recommend recommendation recommendations suggest suggestion
  suggestions idea ideas new else reorder order orders ordered bought again
  where status track tracking when arrive arriving delivered delivery my
  last time ok okay yes yeah sure great nice cool now today actually instead
  hmm well oh prefer preferably how about all whatever either ignore rules
  rule instructions instruction previous forget disregard pretend system
  prompt override bypass`.split(/\s+/),
);

const MANIPULATION_PATTERNS = [
  /\bignore\b.{0,40}\b(rules?|instructions?|prompt|guidelines?|polic(y|ies))\b/i,
  /\b(forget|disregard|override|bypass)\b.{0,40}\b(rules?|instructions?|prompt|polic(y|ies))\b/i,
  /\b(you are now|pretend (to be|you are)|act as|jailbreak|developer mode|system prompt)\b/i,
  /\b(sell|give|let me have|charge me|make it)\b.{0,60}\bfor\s*(£\s*0?\.\d+|0\.\d+|free|nothing|a penny|1p)\b/i,
  /\b(100\s*%|hundred percent) off\b/i,
];

const PRICE_NUMBER = String.raw`£?\s*(\d+(?:\.\d{1,2})?)\s*(?:pounds?|gbp|quid)?`;
const PRICE_BETWEEN = new RegExp(
  String.raw`\bbetween\s+${PRICE_NUMBER}\s+(?:and|to|-)\s+${PRICE_NUMBER}`,
  'i',
);
const PRICE_MAX = new RegExp(
  String.raw`\b(?:under|below|less than|cheaper than|up to|max(?:imum)?|no more than|at most|within)\s+${PRICE_NUMBER}`,
  'i',
);
const PRICE_MIN = new RegExp(
  String.raw`\b(?:over|above|more than|at least|from|min(?:imum)?)\s+${PRICE_NUMBER}`,
  'i',
);
const PRICE_PHRASES = [
  new RegExp(PRICE_BETWEEN.source, 'gi'),
  new RegExp(PRICE_MAX.source, 'gi'),
  new RegExp(PRICE_MIN.source, 'gi'),
  /\bfor\s*£\s*\d+(?:\.\d{1,2})?/gi,
  /£\s*\d+(?:\.\d{1,2})?/g,
];

const NEGATED_COLOUR = new RegExp(
  String.raw`\b(?:not|no|without|except|anything but|but not|non-?)\s*(${COLOUR_WORDS.join('|')})\b`,
  'gi',
);
const COLOUR_WORD = new RegExp(
  String.raw`\b(${COLOUR_WORDS.join('|')})\b`,
  'gi',
);
const ORDER_ID = /\b(C?[45]\d{5})\b/gi;

function readPrices(text: string): Pick<TextCues, 'priceMin' | 'priceMax'> {
  const between = PRICE_BETWEEN.exec(text);
  if (between) {
    const [low, high] = [Number(between[1]), Number(between[2])].sort(
      (x, y) => x - y,
    );
    return { priceMin: low, priceMax: high };
  }
  const max = PRICE_MAX.exec(text);
  const min = PRICE_MIN.exec(text);
  return {
    priceMax: max ? Number(max[1]) : undefined,
    priceMin: min ? Number(min[1]) : undefined,
  };
}

function readColours(text: string) {
  const excluded = [...text.matchAll(NEGATED_COLOUR)].map((m) =>
    canonicalColour(m[1].toLowerCase()),
  );
  const withoutNegated = text.replace(NEGATED_COLOUR, ' ');
  const wanted = [...withoutNegated.matchAll(COLOUR_WORD)]
    .map((m) => canonicalColour(m[1].toLowerCase()))
    .filter((colour) => !excluded.includes(colour));
  return {
    colours: [...new Set(wanted)],
    excludeColours: [...new Set(excluded)],
  };
}

/**
 * "last" about the shopper's own orders ("my last orders", "last time", "what
 * did I buy last"), not about the list on screen.
 */
const LAST_NOT_SHOWN = [
  /\bmy\s+(?:very\s+)?last\b/g,
  /\blast\s+(?:few\s+|couple\s+(?:of\s+)?)?(?:orders?|purchases?|invoices?|deliver(?:y|ies)|parcels?|shipments?|baskets?|time|week|month|year|visit)\b/g,
  /\b(?:buy|bought|order|ordered|purchase|purchased|get|got)\s+(?:from\s+(?:you|here)\s+)?last\b/g,
];

function readOrdinals(text: string): number[] {
  const found: number[] = [];
  const rest = LAST_NOT_SHOWN.reduce(
    (out, pattern) => out.replace(pattern, ' '),
    text,
  );
  const pattern =
    /\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|last)\b(?:\s+(?:one|item|product|option))?|\b(?:number|no\.?|#)\s*([1-9])\b/gi;
  for (const match of rest.matchAll(pattern)) {
    if (match[1]) found.push(ORDINAL_WORDS[match[1].toLowerCase()]);
    else if (match[2]) found.push(Number(match[2]));
  }
  return [...new Set(found)];
}

/** The words of a message that name a product, fillers and cues removed. */
export function extractProductText(text: string): string {
  let rest = text.toLowerCase();
  for (const phrase of PRICE_PHRASES) rest = rest.replace(phrase, ' ');
  rest = rest.replace(NEGATED_COLOUR, ' ').replace(ORDER_ID, ' ');
  const words = rest
    .replace(/[^a-z0-9'\s-]/g, ' ')
    .split(/\s+/)
    .filter(
      (word) =>
        word.length > 1 &&
        !FILLER.has(word) &&
        !(word in ORDINAL_WORDS) &&
        !/^\d+(\.\d+)?$/.test(word),
    );
  return words.join(' ');
}

/** The words of a search text without its colour words ("red lunch bag" → "lunch bag"). */
export function stripColourWords(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word && !COLOUR_WORDS.includes(word.toLowerCase()))
    .join(' ');
}

/** Reads every cue of one clause of a shopper's message. */
export function readTextCues(text: string): TextCues {
  const lower = text.toLowerCase();
  const moreLike =
    /\b(more|others?|something|anything|items?|ones?|stuff)\s+(like|similar to)\b|\bsimilar\b/.test(
      lower,
    );
  const showMore =
    !moreLike &&
    /\b(show|see|give|got|have)\s+(me\s+)?(some\s+)?more\b|\bmore\s+(options|results|please|of (them|those))\b|\bnext (page|ones?|few)\b|\bwhat else\b|\banything else\b|^\s*more\s*[.!?]*\s*$/.test(
      lower,
    );
  const productWords = extractProductText(text)
    .split(' ')
    .filter((word) => word && !COLOUR_WORDS.includes(word));
  return {
    cheaper:
      /\b(cheaper|less expensive|lower price|too (expensive|pricey|dear)|more affordable|cheapest)\b/.test(
        lower,
      ),
    pricier: /\b(more expensive|pricier|higher end|fancier|dearer)\b/.test(
      lower,
    ),
    showMore,
    moreLike,
    ordinals: readOrdinals(lower),
    ...readColours(lower),
    anyColour: /\b(any|all|whatever) colou?rs?\b/.test(lower),
    otherColour: /\b(other|different|another) colou?rs?\b/.test(lower),
    ...readPrices(lower),
    orderIds: [
      ...new Set([...text.matchAll(ORDER_ID)].map((m) => m[1].toUpperCase())),
    ],
    manipulation: MANIPULATION_PATTERNS.some((pattern) => pattern.test(text)),
    productText: productWords.join(' '),
  };
}

/**
 * Splits a message into clauses that may carry different requests ("where
 * is my order? also show me candles", "a red lunch bag and some tea light
 * holders"). A single request stays whole ("red and white bags").
 */
export function splitClauses(text: string): string[] {
  const parts = text
    .split(
      /(?<=[?!])\s+|(?<=\.)\s+(?=[A-Za-z])|;\s*|\s*\b(?:and also|also|plus|and then)\b\s*|\s+and\s+(?=(?:can|could|would|will|what|where|when|show|recommend|find|i'd|i|please|tell|suggest|do|some)\b)/i,
    )
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part) && /[a-z0-9]/i.test(part));
  // A one-word fragment ("I", "ok") is not a request: join it to the next.
  const merged: string[] = [];
  let carry = '';
  for (const part of parts) {
    const joined = carry ? `${carry} ${part}` : part;
    if (joined.split(/\s+/).length < 2) carry = joined;
    else {
      merged.push(joined);
      carry = '';
    }
  }
  if (carry) {
    if (merged.length > 0) merged[merged.length - 1] += ` ${carry}`;
    else merged.push(carry);
  }
  return merged.length > 0 ? merged : [text.trim()];
}
