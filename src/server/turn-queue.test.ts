import { describe, expect, it } from 'vitest';
import { createTurnQueue } from './turn-queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('turn queue', () => {
  it('runs one task at a time per key and keeps going after a failure', async () => {
    const queue = createTurnQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name}:start`);
        await tick();
        log.push(`${name}:end`);
        if (fail) throw new Error(name);
      };

    void queue.enqueue('a', task('a1', true));
    void queue.enqueue('a', task('a2'));
    void queue.enqueue('b', task('b1'));
    expect(queue.pending('a')).toBe(2);
    await queue.drain();

    const a = log.filter((entry) => entry.startsWith('a'));
    expect(a).toEqual(['a1:start', 'a1:end', 'a2:start', 'a2:end']);
    expect(log.indexOf('b1:start')).toBeLessThan(log.indexOf('a1:end'));
    expect(queue.pending('a')).toBe(0);
  });
});
