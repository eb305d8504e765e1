/**
 * The keyword rules of the categoriser, read off the real catalogue's titles.
 *
 * `strong` phrases name a product (T-LIGHT HOLDER, CUSHION COVER, NECKLACE).
 * `weak` phrases name a product too but are often only a motif or a range
 * (HEART, BIRD, DOILY, SKETCHBOOK, TOYS): they decide only when no strong
 * phrase is present. Words are matched singular; a word written `=word`
 * must appear exactly so (`=toy` matches TOY but not the motif TOYS).
 */
import type { CategoryId } from './taxonomy.ts';

/** A comma-separated list of phrases, as an array. */
function list(text: string): string[] {
  return text
    .split(',')
    .map((phrase) => phrase.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

export interface KeywordRules {
  category: CategoryId;
  strong: readonly string[];
  weak?: readonly string[];
}

/** Words that make a title a Christmas product whatever its noun. */
export const CHRISTMAS_WORDS: readonly string[] = list(`
  christmas, advent, yuletide, santa, nativity, noel, reindeer, sleigh,
  sleighbell, snowman, snowmen, tinsel, bauble, cracker, mistletoe,
  gingerbread, holly, icicle, snowflake, stocking, festive, panettone,
  jingle bell, tree decoration
`);

/** Words after which the previous noun is a motif ("RACING CAR DESIGN"). */
export const MOTIF_MARKERS: ReadonlySet<string> = new Set([
  'design',
  'pattern',
  'print',
  'motif',
]);

/** Title openings that package the product ("SET OF 3", "BAG OF", "PACK 20"). */
export const PACKAGING_WORDS: ReadonlySet<string> = new Set([
  'pack',
  'set',
  'box',
  'bag',
  'tub',
  'bundle',
  'basket',
  'bucket',
  'sheet',
  'pair',
  'bunch',
]);

/** Words that end the phrase naming the product ("CANDLE IN GLASS"). */
export const HEAD_BOUNDARIES: ReadonlySet<string> = new Set([
  'with',
  'in',
  'on',
  'for',
]);

export const KEYWORD_RULES: readonly KeywordRules[] = [
  {
    category: 'bags',
    strong: list(`
      bag, jumbo bag, lunch bag, shopper, tote, handbag, purse, wallet,
      card wallet, backpack, rucksack, washbag, cosmetic bag, picnic bag,
      luggage tag, passport cover, bum bag
    `),
  },
  {
    category: 'kitchen-dining',
    strong: list(`
      mug, cup, saucer, teacup, beaker, tumbler, goblet, wine glass,
      champagne glass, cocktail glass, milkshake glass, aperitif glass, tea
      glass, plate, bowl, dish, platter, charger, teapot, tea set, coffee
      set, tea for one, jug, cutlery, fork, spoon, teaspoon, chopstick,
      ladle, spatula, whisk, tea strainer, colander, sugar tong, cake
      server, cake slice, cake fork, salad server, tray, tea towel, cake
      towel, swiss roll towel, apron, oven glove, oven mitt, tea cosy, egg
      cosy, mug cosy, mug warmer, egg cup, egg holder, egg warmer,
      tablecloth, table cloth, table runner, placemat, coaster, napkin
      ring, napkin charm, cotton napkin, chopping board, apple corer,
      scrubbing brush, washing up brush, washing up glove, kitchen scale,
      bread bin, bread basket, biscuit tin, biscuit barrel, spice tin, herb
      tin, tea tin, coffee tin, sugar tin, storage jar, jar, canister,
      cannister, container, caddy, lunch box, snack box, picnic box, food
      cover, flask, bottle opener, corkscrew, squeezer, sugar dispenser,
      toast rack, pan, frying pan, egg pan, ice lolly holder, lolly maker,
      popcorn holder, salt and pepper, recipe box, recipe book stand,
      kitchen organiser, spoon rest, milk bottle, cake plate, pizza,
      cocktail sword, coffee pot, tea pot, chalice, place setting,
      breakfast set, baby gift set, jam making
    `),
    weak: list(`
      bottle, kitchen
    `),
  },
  {
    category: 'baking',
    strong: list(`
      cake case, baking case, petit four case, cake tin, cake stand, plate
      stand, cake frill, baking mould, mould, jelly mould, cookie cutter,
      biscuit cutter, cutter, =doilies, baking set, rolling pin, pastry
      brush, mixing bowl, cupcake lace paper
    `),
    weak: list(`
      doily
    `),
  },
  {
    category: 'candles-lighting',
    strong: list(`
      candle, t-light, t-light holder, candle holder, candlestick, candle
      stick, candlestand, candelabra, candle plate, candle pot, candle
      ring, candle dish, candle bowl, candle spike, votive, votive holder,
      lantern, lamp, lampshade, lamp shade, light, light chain, night
      light, nightlight, lightbulb, light bulb, chandelier, incense,
      incense holder, oil burner, sachet, fragrance oil, match, lighter,
      light garland
    `),
    weak: list(`
      shade
    `),
  },
  {
    category: 'stationery',
    strong: list(`
      notebook, note book, journal, pocket book, address book, exercise
      book, scrap book, notepad, memo pad, memo board, memo holder, pen,
      pencil, ballpoint, crayon, chalk, chalk stick, eraser, rubber,
      sharpener, ruler, sticker, sticker sheet, tape, highlighter,
      stationery, stationery set, writing set, pen case, pencil case,
      calendar, paperweight, calculator, envelope, notelet, postcard,
      bookmark, book mark, shopping list, chalkboard, blackboard, tape
      dispenser, to do list, hole punch, black board, stamp, book cover
      tape, scissor, scissors
    `),
    weak: list(`
      sketchbook, book
    `),
  },
  {
    category: 'cards-wrap',
    strong: list(`
      card, greeting card, birthday card, blank card, gift card, wrap, gift
      wrap, wrapping paper, gift bag, paper bag, gift box, paper box, gift
      tag, tag, ribbon, ribbon reel, tinsel reel, tissue paper, tissue
      ream, gift tape, wrapping tape, gift sack, rosette
    `),
  },
  {
    category: 'toys-games',
    strong: list(`
      =toy, soft toy, stuffed toy, toy car, teddy bear, doll, puppet, sock
      puppet, game, card game, jigsaw, puzzle, playing card, snap card, top
      trump, domino, ludo, bingo, skittle, skipping rope, spinning top,
      marble, helicopter, pull back racing car, inflatable, bubble, tattoo,
      drawing slate, stencil, craft, felt craft, knitting kit, knitting
      nancy, sewing kit, sewing box, sewing set, pin cushion, tape measure,
      measuring tape, modelling clay, colouring set, paint set, rattle,
      harmonica, glider, flying disc, catch cup, playhouse, wheelbarrow for
      children, alphabet block, jigsaw block, creepy crawly, creepy
      crawlie, feltcraft, snakes ladders, jacobs ladder, heads and tails,
      singing canary, needle, card kit, handbag kit, purse kit, patch,
      rocket balloon, water bomb, croquet, rounders
    `),
    weak: list(`
      kit, car, monster, robot, teddy, dinosaur, snake, animal, sheep,
      lamb, bear, poodle, dolphin
    `),
  },
  {
    category: 'garden',
    strong: list(`
      planter, plant pot, flower pot, flowerpot, plant holder, plant pot
      holder, plant cage, plant ladder, watering can, garden marker, herb
      marker, garden tool, trowel, spade, rake, garden fork, garden brush,
      secateurs, kneeling pad, chime, wasp catcher, kneeling mat, garden
      glove, gardening set, thermometer, bird house, bird box, bird feeder,
      bird bath, bird table, dovecote, windmill, windchime, wind chime,
      windsock, garden parasol, garden shelf, hammock, deckchair, picnic
      basket, picnic hamper, picnic rug, barbecue bucket, grow your own,
      seed, seed tin, seed envelope, sow n grow, twine, gnome, beach spade,
      seaside bucket, planter bowl
    `),
    weak: list(`
      pot, garden
    `),
  },
  {
    category: 'home-decor',
    strong: list(`
      decoration, hanging decoration, ornament, sign, metal sign, door
      sign, doorsign, door hanger, plaque, wall plaque, wall art, canvas,
      picture, print, frame, photo frame, picture frame, record frame,
      photo album, album, mirror, clock, mobile, garland, wreath,
      artificial flower, art flower, vase, posy holder, doorstop, door
      stop, magnet, screen, wall hanging, block letter, block word, wood
      letter, photo clip, photo cube, card holder, cardholder, snow globe,
      buddha head, ceramic ball, flying duck, disco ball, bell jar,
      decorative plate, decorative parasol, cloche, urn, pennant, feather
    `),
    weak: list(`
      heart, star, bird, butterfly, flower, egg, chick, chicken, hen,
      rabbit, bunny, duck, owl, tree, bell, angel, shell, stone, gem,
      mushroom, toadstool, letter, tile, cat, dog, mouse, dove, pony,
      rocking horse, bauble, wicker, rose, daisy, strawberry, ball
    `),
  },
  {
    category: 'storage-furniture',
    strong: list(`
      storage box, trinket box, jewellery box, jewel box, keepsake box,
      memory box, book box, treasure chest, chest, drawer, drawer liner,
      drawer knob, cabinet, cupboard, dresser, sideboard, shelf, shelving
      unit, hook, coat rack, coat hanger, hanger, key cabinet, key holder,
      letter rack, magazine rack, letter tray, letter holder, wall tidy,
      office tidy, toy tidy, organiser, basket, storage tin, storage bag,
      knick knack tin, stacking tin, handy tin, trinket pot, trinket tray,
      jewellery stand, jewel stand, key ring stand, laundry box, laundry
      tub, peg bag, crate, stool, chair, table, bench, pouffe, newspaper
      stand, umbrella stand, bin, money box, money bank, piggy bank,
      storage cube, partition panel, seat, laundry, rack
    `),
    weak: list(`
      box, tin, case, holder, stand, peg, bucket, pail, tidy
    `),
  },
  {
    category: 'bathroom',
    strong: list(`
      soap dish, soap holder, soap rack, soap, bathroom bottle, bathroom
      set, bathroom scale, hand towel, flannel, sponge, bath sponge, toilet
      roll, toilet roll unit, shower cap, tissue, tissue box, first aid,
      first aid kit, first aid tin, plaster, balm, lip gloss, perfume
      bottle, cologne bottle, toilette bottle, bath confetti, rubber duck,
      wash bowl, water basin
    `),
    weak: list(`
      towel, bathroom
    `),
  },
  {
    category: 'party',
    strong: list(`
      balloon, party bag, bunting, paper plate, paper cup, paper napkin,
      napkin, party candle, birthday candle, celebration candle, invite,
      invitation, confetti, straw, cocktail parasol, party cone, party hat,
      honeycomb, honeycomb fan, paper fan, paper lantern, paper garland,
      paper chain, paper chain kit, barrier tape, party charm, party set,
      party sunglasses, tiara, lei, grass skirt, candy bag, table lantern
    `),
  },
  {
    category: 'jewellery-accessories',
    strong: list(`
      necklace, bracelet, bangle, earring, ring, brooch, pendant, charm,
      bag charm, phone charm, choker, lariat, jewellery set, hair clip,
      hairclip, hair slide, hairslide, hair comb, comb, hair band,
      hairband, hair tie, hair grip, keyring, key ring, key chain, key fob,
      umbrella, parasol, scarf, hat, sunhat, sombrero, rain mac, poncho,
      sunglasses, glasses case, headphone, ear muff, hand warmer, pocket
      warmer, slipper, sock, glove, overall, bib, fan, compact mirror,
      pocket mirror, badge, jewellery
    `),
    weak: list(`
      bead, chain
    `),
  },
  {
    category: 'textiles',
    strong: list(`
      cushion, cushion cover, floor cushion, seat cushion, filler pad,
      quilt, throw, blanket, rug, doormat, door mat, mat, curtain, canopy,
      hot water bottle, ironing board cover
    `),
  },
  {
    category: 'other',
    strong: list(`
      dog bowl, cat bowl, collar, dog lead, dog hoodie, cat food container,
      dog food container, ashtray, car freshener, car flag, flag, torch,
      screwdriver, spirit level, tool set, fly swat, feather duster,
      doorbell, speaker, radio, packing charge
    `),
  },
];
