/**
 * Shopper words for the shop's categories. The ids are those of the product
 * taxonomy in src/retrieval/attributes/taxonomy.ts (without its catch-all
 * "other"), so an extracted category is directly a search filter.
 */

export interface ShopperCategory {
  id: string;
  /** Singular words or phrases; plurals ending in s/es are matched too. */
  keywords: readonly string[];
}

export const SHOPPER_CATEGORIES: readonly ShopperCategory[] = [
  {
    id: 'bags',
    keywords: [
      'bag',
      'lunch bag',
      'jumbo bag',
      'tote',
      'shopper',
      'purse',
      'wallet',
      'handbag',
      'backpack',
      'rucksack',
      'card wallet',
    ],
  },
  {
    id: 'kitchen-dining',
    keywords: [
      'kitchen',
      'mug',
      'cup',
      'teacup',
      'saucer',
      'plate',
      'bowl',
      'teapot',
      'tea set',
      'jug',
      'cutlery',
      'tea towel',
      'apron',
      'oven glove',
      'lunch box',
      'snack box',
      'bread bin',
      'kitchen scale',
      'recipe box',
      'jam making set',
      'egg cup',
      'glass',
      'tray',
      'coaster',
      'tablecloth',
    ],
  },
  {
    id: 'baking',
    keywords: [
      'baking',
      'cake case',
      'cake tin',
      'cake stand',
      'cakestand',
      'cookie cutter',
      'doily',
      'doilies',
      'jelly mould',
      'baking set',
    ],
  },
  {
    id: 'candles-lighting',
    keywords: [
      'candle',
      'tea light',
      't-light',
      'tealight',
      'tlight',
      'candle holder',
      'candleholder',
      'lantern',
      'lamp',
      'lampshade',
      'night light',
      'fairy light',
      'string light',
      'light',
      'lighting',
      'incense',
      'oil burner',
    ],
  },
  {
    id: 'christmas',
    keywords: [
      'christmas',
      'xmas',
      'chrismas',
      'advent',
      'bauble',
      'santa',
      'reindeer',
      'snowman',
      'tinsel',
      'cracker',
      'festive',
      'stocking',
      'nativity',
    ],
  },
  {
    id: 'stationery',
    keywords: [
      'stationery',
      'notebook',
      'pen',
      'pencil',
      'colouring pencil',
      'crayon',
      'eraser',
      'rubber',
      'sticker',
      'memo',
      'chalkboard',
      'calendar',
      'diary',
      'pencil case',
    ],
  },
  {
    id: 'cards-wrap',
    keywords: [
      'card',
      'birthday card',
      'greeting card',
      'wrapping paper',
      'gift wrap',
      'wrap',
      'gift bag',
      'gift tag',
      'gift box',
      'ribbon',
      'tissue paper',
    ],
  },
  {
    id: 'toys-games',
    keywords: [
      'toy',
      'game',
      'doll',
      'jigsaw',
      'puzzle',
      'playing card',
      'skipping rope',
      'spinning top',
      'dominoes',
      'kite',
      'teddy',
      'soft toy',
      'sewing kit',
      'knitting',
      'craft kit',
      'playhouse',
    ],
  },
  {
    id: 'garden',
    keywords: [
      'garden',
      'gardening',
      'watering can',
      'kneeling pad',
      'plant pot',
      'planter',
      'bird feeder',
      'bird house',
      'picnic',
      'parasol',
      'outdoor',
    ],
  },
  {
    id: 'home-decor',
    keywords: [
      'decor',
      'decoration',
      'home decor',
      'hanging heart',
      'metal sign',
      'sign',
      'photo frame',
      'picture frame',
      'frame',
      'mirror',
      'clock',
      'alarm clock',
      'wall clock',
      'wall art',
      'ornament',
      'wicker heart',
      'heart of wicker',
      'vase',
      'artificial flower',
      'magnet',
      'doorstop',
    ],
  },
  {
    id: 'storage-furniture',
    keywords: [
      'storage',
      'storage box',
      'trinket box',
      'basket',
      'tin',
      'cabinet',
      'shelf',
      'shelves',
      'drawer',
      'drawer knob',
      'hook',
      'coat rack',
      'coat hanger',
      'money bank',
      'money box',
      'piggy bank',
      'stool',
      'chair',
      'table',
    ],
  },
  {
    id: 'bathroom',
    keywords: [
      'bathroom',
      'soap',
      'soap dish',
      'towel',
      'sponge',
      'tissue',
      'plaster',
      'first aid',
      'toiletries',
      'wash bag',
    ],
  },
  {
    id: 'party',
    keywords: [
      'party',
      'balloon',
      'party bag',
      'bunting',
      'paper plate',
      'paper cup',
      'napkin',
      'party candle',
      'invitation',
      'straw',
      'confetti',
      'garland',
      'paper chain',
    ],
  },
  {
    id: 'jewellery-accessories',
    keywords: [
      'jewellery',
      'jewelry',
      'necklace',
      'bracelet',
      'earring',
      'ring',
      'brooch',
      'hair clip',
      'hair slide',
      'charm',
      'keyring',
      'key ring',
      'umbrella',
      'scarf',
      'scarves',
      'hand warmer',
      'accessory',
      'accessories',
    ],
  },
  {
    id: 'textiles',
    keywords: [
      'cushion',
      'cushion cover',
      'quilt',
      'throw',
      'blanket',
      'curtain',
      'rug',
      'doormat',
      'door mat',
      'hot water bottle',
    ],
  },
];

/** Category ids the classifier's entities may hold. */
export const SHOPPER_CATEGORY_IDS = SHOPPER_CATEGORIES.map(
  (category) => category.id,
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

const MATCHERS = SHOPPER_CATEGORIES.map((category) => ({
  id: category.id,
  pattern: new RegExp(
    `\\b(?:${[...category.keywords]
      .sort((a, b) => b.length - a.length)
      .map((keyword) => `${escape(keyword)}(?:s|es)?`)
      .join('|')})\\b`,
  ),
}));

/**
 * Categories a message names, most specific first: a longer matched phrase
 * ("lunch box") outranks a shorter one ("box") from another category.
 */
export function extractCategories(text: string): string[] {
  // The shopping basket or cart is not a storage basket.
  const lower = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(
      /\b(?:to|in|into|from|on)(?: my| the| your| ur)? (?:basket|cart|trolley)\b/g,
      ' ',
    );
  const hits = MATCHERS.flatMap(({ id, pattern }) => {
    const match = pattern.exec(lower);
    return match ? [{ id, length: match[0].length, index: match.index }] : [];
  });
  // A phrase inside a longer phrase of another category is not a second hit:
  // "tea light holder" is lighting, not also "light".
  const kept = hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other !== hit &&
          other.length > hit.length &&
          other.index <= hit.index &&
          other.index + other.length >= hit.index + hit.length,
      ),
  );
  // Christmas wins whatever the noun, as in the product categoriser: a
  // Christmas decoration is not also home decor.
  const rank = (id: string) => (id === 'christmas' ? 1 : 0);
  const christmas = kept.some((hit) => hit.id === 'christmas');
  return kept
    .filter((hit) => !(christmas && hit.id === 'home-decor'))
    .sort(
      (a, b) =>
        rank(b.id) - rank(a.id) || b.length - a.length || a.index - b.index,
    )
    .map((hit) => hit.id);
}
