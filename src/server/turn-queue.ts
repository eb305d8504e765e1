/**
 * Runs tasks one at a time per key (a conversation), in the order they were
 * queued; different keys run concurrently.
 */
export interface TurnQueue {
  /** Queues a task; it starts after the key's earlier tasks settle. */
  enqueue(key: string, task: () => Promise<void>): Promise<void>;
  /** Tasks queued or running for a key. */
  pending(key: string): number;
  /** Resolves when every queued task has settled. */
  drain(): Promise<void>;
}

export function createTurnQueue(): TurnQueue {
  const tails = new Map<string, { tail: Promise<void>; count: number }>();

  return {
    enqueue(key, task) {
      const entry = tails.get(key) ?? { tail: Promise.resolve(), count: 0 };
      entry.count += 1;
      // A failed task must not stop the ones behind it.
      const run = entry.tail.then(task).catch(() => undefined);
      entry.tail = run.then(() => {
        entry.count -= 1;
        if (entry.count === 0 && tails.get(key) === entry) tails.delete(key);
      });
      tails.set(key, entry);
      return entry.tail;
    },

    pending(key) {
      return tails.get(key)?.count ?? 0;
    },

    async drain() {
      while (tails.size > 0)
        await Promise.all([...tails.values()].map((entry) => entry.tail));
    },
  };
}
