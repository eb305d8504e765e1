import { describe, expect, it } from 'vitest';
import { coloursMatching, extractColours, parseColour } from './colours.ts';

describe('extractColours', () => {
  it("splits the shop's slashed colour pairs", () => {
    expect(extractColours('PINK/WHITE')).toEqual(['pink', 'white']);
    expect(extractColours('PINK/WHITE "KEEP CLEAN" BULLET BIN')).toEqual([
      'pink',
      'white',
    ]);
    expect(extractColours('NEW BAROQUE LARGE NECKLACE BLK/WHIT')).toEqual([
      'black',
      'white',
    ]);
  });

  it('never guesses a colour from a range name', () => {
    expect(extractColours('PACK OF 72 RETROSPOT CAKE CASES')).toEqual([]);
    expect(extractColours('LUNCH BAG RED RETROSPOT')).toEqual(['red']);
  });

  it("reads shades and the shop's spellings as base colours", () => {
    expect(extractColours('4 SKY BLUE DINNER CANDLES')).toEqual(['blue']);
    expect(extractColours('NAVY CUDDLES DOG HOODIE')).toEqual(['blue']);
    expect(extractColours('ANT COPPER TURQ BOUDICCA BRACELET')).toEqual([
      'copper',
      'turquoise',
    ]);
    expect(extractColours('LIGHT PINK CHERRY LIGHTS')).toEqual(['pink']);
    expect(extractColours('4 ROSE PINK DINNER CANDLES')).toEqual(['pink']);
    expect(extractColours('EAU DE NILE JEWELLED PHOTOFRAME')).toEqual([
      'green',
    ]);
    expect(extractColours('IVORY KNITTED MUG COSY')).toEqual(['ivory']);
    expect(extractColours('PASTEL BLUE PHOTO ALBUM')).toEqual([
      'pastel',
      'blue',
    ]);
    expect(extractColours('ASSORTED COLOUR T-LIGHT HOLDER')).toEqual([
      'multicolour',
    ]);
  });

  it('does not take a fruit, herb or flavour for a colour', () => {
    expect(extractColours('BLACK ORANGE SQUEEZER')).toEqual(['black']);
    expect(extractColours('HERB MARKER MINT')).toEqual([]);
    expect(extractColours('BAKING MOULD HEART WHITE CHOCOLATE')).toEqual([]);
    expect(extractColours('AIRLINE BAG VINTAGE JET SET BROWN')).toEqual([
      'brown',
    ]);
    expect(extractColours('CLASSIC DIAMANTE EARRINGS JET')).toEqual(['black']);
  });

  it('returns nothing for empty or odd text', () => {
    expect(extractColours('')).toEqual([]);
    expect(extractColours('///')).toEqual([]);
  });
});

describe('parseColour / coloursMatching', () => {
  it("parses a shopper's colour word", () => {
    expect(parseColour('Navy')).toBe('blue');
    expect(parseColour('gray')).toBe('grey');
    expect(parseColour('rose pink')).toBe('pink');
    expect(parseColour('laptop')).toBeUndefined();
  });

  it('lets a white filter accept ivory and cream', () => {
    expect(coloursMatching('white')).toEqual(['white', 'ivory', 'cream']);
    expect(coloursMatching('red')).toEqual(['red']);
  });
});
