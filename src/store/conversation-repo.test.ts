import { describe, expect, it } from 'vitest';
import { createConversationRepo } from './conversation-repo.ts';
import { openDatabase } from './database.ts';

function makeRepo() {
  let tick = 0;
  const now = () => new Date(Date.UTC(2024, 0, 1, 12, 0, tick++));
  return createConversationRepo(openDatabase(':memory:'), { now });
}

describe('conversation repo', () => {
  it('creates a conversation once and keeps its customer', () => {
    const repo = makeRepo();
    const first = repo.ensureConversation('c1', 12346);
    const again = repo.ensureConversation('c1', 99999);
    expect(first.customerId).toBe(12346);
    expect(again.customerId).toBe(12346);
    expect(again.state).toEqual({});
  });

  it('numbers messages per conversation and lists them after a seq', () => {
    const repo = makeRepo();
    repo.ensureConversation('a', null);
    repo.ensureConversation('b', null);
    repo.appendMessage({ conversationId: 'a', role: 'shopper', text: 'hi' });
    repo.appendMessage({ conversationId: 'b', role: 'shopper', text: 'yo' });
    const reply = repo.appendMessage({
      conversationId: 'a',
      role: 'agent',
      text: 'hello',
      cards: [{ type: 'product', stockCode: '1' }],
      turnId: 't1',
    });
    expect(reply.seq).toBe(2);
    expect(repo.lastSeq('a')).toBe(2);
    expect(repo.lastSeq('nobody')).toBe(0);
    expect(repo.listMessages('a', 0, 10).map((m) => m.text)).toEqual([
      'hi',
      'hello',
    ]);
    const [after] = repo.listMessages('a', 1, 10);
    expect(after.cards).toEqual([{ type: 'product', stockCode: '1' }]);
    expect(after.turnId).toBe('t1');
    expect(repo.findReply('a', 't1')?.text).toBe('hello');
    expect(repo.findReply('a', 't2')).toBeUndefined();
  });

  it('finds a message by its client id and refuses a second one', () => {
    const repo = makeRepo();
    repo.ensureConversation('a', null);
    repo.appendMessage({
      conversationId: 'a',
      role: 'shopper',
      text: 'hi',
      clientMessageId: 'm1',
      turnId: 't1',
    });
    expect(repo.findByClientMessageId('a', 'm1')?.turnId).toBe('t1');
    expect(repo.findByClientMessageId('a', 'm2')).toBeUndefined();
    expect(() =>
      repo.appendMessage({
        conversationId: 'a',
        role: 'shopper',
        text: 'hi',
        clientMessageId: 'm1',
      }),
    ).toThrow();
  });

  it('saves the agent state as JSON', () => {
    const repo = makeRepo();
    repo.ensureConversation('a', 1);
    repo.saveState('a', { filters: { maxPrice: 2 } });
    expect(repo.getConversation('a')?.state).toEqual({
      filters: { maxPrice: 2 },
    });
  });
});
