/**
 * Makes clean training sentences look like what shoppers type: lower case,
 * no punctuation, text-speak and one-letter typos.
 */
import { pick, type Random } from './random.ts';

const TEXT_SPEAK: ReadonlyArray<readonly [RegExp, string]> = [
  [/\byou\b/g, 'u'],
  [/\byour\b/g, 'ur'],
  [/\bare\b/g, 'r'],
  [/\bplease\b/g, 'pls'],
  [/\bthanks\b/g, 'thx'],
  [/\bwant to\b/g, 'wanna'],
  [/\bgoing to\b/g, 'gonna'],
  [/\bi am\b/g, 'im'],
  [/\bi'm\b/g, 'im'],
  [/\bcan't\b/g, 'cant'],
  [/\bdon't\b/g, 'dont'],
  [/\bwhat's\b/g, 'whats'],
  [/\bwhere's\b/g, 'wheres'],
  [/\bwhat is\b/g, 'whats'],
  [/\bbecause\b/g, 'cos'],
  [/\bthe\b/g, ''],
  [/\bmy\b/g, 'me'],
  [/\babout\b/g, 'abt'],
];

const NEIGHBOURS = 'qwertyuiopasdfghjklzxcvbnm';

function typo(word: string, random: Random): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default: {
      const at = NEIGHBOURS.indexOf(word[i]);
      const near = at < 0 ? word[i] : NEIGHBOURS[Math.max(0, at - 1)];
      return word.slice(0, i) + near + word.slice(i + 1);
    }
  }
}

/** One noisy rewrite of a sentence (may equal the input for short ones). */
export function addNoise(text: string, random: Random): string {
  let out = text.toLowerCase();
  if (random() < 0.6) out = out.replace(/[?!.,;:]+/g, ' ');
  if (random() < 0.5) {
    const [pattern, replacement] = pick(random, TEXT_SPEAK);
    out = out.replace(pattern, replacement);
  }
  const words = out.split(/\s+/).filter(Boolean);
  const edits = random() < 0.7 ? 1 : 2;
  for (let e = 0; e < edits; e++) {
    const long = words
      .map((word, index) => ({ word, index }))
      .filter(({ word }) => word.length >= 4 && /^[a-z]+$/.test(word));
    if (long.length === 0) break;
    const { word, index } = pick(random, long);
    words[index] = typo(word, random);
  }
  return words.join(' ');
}

const BRITISH: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\bshipping\b/g, ['postage', 'delivery', 'p&p']],
  [/\bship\b/g, ['post', 'deliver', 'send']],
  [/\bpackages?\b/g, ['parcel']],
  [/\bcart\b/g, ['basket', 'trolley']],
  [/\bmail\b/g, ['post']],
  [/\bzip code\b/g, ['postcode']],
  [/\bcell ?phone\b/g, ['mobile']],
  [/\bcustomer service\b/g, ['customer services']],
  [/\bcheck\b/g, ['check', 'see', 'look at']],
];

/**
 * Bitext is written in American English; this shop's shoppers write
 * "postage", "parcel" and "basket". Returns undefined when nothing applies.
 */
export function toBritish(text: string, random: Random): string | undefined {
  let out = text;
  for (const [pattern, choices] of BRITISH)
    out = out.replace(pattern, () => pick(random, choices));
  return out === text ? undefined : out;
}
