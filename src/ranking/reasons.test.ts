import { describe, expect, it } from 'vitest';
import { describeAgo, describeEvery } from './reasons.ts';

describe('reason wording', () => {
  it('says how long ago in days, weeks or months', () => {
    expect(describeAgo(0.3)).toBe('today');
    expect(describeAgo(1.2)).toBe('yesterday');
    expect(describeAgo(5)).toBe('5 days ago');
    expect(describeAgo(49)).toBe('7 weeks ago');
    expect(describeAgo(7 * 1.1 + 90)).toBe('3 months ago');
  });

  it('says how often', () => {
    expect(describeEvery(1)).toBe('every day');
    expect(describeEvery(10)).toBe('every 10 days');
    expect(describeEvery(14)).toBe('every 2 weeks');
    expect(describeEvery(42)).toBe('every 6 weeks');
    expect(describeEvery(30.4 * 4)).toBe('every 4 months');
    expect(describeEvery(100)).toBe('every 3 months');
  });
});
