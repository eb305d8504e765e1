/**
 * Patterns, motifs and the shop's design ranges named in a title
 * (RETROSPOT, PAISLEY, REGENCY, DOLLY GIRL, ...), as plain-English theme
 * names a shopper would use ("polka dot", "floral", "union jack").
 */
import { normaliseTokens, singular } from './normalise.ts';

/**
 * Each theme and the words or phrases (singular, normalised) that name it.
 * A phrase is matched on whole words.
 */
export const THEMES: Readonly<Record<string, readonly string[]>> = {
  'polka dot': [
    'retrospot',
    'polkadot',
    'polka dot',
    'polka',
    'spotty',
    'spotted',
    'spot',
    'dot',
    'dotty',
    'scandispot',
  ],
  retrospot: ['retrospot'],
  paisley: ['paisley'],
  vintage: ['vintage', 'antique', 'retro', '50s', '70s', 'old fashioned'],
  regency: ['regency'],
  baroque: ['baroque'],
  victorian: ['victorian', 'edwardian'],
  christmas: [
    'christmas',
    'advent',
    'santa',
    'reindeer',
    'snowman',
    'snowmen',
    'snowflake',
    'bauble',
    'tinsel',
    'nativity',
    'yuletide',
    'noel',
    'sleigh',
    'holly',
    'mistletoe',
    'gingerbread',
  ],
  easter: ['easter'],
  halloween: ['halloween', 'ghost', 'pumpkin'],
  heart: ['heart', 'sweetheart', 'valentine', 'cupid'],
  skull: ['skull', 'crossbone', 'pirate'],
  owl: ['owl'],
  bird: [
    'bird',
    'birdie',
    'birdy',
    'lovebird',
    'robin',
    'swallow',
    'dove',
    'finch',
    'canary',
    'budgie',
  ],
  butterfly: ['butterfly'],
  floral: [
    'floral',
    'flower',
    'daisy',
    'rose',
    'rosebud',
    'peony',
    'poppy',
    'blossom',
    'lily',
    'botanical',
    'chrysanthemum',
    'hydrangea',
    'posy',
    'posie',
    'hibiscus',
    'frangipani',
    'sunflower',
    'bouquet',
    'flora',
  ],
  'union jack': ['union jack', 'union flag', 'union stripe'],
  london: ['london'],
  doily: ['doily'],
  gingham: ['gingham', 'check', 'checked'],
  stripe: ['stripe', 'striped', 'stripey', 'stripy'],
  strawberry: ['strawberry'],
  fruit: [
    'fruit',
    'apple',
    'pear',
    'cherry',
    'strawberry',
    'lemon',
    'watermelon',
    'tutti frutti',
  ],
  'fairy cake': ['fairy cake', 'cupcake'],
  'tea time': ['tea time', 'teatime', 'tea party'],
  woodland: ['woodland'],
  spaceboy: ['spaceboy'],
  'dolly girl': ['dolly girl'],
  circus: ['circus'],
  pantry: ['pantry'],
  babushka: ['babushka', 'russian doll'],
  'folk art': ['folkart', 'folk art'],
  scandinavian: ['scandinavian', 'scandi'],
  moroccan: ['moroccan', 'marakesh', 'medina', 'kasbah'],
  cat: ['cat', 'kitten', 'kitty'],
  dog: ['dog', 'puppy', 'scottie', 'scotty', 'poodle'],
  rabbit: ['rabbit', 'bunny', 'hare'],
  dinosaur: ['dinosaur'],
  toadstool: ['toadstool', 'mushroom'],
  star: ['star'],
  camouflage: ['camouflage', 'camo'],
  french: ['french', 'paris', 'parisienne'],
  'charlie and lola': ['charlie and lola', 'charlie lola'],
  alphabet: ['alphabet'],
};

/** First word → [theme, phrase words] for a one-pass scan. */
const THEME_INDEX = buildIndex();

function buildIndex(): Map<string, [string, string[]][]> {
  const index = new Map<string, [string, string[]][]>();
  for (const [theme, phrases] of Object.entries(THEMES))
    for (const phrase of phrases) {
      const words = phrase.split(' ').map(singular);
      const list = index.get(words[0]) ?? [];
      list.push([theme, words]);
      index.set(words[0], list);
    }
  return index;
}

/** Theme names found in `title`, in the order of THEMES. */
export function extractThemes(title: string): string[] {
  const tokens = normaliseTokens(title).map(singular);
  const found = new Set<string>();
  tokens.forEach((token, i) => {
    for (const [theme, words] of THEME_INDEX.get(token) ?? [])
      if (words.every((word, offset) => tokens[i + offset] === word))
        found.add(theme);
  });
  return Object.keys(THEMES).filter((theme) => found.has(theme));
}
