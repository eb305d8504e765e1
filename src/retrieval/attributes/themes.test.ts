import { describe, expect, it } from 'vitest';
import { extractThemes } from './themes.ts';

describe('extractThemes', () => {
  it('names the polka-dot ranges in plain English', () => {
    expect(extractThemes('JUMBO BAG RED RETROSPOT')).toEqual([
      'polka dot',
      'retrospot',
    ]);
    expect(extractThemes('RETRO SPOT CANDLE LARGE')).toEqual([
      'polka dot',
      'retrospot',
    ]);
    expect(extractThemes('JUMBO BAG PINK POLKADOT')).toEqual(['polka dot']);
    expect(extractThemes('RED SPOTTY BISCUIT TIN')).toEqual(['polka dot']);
  });

  it('finds patterns, motifs and ranges', () => {
    expect(extractThemes('JUMBO BAG PINK VINTAGE PAISLEY')).toEqual([
      'paisley',
      'vintage',
    ]);
    expect(extractThemes('REGENCY CAKESTAND 3 TIER')).toEqual(['regency']);
    expect(extractThemes('CUSHION COVER PINK UNION JACK')).toEqual([
      'union jack',
    ]);
    expect(extractThemes('SET OF 72 SKULL PAPER DOILIES')).toEqual([
      'skull',
      'doily',
    ]);
    expect(extractThemes('BLUE GINGHAM ROSE CUSHION COVER')).toEqual([
      'floral',
      'gingham',
    ]);
    expect(extractThemes('WHITE HANGING HEART T-LIGHT HOLDER')).toEqual([
      'heart',
    ]);
    expect(extractThemes('JUMBO BAG OWLS')).toEqual(['owl']);
    expect(extractThemes('SET 2 TEA TOWELS I LOVE LONDON')).toEqual(['london']);
    expect(extractThemes('WOODEN STAR CHRISTMAS SCANDINAVIAN')).toEqual([
      'christmas',
      'scandinavian',
      'star',
    ]);
  });

  it('does not read RETRO SPOT as a vintage look', () => {
    expect(extractThemes('RETRO SPOT LAMP')).not.toContain('vintage');
    expect(extractThemes('RETRO COFFEE MUGS ASSORTED')).toContain('vintage');
  });

  it('returns nothing for empty or odd text', () => {
    expect(extractThemes('')).toEqual([]);
    expect(extractThemes('+ + +')).toEqual([]);
  });
});
