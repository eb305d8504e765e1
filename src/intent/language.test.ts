import { describe, expect, it } from 'vitest';
import { detectLanguage, foreignIntentHint } from './language.ts';

const known = new Set([
  'where',
  'is',
  'my',
  'order',
  'lunch',
  'bag',
  'red',
  'cancel',
]);
const isKnown = (word: string) => known.has(word);

describe('detectLanguage', () => {
  it.each([
    ['dónde está mi pedido 536365', 'es'],
    ['je voudrais annuler ma commande', 'fr'],
    ['ich möchte eine rückerstattung', 'de'],
    ['ordine 536365 non è arrivato', 'it'],
    ['我的订单在哪里', 'unknown'],
    ['Где мой заказ?', 'unknown'],
    ['where is my order', 'en'],
    ['lnch bag red', 'en'],
    ['', 'en'],
  ])('reads %s as %s', (text, language) => {
    expect(detectLanguage(text, isKnown).language).toBe(language);
  });

  it('hints the intent of common foreign requests', () => {
    expect(foreignIntentHint('je voudrais annuler ma commande')).toBe(
      'cancel_order',
    );
    expect(foreignIntentHint('dónde está mi pedido')).toBe('track_order');
    expect(foreignIntentHint('wie geht es dir')).toBeUndefined();
  });
});
