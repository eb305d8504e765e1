/**
 * Number words shoppers write instead of digits.
 */
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  pair: 2,
  couple: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  fiver: 5,
  tenner: 10,
};

/** Alternation of the number words (for building regular expressions). */
export const NUMBER_WORD_PATTERN =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred';

/** "12", "2.50", "2,50", "twelve", "a fiver" → a number; undefined if not. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/^(a|an)\s+(?=fiver|tenner|hundred)/, '');
  if (/^\d+(?:[.,]\d{1,2})?$/.test(cleaned))
    return Number(cleaned.replace(',', '.'));
  return NUMBER_WORDS[cleaned];
}
