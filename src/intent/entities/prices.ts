/**
 * Price bounds in pounds: "under £2", "less than 2 pounds", "under 2 quid",
 * "between 1 and 3 gbp", "below 50p", "over £5", "cheaper than 3",
 * "£2-£5", "under a fiver", "around £10".
 */
import { NUMBER_WORD_PATTERN, parseNumber } from './numbers.ts';

export interface PriceBounds {
  min?: number;
  max?: number;
}

const NUM = `(?:\\d+(?:[.,]\\d{1,2})?|(?:a |an )?(?:fiver|tenner)|${NUMBER_WORD_PATTERN})`;
const POUND_UNIT = '(?:pounds?|quid|gbp|£|squid)';
const PENCE_UNIT = '(?:p|pence|pennies)';

/** An amount: "£2", "2 pounds", "2.50 gbp", "50p", "a fiver", or bare "3". */
const AMOUNT = `(£\\s*${NUM}(?:\\s*${POUND_UNIT})?|${NUM}\\s*${POUND_UNIT}|${NUM}\\s*${PENCE_UNIT}\\b|${NUM})`;

/** What follows a bare number that makes it something other than money. */
const NOT_MONEY =
  /^\s*(?:s\b|'s|years?|yrs?|yo\b|y\/o|months?|weeks?|days?|hours?|mins?|minutes?|cm|mm|m\b|inch|inches|kg|g\b|ml|l\b|litres?|items?|pieces?|pcs|units?|of\b|people|guests|kids|%|percent|x\b)/;

const UPPER =
  '(?:under|below|less than|cheaper than|lower than|beneath|max(?:imum)?|at most|no more than|not more than|no higher than|up to|upto|within|not over|budget(?: of| is)?|<|less then|cheaper then|under than)';
const LOWER =
  '(?:over|above|more than|at least|min(?:imum)?|from|>|starting (?:at|from)|upwards of|more then)';
const RELATIVE_LOWER = '(?:more expensive than|pricier than|dearer than)';
const AROUND = '(?:around|about|roughly|approx(?:imately)?|~|circa|near)';

/** The value in pounds, and whether it carried a currency marker. */
function parseAmount(
  raw: string,
): { value: number; marked: boolean } | undefined {
  const text = raw.trim();
  const pence = new RegExp(`^(${NUM})\\s*${PENCE_UNIT}$`).exec(text);
  if (pence) {
    const value = parseNumber(pence[1]);
    return value === undefined
      ? undefined
      : { value: value / 100, marked: true };
  }
  const marked = /£|pound|quid|gbp|fiver|tenner/.test(text);
  const number = text
    .replace(/£/g, '')
    .replace(new RegExp(`\\s*${POUND_UNIT}$`), '')
    .trim();
  const value = parseNumber(number);
  return value === undefined ? undefined : { value, marked };
}

const roundPence = (value: number) => Math.round(value * 100) / 100;

interface Rule {
  pattern: RegExp;
  apply(
    amounts: { value: number; marked: boolean }[],
    rest: string,
  ): PriceBounds | undefined;
}

const RULES: Rule[] = [
  {
    pattern: new RegExp(
      `\\b(?:between|from) ${AMOUNT}\\s*(?:and|to|-)\\s*${AMOUNT}`,
      'g',
    ),
    apply: ([low, high]) => ({ min: low.value, max: high.value }),
  },
  {
    pattern: new RegExp(`${AMOUNT}\\s*(?:-|to)\\s*${AMOUNT}`, 'g'),
    apply: ([low, high]) =>
      low.marked || high.marked
        ? { min: low.value, max: high.value }
        : undefined,
  },
  {
    pattern: new RegExp(`\\b${RELATIVE_LOWER}\\s*${AMOUNT}`, 'g'),
    apply: ([amount], rest) =>
      amount.marked || !NOT_MONEY.test(rest)
        ? { min: amount.value }
        : undefined,
  },
  {
    pattern: new RegExp(
      `(?:\\b|^|\\s)${UPPER}\\s*(?:a price of |the price of )?${AMOUNT}`,
      'g',
    ),
    apply: ([amount], rest) =>
      amount.marked || !NOT_MONEY.test(rest)
        ? { max: amount.value }
        : undefined,
  },
  {
    pattern: new RegExp(`(?:\\b|^|\\s)${LOWER}\\s*${AMOUNT}`, 'g'),
    apply: ([amount]) => (amount.marked ? { min: amount.value } : undefined),
  },
  {
    pattern: new RegExp(`\\b${AROUND}\\s*${AMOUNT}`, 'g'),
    apply: ([amount]) =>
      amount.marked
        ? {
            min: roundPence(amount.value * 0.8),
            max: roundPence(amount.value * 1.2),
          }
        : undefined,
  },
];

/** The tightest bounds the text states; undefined when it states none. */
export function extractPriceBounds(text: string): PriceBounds | undefined {
  let lower = text.toLowerCase().replace(/\s+/g, ' ');
  const bounds: PriceBounds = {};
  for (const rule of RULES) {
    lower = lower.replace(rule.pattern, (whole, ...groups: unknown[]) => {
      // replace() passes the captures, then the offset, then the input.
      const at = groups.findIndex((g) => typeof g === 'number');
      const offset = groups[at] as number;
      const rest = lower.slice(offset + whole.length);
      const amounts = groups
        .slice(0, at)
        .map((g) => (typeof g === 'string' ? parseAmount(g) : undefined));
      if (amounts.some((amount) => amount === undefined)) return whole;
      const found = rule.apply(
        amounts as { value: number; marked: boolean }[],
        rest,
      );
      if (!found) return whole;
      if (found.min !== undefined)
        bounds.min = Math.max(bounds.min ?? 0, roundPence(found.min));
      if (found.max !== undefined)
        bounds.max = Math.min(bounds.max ?? Infinity, roundPence(found.max));
      // Blank out what was used so a later, looser rule cannot reread it.
      return ' '.repeat(whole.length);
    });
  }
  if (bounds.min === undefined && bounds.max === undefined) return undefined;
  if (
    bounds.min !== undefined &&
    bounds.max !== undefined &&
    bounds.min > bounds.max
  )
    [bounds.min, bounds.max] = [bounds.max, bounds.min];
  return bounds;
}

const BUDGET =
  /\b(cheap(?:est)?|budget|inexpensive|affordable|low[- ]cost|bargain)\b/;
const PREMIUM =
  /\b(luxury|luxurious|premium|high[- ]end|posh|fancy|expensive|top of the range)\b/;

/** "cheap lunch bags" → budget; "something posh" → premium. */
export function extractPriceLevel(
  text: string,
): 'budget' | 'premium' | undefined {
  const lower = text.toLowerCase();
  if (/\b(?:more|less|too|not so|not too) expensive\b/.test(lower))
    return undefined;
  if (BUDGET.test(lower)) return 'budget';
  if (PREMIUM.test(lower)) return 'premium';
  return undefined;
}
