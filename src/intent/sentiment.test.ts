import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment.ts';

describe('scoreSentiment', () => {
  it.each([
    'this is ridiculous, third time I ask where my parcel is!!!',
    'ur bot is useless i want a human',
    'I NEED TO SPEAK TO SOMEONE NOW',
    'still havent got my refund',
    'not happy at all, the colours are wrong',
    'the mug arrived smashed',
    'i paid twice for order 540001!!',
  ])('calls "%s" negative', (text) => {
    expect(scoreSentiment(text).label).toBe('negative');
  });

  it.each([
    'thanks so much, love it!',
    'brilliant service',
    'not bad at all',
    'thx!!',
  ])('calls "%s" positive', (text) => {
    expect(scoreSentiment(text).label).toBe('positive');
  });

  it.each([
    'do you have red lunch bags under 2 quid',
    'good morning! looking for a cake stand',
    'what are your best sellers',
    'cancel order 536365 please',
    '',
  ])('calls "%s" neutral', (text) => {
    expect(scoreSentiment(text).label).toBe('neutral');
  });

  it('flips a positive word after a negation', () => {
    expect(scoreSentiment('this is good').score).toBeGreaterThan(0);
    expect(scoreSentiment('this is not good').score).toBeLessThan(0);
  });

  it('ranks an intensified complaint below a plain one', () => {
    expect(scoreSentiment('really really terrible!!!').score).toBeLessThan(
      scoreSentiment('terrible').score,
    );
  });
});
