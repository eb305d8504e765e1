/**
 * The shop's category taxonomy. The data has no categories, so these are
 * derived from titles; each id is stable (stored in products.category and
 * used as a search filter), each description says where the border lies.
 */
import { z } from 'zod';

export const CATEGORIES = [
  {
    id: 'bags',
    name: 'Bags & purses',
    description:
      'Shopping, jumbo, lunch, tote and wash bags, handbags, purses, wallets, backpacks, luggage tags and passport covers.',
  },
  {
    id: 'kitchen-dining',
    name: 'Kitchen & dining',
    description:
      'Mugs, cups, plates, bowls, cutlery, teapots, jugs, glasses, trays, tea towels, aprons, kitchen tins and jars, lunch boxes, coasters, tablecloths.',
  },
  {
    id: 'baking',
    name: 'Baking',
    description:
      'Cake cases, cake tins, cake stands, baking moulds, cookie cutters, paper doilies and baking sets.',
  },
  {
    id: 'candles-lighting',
    name: 'Candles & lighting',
    description:
      'Candles, tea lights and their holders, lanterns, lamps, lampshades, night and string lights, incense, oil burners and matches.',
  },
  {
    id: 'christmas',
    name: 'Christmas',
    description:
      'Anything made for Christmas: decorations, trees, baubles, stockings, advent calendars, crackers, Christmas cards and wrap.',
  },
  {
    id: 'stationery',
    name: 'Stationery',
    description:
      'Notebooks, pens, pencils, erasers, sharpeners, stickers, tapes, memo pads, chalkboards, calendars and paperweights.',
  },
  {
    id: 'cards-wrap',
    name: 'Cards & gift wrap',
    description:
      'Greeting cards, gift wrap, gift bags and boxes, gift tags, ribbons and tissue paper.',
  },
  {
    id: 'toys-games',
    name: 'Toys, games & crafts',
    description:
      "Toys, soft toys, dolls, games, jigsaws, playing cards, children's craft, sewing and knitting kits.",
  },
  {
    id: 'garden',
    name: 'Garden & outdoor',
    description:
      'Garden tools, planters and pots, bird houses and feeders, plant markers, thermometers, windmills, parasols, hammocks and picnic ware.',
  },
  {
    id: 'home-decor',
    name: 'Home decor',
    description:
      'Hanging decorations, metal signs, photo frames and albums, mirrors, clocks, wall art, artificial flowers, ornaments, magnets and doorstops.',
  },
  {
    id: 'storage-furniture',
    name: 'Storage & furniture',
    description:
      'Storage, trinket and jewellery boxes, baskets, tins, cabinets, shelves, drawers, hooks and racks, money boxes, stools, chairs and tables.',
  },
  {
    id: 'bathroom',
    name: 'Bathroom & toiletries',
    description:
      'Soap dishes, bathroom bottles and sets, towels, sponges, tissues, first aid tins, plasters and cosmetics.',
  },
  {
    id: 'party',
    name: 'Party',
    description:
      'Balloons, party bags, bunting, paper plates, cups and napkins, party candles, invitations, straws, confetti and honeycomb decorations.',
  },
  {
    id: 'jewellery-accessories',
    name: 'Jewellery & accessories',
    description:
      'Necklaces, bracelets, earrings, rings, brooches, hair clips, bag and phone charms, keyrings, umbrellas, scarves, hand warmers and clothing.',
  },
  {
    id: 'textiles',
    name: 'Soft furnishings',
    description:
      'Cushions and covers, quilts, throws, curtains, rugs, doormats and hot water bottles.',
  },
  {
    id: 'other',
    name: 'Other',
    description:
      'What fits nowhere above: pet bowls and collars, car accessories, ashtrays, tools, and titles no rule recognises.',
  },
] as const;

export const CATEGORY_IDS = CATEGORIES.map((category) => category.id) as [
  (typeof CATEGORIES)[number]['id'],
  ...(typeof CATEGORIES)[number]['id'][],
];

export const CategoryIdSchema = z.enum(CATEGORY_IDS);

/** One of the taxonomy's ids, e.g. `'candles-lighting'`. */
export type CategoryId = z.infer<typeof CategoryIdSchema>;

/** The category given when nothing recognises a title. */
export const FALLBACK_CATEGORY: CategoryId = 'other';

/** True when `value` is a category id (for parsing user filters). */
export function isCategoryId(value: string): value is CategoryId {
  return CategoryIdSchema.safeParse(value).success;
}
