/**
 * Turns a title (or a shopper's text) into lower-case tokens with the shop's
 * abbreviations and misspellings written out, so that every later step
 * (colours, themes, categories, jargon expansion) reads one vocabulary.
 */

/** Rewrites that need the punctuation still in place (S/3, B'FLY, M.O.P). */
const PHRASE_REWRITES: readonly [RegExp, string][] = [
  [/\bs\s*\/\s*(\d+)/g, ' set of $1 '],
  [/\bretro\s+spot\b/g, ' retrospot '],
  [/\b(set|pack|box|basket)\s*\/\s*(\d+)/g, ' $1 of $2 '],
  [/\bset\s*(?:of\s*)?(\d+)\b/g, ' set of $1 '],
  [/\bpack\s+(\d+)\b/g, ' pack of $1 '],
  [/\b(\d+)\s*pcs?\b/g, ' $1 piece '],
  [/\bp\s*\/\s*frame\b/g, ' photo frame '],
  [/\bc\s*\/\s*cover\b/g, ' cushion cover '],
  [/\bm\s*\/\s*colou?r\b/g, ' multicolour '],
  [/\bw\s*\/\s*/g, ' with '],
  [/\blily\s*\/\s*valley\b/g, ' lily of the valley '],
  [/\bb'fly\b/g, ' butterfly '],
  [/\bp'weight\b/g, ' paperweight '],
  [/\bb'draw\b/g, ' drawer '],
  [/\bmidn't\b/g, ' midnight '],
  [/\bsil't\b/g, ' silhouette '],
  [/\b(\d0)'s\b/g, ' $1s '],
  [/\bm\s*\.\s*o\s*\.\s*p\b\.?/g, ' mother of pearl '],
  [/\bf\s*\.\s*fairy\b/g, ' flower fairy '],
  [/\bl(?:t)?\s*\.\s*blue\b/g, ' light blue '],
  [/\bneckl\.?\s*(\d+)\s*"/g, ' necklace $1 inch '],
  [/(\d+)\s*"/g, ' $1 inch '],
  [/\bt\s*-\s*lite?s?\b/g, ' t-light '],
  [/\bt\s*-\s*lights\b/g, ' t-lights '],
  [/\s\+\s/g, ' + '],
];

/** Single-token spellings of the shop mapped to one written-out form. */
export const TOKEN_SPELLINGS: Readonly<Record<string, string>> = {
  sml: 'small',
  lrg: 'large',
  lge: 'large',
  med: 'medium',
  hldr: 'holder',
  hlder: 'holder',
  tlight: 't-light',
  tlights: 't-lights',
  tealight: 't-light',
  tealights: 't-lights',
  ass: 'assorted',
  asst: 'assorted',
  asstd: 'assorted',
  col: 'colour',
  cols: 'colours',
  des: 'design',
  dec: 'decoration',
  decs: 'decorations',
  wht: 'white',
  whit: 'white',
  blk: 'black',
  blck: 'black',
  blu: 'blue',
  turq: 'turquoise',
  turqoise: 'turquoise',
  turquois: 'turquoise',
  nat: 'natural',
  squ: 'square',
  rnd: 'round',
  rect: 'rectangle',
  vint: 'vintage',
  ant: 'antique',
  choc: 'chocolate',
  xmas: 'christmas',
  pcs: 'pieces',
  lt: 'light',
  w: 'with',
  neckl: 'necklace',
  necklac: 'necklace',
  braclet: 'bracelet',
  cakestand: 'cake stand',
  candleholder: 'candle holder',
  candlehldr: 'candle holder',
  candlepot: 'candle pot',
  hottie: 'hot water bottle',
  teatowel: 'tea towel',
  teatowels: 'tea towels',
  photoframe: 'photo frame',
  coathanger: 'coat hanger',
  coathangers: 'coat hangers',
  lunchboxes: 'lunch boxes',
  birdhouses: 'bird houses',
  photoframes: 'photo frames',
  candleholders: 'candle holders',
  cakestands: 'cake stands',
  coathook: 'coat hook',
  toastrack: 'toast rack',
  foodcover: 'food cover',
  lunchbox: 'lunch box',
  birdhouse: 'bird house',
  birdfeeder: 'bird feeder',
  drawerknob: 'drawer knob',
  paperlanterns: 'paper lanterns',
  scentcandle: 'scent candle',
  chocolatecandle: 'chocolate candle',
  newbaroque: 'new baroque',
  baroquecandlestick: 'baroque candlestick',
  blackchristmas: 'black christmas',
  trellistriple: 'trellis triple',
  redwhite: 'red white',
  wallhanging: 'wall hanging',
  memoboard: 'memo board',
  bookcover: 'book cover',
  fruitbowl: 'fruit bowl',
  strwberry: 'strawberry',
  strawbery: 'strawberry',
  camoflage: 'camouflage',
  camouflague: 'camouflage',
  hydranga: 'hydrangea',
  artiifcial: 'artificial',
  ornamenetal: 'ornamental',
  contempory: 'contemporary',
  cinammon: 'cinnamon',
  sandlewood: 'sandalwood',
  jewelery: 'jewellery',
  jeweled: 'jewelled',
  tassle: 'tassel',
  doiley: 'doily',
  paisely: 'paisley',
  pannetone: 'panettone',
  popart: 'pop art',
  rohmbic: 'rhombic',
  rectangluar: 'rectangular',
  utilty: 'utility',
  minature: 'miniature',
  fuschia: 'fuchsia',
  budah: 'buddha',
  foldin: 'folding',
  sharpner: 'sharpener',
  skippping: 'skipping',
  lillies: 'lilies',
  lilly: 'lily',
  ceature: 'creature',
  vippassport: 'vip passport',
  stopmetal: 'stop metal',
  'key-ring': 'keyring',
  'key-chains': 'key chains',
  'pom-pom': 'pom pom',
  'carry-all': 'carry all',
  'pop-art': 'pop art',
  'mini-cooper': 'mini cooper',
};

/**
 * Lower-case tokens of `text` with the shop's jargon written out, in clauses:
 * a spaced " + " in a title joins two things ("PARTY BAG + STICKER SET"), and
 * the first clause names the product.
 */
export function normaliseClauses(text: unknown): readonly string[][] {
  const input = typeof text === 'string' ? text : '';
  // deriveAttributes reads one title four times in a row (category, colours,
  // themes, search text): remember the last one.
  if (input === last.input) return last.clauses;
  const clauses = Object.freeze(splitClauses(input));
  last = { input, clauses };
  return clauses;
}

let last: { input: string; clauses: readonly string[][] } = {
  input: '',
  clauses: [],
};

function splitClauses(text: string): string[][] {
  let value = ` ${text.toLowerCase()} `;
  for (const [pattern, replacement] of PHRASE_REWRITES)
    value = value.replace(pattern, replacement);
  // Apostrophes join (child's → childs); other punctuation separates words,
  // except a dot between digits (3.5g), hyphens inside words (t-light) and
  // a free-standing plus, which splits clauses.
  value = value
    .replace(/['’`]/g, '')
    .replace(/(\d)\.(\d)/g, '$1_$2')
    .replace(/\+(?=\S)|(?<=\S)\+/g, ' ')
    .replace(/[^\p{L}\p{N}_+\s-]/gu, ' ')
    .replace(/_/g, '.')
    .replace(/(^|\s)-+|-+(?=\s|$)/g, ' ');

  const clauses: string[][] = [[]];
  for (const raw of value.split(/\s+/)) {
    if (!raw) continue;
    if (raw === '+') {
      if (clauses[clauses.length - 1].length > 0) clauses.push([]);
      continue;
    }
    const spelled = TOKEN_SPELLINGS[raw] ?? raw;
    for (const token of spelled.split(' '))
      if (token) clauses[clauses.length - 1].push(token);
  }
  return clauses.filter((clause) => clause.length > 0);
}

/** Lower-case tokens of `text` with the shop's jargon written out. */
export function normaliseTokens(text: unknown): string[] {
  return normaliseClauses(text).flat();
}

const KEEP_FINAL_S = new Set([
  'christmas',
  'atlas',
  'has',
  'was',
  'xmas',
  'glass',
  'bus',
  'dress',
  'cactus',
  'canvas',
  'compass',
  'hibiscus',
  'iris',
  'lotus',
  'this',
  'its',
  'yes',
  'gas',
  'plus',
  'news',
  'chess',
  'series',
  'scissors',
  'secateurs',
  'trousers',
  'pants',
  'sunglasses',
  'glasses',
  'binoculars',
]);

/**
 * The singular of an English plural, good enough for the catalogue's nouns
 * (candles → candle, boxes → box, doilies → doily); leaves other words be.
 */
export function singular(token: string): string {
  if (token.length <= 3 || KEEP_FINAL_S.has(token)) return token;
  if (token.endsWith('ies') && token.length > 4)
    return `${token.slice(0, -3)}y`;
  if (/(x|ch|sh|ss|zz)es$/.test(token)) return token.slice(0, -2);
  if (token === 'knives') return 'knife';
  if (/(lea|wol|hal|shel|loa)ves$/.test(token)) return `${token.slice(0, -3)}f`;
  if (/[^sui]s$/.test(token)) return token.slice(0, -1);
  return token;
}
