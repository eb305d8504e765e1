/**
 * How many the shopper wants: "12 of them", "a dozen", "x6", "6x",
 * "qty 24", "24 pcs", "a pair of", "i'll take three".
 */
import { NUMBER_WORD_PATTERN, parseNumber } from './numbers.ts';

const COUNT = `(\\d{1,4}|${NUMBER_WORD_PATTERN})`;

const NOT_ITEMS =
  'days?|weeks?|months?|years?|yrs?|hours?|mins?|minutes?|times?|pounds?|quid|pence|p|gbp|cm|mm|inch(?:es)?|kg|g|ml|litres?|percent|%|am|pm|st|nd|rd|th|yo|year olds?|tier|tiers|piece set|pc set|x\\d';

const RULES: readonly RegExp[] = [
  /\b(?:half a dozen)\b/,
  /\b(?:(two|three|four|five|six|ten|\d{1,2}) )?dozen\b/,
  /\bx\s?(\d{1,4})\b/,
  /\b(\d{1,4})\s?x\b(?!\s?\d)/,
  /\b(?:qty|quantity|qnty)\s*(?:of|:|=)?\s*(\d{1,4})\b/,
  new RegExp(
    `\\b${COUNT}\\s*(?:pcs|pieces|units|packs|boxes|sets|items|lots)\\b`,
  ),
  new RegExp(`\\b${COUNT} (?:more )?of (?:them|those|these|it|each|the\\b)`),
  /\b(a pair|a couple) of\b/,
  new RegExp(
    `\\b(?:add|take|have|want|need|order|buy|get|make it|put|pop)\\s+(?:another\\s+)?${COUNT}\\b(?!\\s*(?:${NOT_ITEMS})\\b)`,
  ),
  // "12 red lunch bags": a count, up to two words, then a plural noun.
  new RegExp(
    `(?<![£.,\\d#-])\\b${COUNT} (?:more )?(?!(?:${NOT_ITEMS}|of|or|and|to)\\b)(?:[a-z-]+ ){0,2}[a-z][a-z-]+s\\b`,
  ),
];

/** The quantity asked for, or undefined; order numbers and prices excluded. */
export function extractQuantity(
  text: string,
  ignoredSpans: readonly string[] = [],
): number | undefined {
  let lower = text.toLowerCase().replace(/\s+/g, ' ');
  for (const span of ignoredSpans)
    lower = lower.split(span.toLowerCase()).join(' ');
  lower = lower
    .replace(/£\s*\d+(?:[.,]\d+)?/g, ' ')
    .replace(/\bc?\d{5,}\b/g, ' ');

  for (const rule of RULES) {
    const match = rule.exec(lower);
    if (!match) continue;
    if (match[0].startsWith('half a dozen')) return 6;
    if (match[0].includes('dozen'))
      return 12 * (match[1] ? (parseNumber(match[1]) ?? 1) : 1);
    if (/^a (pair|couple)/.test(match[1] ?? '')) return 2;
    const value = parseNumber(match[1] ?? '');
    if (value !== undefined && value > 0 && value < 10_000) return value;
  }
  return undefined;
}
