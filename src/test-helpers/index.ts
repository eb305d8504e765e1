/** Shared test fakes and fixtures. Only test files import this folder. */
export { getIngestedDb } from './real-store.ts';
