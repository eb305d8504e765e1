import type { Section } from '../sections.ts';

export const turnBenchSection: Section = {
  key: 'turns',
  title: 'Chat turns over socket.io: 1 shopper vs 50 at once (offline agent)',
  run: async ({ config, db, progress }) => {
    // Loaded on use, so the other sections do not pay for the agent's models.
    const { benchTurns } = await import('../../server/index.ts');
    return benchTurns({ config, db: db(), progress });
  },
};
