import { describe, expect, it } from 'vitest';
import { splitClauses } from './clauses.ts';

describe('splitClauses', () => {
  it.each([
    [
      'cancel my order and find me a cheaper bag',
      ['cancel my order', 'find me a cheaper bag'],
    ],
    [
      'hi can u cancel #C536379 and find me a lunch bag',
      ['hi', 'can u cancel #C536379', 'find me a lunch bag'],
    ],
    [
      "forgot password + where's my order",
      ['forgot password', "where's my order"],
    ],
    [
      'track my order also do u sell mugs',
      ['track my order', 'do u sell mugs'],
    ],
    ['is it £2.50? and do you have blue', ['is it £2.50?', 'do you have blue']],
    ['find me a bag for my mum thanks', ['find me a bag for my mum', 'thanks']],
  ])('splits %s', (text, expected) => {
    expect(splitClauses(text)).toEqual(expected);
  });

  it.each([
    'red and white mugs',
    'between 1 and 3 gbp',
    'cake stands and mugs',
    'inv. 536365 is wrong',
    'thanks',
  ])('keeps %s whole', (text) => {
    expect(splitClauses(text)).toHaveLength(1);
  });

  it('never returns nothing', () => {
    expect(splitClauses('')).toEqual(['']);
    expect(splitClauses('!!!')).toEqual(['!!!']);
  });
});
