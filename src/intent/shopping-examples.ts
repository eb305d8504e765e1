/**
 * Expands the shopping templates into labelled utterances, each carrying its
 * template as split group.
 */
import type { LabelledUtterance } from './data-sources.ts';
import type { IntentName } from './intent-names.ts';
import { dedupeKey } from './normalise-text.ts';
import { createRandom, pick, type Random } from './random.ts';
import {
  COLOURS,
  COUNTRIES,
  MONTHS,
  OCCASIONS,
  ORDINALS,
  PEOPLE,
  PLACES,
  PRICES,
  PRODUCTS,
  QUANTITIES,
  THEMES,
  TOPICS,
} from './shopping-slots.ts';
import { SHOPPING_TEMPLATES } from './shopping-templates.ts';

function pickOther<T>(random: Random, items: readonly T[], not: T): T {
  for (let tries = 0; tries < 8; tries++) {
    const value = pick(random, items);
    if (value !== not) return value;
  }
  return items[(items.indexOf(not) + 1) % items.length];
}

function withArticle(singular: string, plural: string): string {
  if (singular === plural) return `some ${plural}`;
  return /^[aeiou]/.test(singular) ? `an ${singular}` : `a ${singular}`;
}

function smallNumber(random: Random): number {
  return pick(random, [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 50]);
}

function fillPrice(random: Random): string {
  const low = smallNumber(random);
  const high = low + pick(random, [1, 2, 3, 5, 10]);
  return pick(random, PRICES)
    .replace('{n}', String(low))
    .replace('{m}', String(high))
    .replace('{p}', String(pick(random, [20, 30, 50, 75, 80, 99])));
}

/** One random filling of one template. */
export function expandTemplate(template: string, random: Random): string {
  const withChoices = template.replace(/\(([^()]*)\)/g, (_, body: string) =>
    pick(random, body.split('|')),
  );
  const [singular, plural] = pick(random, PRODUCTS);
  const [, plural2] = pickOther(random, PRODUCTS, [singular, plural]);
  const second = pickOther(
    random,
    PRODUCTS.map(([one]) => one),
    singular,
  );
  const colour = pick(random, COLOURS);
  const theme = pick(random, THEMES);
  const ordinal = pick(random, ORDINALS);
  const slots: Record<string, () => string> = {
    product: () => singular,
    products: () => plural,
    a_product: () => withArticle(singular, plural),
    product2: () => second,
    products2: () => plural2,
    colour: () => colour,
    colour2: () => pickOther(random, COLOURS, colour),
    theme: () => theme,
    theme2: () => pickOther(random, THEMES, theme),
    ordinal: () => ordinal,
    ordinal2: () => pickOther(random, ORDINALS, ordinal),
    price: () => fillPrice(random),
    qty: () => pick(random, QUANTITIES),
    occasion: () => pick(random, OCCASIONS),
    person: () => pick(random, PEOPLE),
    month: () => pick(random, MONTHS),
    place: () => pick(random, PLACES),
    country: () => pick(random, COUNTRIES),
    topic: () => pick(random, TOPICS),
    n: () => String(smallNumber(random)),
    m: () => String(smallNumber(random)),
  };
  return withChoices
    .replace(/\{(\w+)\}/g, (whole, name: string) => slots[name]?.() ?? whole)
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,?!.])/g, '$1')
    .trim();
}

/** Gibberish a shopper's cat might type: a real out-of-scope input. */
function keyboardMash(random: Random): string {
  const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
  const row = pick(random, rows);
  const start = Math.floor(random() * (row.length - 3));
  const length = 3 + Math.floor(random() * (row.length - start - 3));
  return row.slice(start, start + length);
}

export interface ShoppingExampleOptions {
  /** Wanted examples per intent (fewer when a template runs out of variety). */
  perIntent: number;
  seed: number;
}

/** Every shopping intent's examples, deduplicated, grouped by template. */
export function generateShoppingExamples(
  options: ShoppingExampleOptions,
): LabelledUtterance[] {
  const random = createRandom(options.seed);
  const examples: LabelledUtterance[] = [];
  const seen = new Set<string>();
  const add = (text: string, intent: IntentName, group?: string) => {
    const key = dedupeKey(text);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    examples.push({ text, intent, source: 'templates', group });
    return true;
  };

  for (const [intent, templates] of Object.entries(SHOPPING_TEMPLATES)) {
    const name = intent as IntentName;
    const perTemplate = Math.ceil(options.perIntent / templates.length);
    templates.forEach((template, index) => {
      // Fillings of one slotted template share a group; a template of mere
      // alternatives yields distinct phrases, each split on its own.
      const group = template.includes('{') ? `${name}#${index}` : undefined;
      let made = 0;
      for (
        let tries = 0;
        tries < perTemplate * 4 && made < perTemplate;
        tries++
      )
        if (add(expandTemplate(template, random), name, group)) made++;
    });
  }
  for (let i = 0; i < 60; i++)
    add(keyboardMash(random), 'out_of_scope', `out_of_scope#mash${i % 6}`);
  return examples;
}
