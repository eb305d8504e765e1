import { describe, expect, it } from 'vitest';
import type { IntentName } from './intent-names.ts';
import { isMessyMatch, readMessySet } from './messy-set.ts';
import { scoreClassification } from './metrics.ts';

describe('scoreClassification', () => {
  it('computes accuracy, macro-F1 and the worst confusions', () => {
    const report = scoreClassification(
      ['a', 'a', 'b', 'b'],
      ['a', 'b', 'b', 'b'],
    );
    expect(report.accuracy).toBe(0.75);
    // a: p=1 r=.5 f1=.667; b: p=.667 r=1 f1=.8
    expect(report.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2, 3);
    expect(report.worstPairs).toEqual([
      { expected: 'a', predicted: 'b', count: 1 },
    ]);
  });
});

describe('the messy set', () => {
  it('has at least 80 messages, some with two requests and some not in English', () => {
    const messages = readMessySet();
    expect(messages.length).toBeGreaterThanOrEqual(80);
    expect(
      messages.filter((m) => m.intents.length > 1).length,
    ).toBeGreaterThanOrEqual(5);
    expect(
      messages.filter((m) => m.language && m.language !== 'en').length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('scores requests as a shopper would', () => {
    const message = {
      text: 'cancel my order and find me a bag',
      intents: ['cancel_order', 'product_search'] as IntentName[],
      sentiment: 'neutral' as const,
    };
    expect(
      isMessyMatch(message, ['product_search', 'cancel_order', 'greeting']),
    ).toBe(true);
    expect(isMessyMatch(message, ['cancel_order'])).toBe(false);
    expect(
      isMessyMatch(message, ['cancel_order', 'product_search', 'get_refund']),
    ).toBe(false);
  });
});
