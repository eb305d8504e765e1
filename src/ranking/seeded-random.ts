export { createRandom, shuffleInPlace, type Random } from '../seeded-random.ts';
