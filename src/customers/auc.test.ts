import { describe, expect, it } from 'vitest';
import { rocAuc } from './auc.ts';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
  });

  it('gives ties half credit', () => {
    expect(rocAuc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
    expect(rocAuc([0, 1, 1], [false, false, true])).toBe(0.75);
  });

  it('is NaN with one class only', () => {
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
  });
});
