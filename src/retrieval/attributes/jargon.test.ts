import { describe, expect, it } from 'vitest';
import { expandQuery, expandQueryTerms, expandTitle } from './jargon.ts';

/** The words a bag-of-words search would see. */
const words = (text: string) => new Set(text.split(/[^\p{L}\p{N}-]+/u));

/** True when every word of the query's phrase occurs in the product text. */
function meets(query: string, title: string, phrase: string): boolean {
  const product = words(expandTitle(title));
  const sought = expandQueryTerms(query).tokens;
  return phrase.split(' ').every((w) => product.has(w) && sought.includes(w));
}

describe('jargon both ways', () => {
  it('meets "tea light holder" with T-LIGHT HOLDER', () => {
    const title = 'WHITE HANGING HEART T-LIGHT HOLDER';
    expect(expandTitle(title)).toContain('tea light');
    expect(expandTitle(title)).toContain('candle holder');
    expect(expandQueryTerms('tea light holder').tokens).toContain('t-light');
    expect(meets('tea light holder', title, 'tea light holder')).toBe(true);
    expect(meets('tealight holder', title, 't-light holder')).toBe(true);
  });

  it('meets "polka dot" with RETROSPOT and the shop\'s other spot words', () => {
    expect(expandTitle('LUNCH BAG RED RETROSPOT')).toContain('polka dot');
    expect(expandQueryTerms('polka dot bag').tokens).toEqual(
      expect.arrayContaining(['retrospot', 'polkadot', 'spotty']),
    );
    expect(meets('polka dot', 'RED RETROSPOT MUG', 'retrospot')).toBe(true);
    expect(meets('spotty', 'JUMBO BAG PINK POLKADOT', 'polkadot')).toBe(true);
  });

  it('turns a need into product words', () => {
    const tokens = expandQueryTerms('something to hang tea lights in').tokens;
    expect(tokens).toEqual(
      expect.arrayContaining(['t-light', 'holder', 'hanging']),
    );
    expect(tokens).not.toContain('something');
    // KEEP CALM is a design, not a wish to store something.
    expect(expandQueryTerms('keep calm mug').added).toEqual([]);
  });

  it('writes out sets and sizes', () => {
    expect(expandTitle('S/3 PINK COL METAL BASKET W HANDLE')).toContain(
      'set of 3 pink colour metal basket with handle',
    );
    expect(expandTitle('SET/3 RED SPOTTY CAKE TINS')).toContain('set of 3');
    expect(expandQueryTerms('set of three cake tins').text).toContain(
      'set of 3',
    );
    expect(expandTitle('SML')).toContain('small');
    expect(expandTitle('JUMBO BAG OWLS')).toContain('large');
    expect(expandQueryTerms('big shopping bag').tokens).toContain('jumbo');
  });

  it("bridges the shop's compound and slang words", () => {
    expect(expandTitle('REGENCY CAKESTAND 3 TIER')).toContain('cake stand');
    expect(expandTitle('RED WOOLLY HOTTIE WHITE HEART.')).toContain(
      'hot water bottle',
    );
    expect(expandTitle('DOORMAT RED RETROSPOT')).toContain('door mat');
    expect(expandTitle('CROCHET DOG KEYRING')).toContain('key ring');
    expect(expandTitle('PACK OF 20 NAPKINS PANTRY DESIGN')).toContain(
      'serviette',
    );
    expect(expandTitle("BLUE PORCELAIN B'FLY OIL BURNER")).toContain(
      'butterfly',
    );
    expect(expandTitle("ASS COL LARGE SAND FROG P'WEIGHT")).toContain(
      'paperweight',
    );
    expect(expandTitle('GOLD M.O.P ORBIT BRACELET')).toContain(
      'mother of pearl',
    );
    expect(expandTitle('PEARL CRYSTAL PUMPKIN T-LIGHT HLDR')).toContain(
      't-light holder',
    );
    expect(expandQueryTerms('jewelry box').tokens).toContain('jewellery');
    expect(expandQueryTerms('hottie').text).toContain('hot water bottle');
  });

  it('adds broader words only on the product side', () => {
    expect(expandTitle('DIAMANTE NECKLACE GREEN')).toContain('jewellery');
    expect(expandQueryTerms('necklace').tokens).not.toContain('jewellery');
  });

  it('never throws on empty or odd text', () => {
    const odd = [
      '',
      '   ',
      '!!!',
      'S/',
      '/',
      "'",
      ' + ',
      '-',
      '42"',
      'ÉTÉ café',
      '红色的包',
      'x'.repeat(10_000),
    ];
    for (const text of odd) {
      expect(() => expandTitle(text)).not.toThrow();
      expect(() => expandQuery(text)).not.toThrow();
    }
    expect(expandTitle('')).toBe('');
    expect(expandQueryTerms('')).toEqual({ text: '', tokens: [], added: [] });
    expect(expandQuery('红色的包')).toBe('红色的包');
    expect(expandTitle(undefined as unknown as string)).toBe('');
  });
});
