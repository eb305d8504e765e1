/**
 * Colours named in a title, as a small set of canonical names a shopper's
 * filter can use. Only colours the title names are returned: RETROSPOT is
 * usually red and white, but "RETROSPOT" alone yields no colour.
 */
import { normaliseTokens } from './normalise.ts';

export { COLOURS, COLOUR_WORDS, type Colour } from '../../colours.ts';
import { COLOUR_WORDS, type Colour } from '../../colours.ts';

/** Every single word that names a colour. */
export const COLOUR_WORD_SET: ReadonlySet<string> = new Set(
  Object.keys(COLOUR_WORDS),
);

/** Multi-word colours, matched before single words. */
const COLOUR_PHRASES: readonly [string[], Colour][] = (
  [
    ['eau de nil', 'green'],
    ['eau de nile', 'green'],
    ['rose pink', 'pink'],
    ['rose colour', 'pink'],
    ['light rose', 'pink'],
    ['jet black', 'black'],
    ['multi colour', 'multicolour'],
    ['assorted colour', 'multicolour'],
    ['assorted colours', 'multicolour'],
  ] as const
).map(([phrase, colour]) => [phrase.split(' '), colour]);

/** Titles where a colour word names something else (orange squeezer). */
const NOT_A_COLOUR: readonly [string, RegExp][] = [
  ['orange', / orange (squeezer|scented|scent|wreath) |(cinnamon|and) orange /],
  ['mint', / herb .*mint |mint (tea|incense) /],
  ['white', / white choc(olate)? /],
];

/** A filter colour and the canonical colours that satisfy it. */
const COLOUR_FAMILIES: Readonly<Partial<Record<Colour, readonly Colour[]>>> = {
  white: ['white', 'ivory', 'cream'],
  blue: ['blue', 'turquoise'],
  green: ['green', 'turquoise'],
};

/** Canonical colours named by `title`, in title order, without repeats. */
export function extractColours(title: string): Colour[] {
  const tokens = normaliseTokens(title);
  const text = ` ${tokens.join(' ')} `;
  const blocked = new Set(
    NOT_A_COLOUR.filter(([, pattern]) => pattern.test(text)).map(
      ([word]) => word,
    ),
  );
  const found = new Set<Colour>();

  for (let i = 0; i < tokens.length; i++) {
    const phrase = COLOUR_PHRASES.find(([words]) =>
      words.every((word, offset) => tokens[i + offset] === word),
    );
    if (phrase) {
      found.add(phrase[1]);
      i += phrase[0].length - 1;
      continue;
    }
    const token = tokens[i];
    const colour = COLOUR_WORDS[token];
    if (colour && !blocked.has(token)) found.add(colour);
    // JET is black in jewellery but not in "JET SET".
    if (token === 'jet' && tokens[i + 1] !== 'set') found.add('black');
  }
  return [...found];
}

/** Parses a shopper's colour word ("Navy", "gray") to a canonical colour. */
export function parseColour(word: string): Colour | undefined {
  const tokens = normaliseTokens(word);
  const text = tokens.join(' ');
  const phrase = COLOUR_PHRASES.find(([words]) => words.join(' ') === text);
  if (phrase) return phrase[1];
  for (const token of tokens.reverse()) {
    const colour = COLOUR_WORDS[token];
    if (colour) return colour;
  }
  return undefined;
}

/**
 * The stored colours that satisfy a shopper's colour filter: "white" also
 * accepts ivory and cream, "blue" turquoise; otherwise just the colour.
 */
export function coloursMatching(colour: Colour): readonly Colour[] {
  return COLOUR_FAMILIES[colour] ?? [colour];
}
