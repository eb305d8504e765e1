/** Seeded helpers, so training data, splits and weights are reproducible. */
import { shuffleInPlace, type Random } from '../seeded-random.ts';

export { createRandom, type Random } from '../seeded-random.ts';

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Fisher–Yates, in place; returns the array for chaining. */
export function shuffle<T>(random: Random, items: T[]): T[] {
  shuffleInPlace(items, random);
  return items;
}

/** FNV-1a, 32 bits: stable across runs and platforms. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
