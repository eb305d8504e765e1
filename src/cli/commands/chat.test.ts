import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createFakeAgent } from '../../test-helpers/index.ts';
import { formatCard, runChatLoop } from './chat.ts';

async function chatWith(lines: string[]) {
  const agent = createFakeAgent();
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (data: Buffer) => (transcript += data.toString()));
  input.end(lines.map((line) => `${line}\n`).join(''));
  await runChatLoop({
    agent,
    customerId: 12346,
    maxChars: 20,
    input,
    output,
    interactive: false,
    logger: pino({ level: 'silent' }),
  });
  return { agent, transcript };
}

describe('shopmate chat', () => {
  it('streams replies, prints cards and stops at /quit', async () => {
    const { agent, transcript } = await chatWith([
      'red bag',
      '',
      'where is my order',
      '/quit',
      'never read',
    ]);
    expect(transcript).toContain(
      'you> red bag\nshopmate> You said: red bag.\n',
    );
    expect(transcript).toContain(
      '  • Jumbo bag red retrospot  £1.95  [85099B]',
    );
    expect(transcript).toContain('  • Order 581587 · 2011-09-30 12:50');
    expect(transcript).not.toContain('never read');
    expect(agent.calls.map((call) => call.state)).toEqual([{}, { turns: 1 }]);
    expect(agent.calls[0].customerId).toBe(12346);
  });

  it('survives a failing turn and an oversize line', async () => {
    const { agent, transcript } = await chatWith([
      'fail',
      'x'.repeat(21),
      'still here',
    ]);
    expect(transcript).toMatch(/Sorry.*\[TOOL_FAILED\]/);
    expect(transcript).toContain('at most 20 characters');
    expect(transcript).toContain('You said: still here.');
    expect(agent.calls).toHaveLength(2);
  });

  it('formats an order card with its lines', () => {
    expect(
      formatCard({
        type: 'order',
        invoice: '1',
        date: '2011-01-02 10:00:00',
        status: 'delivered',
        total: 5,
        lines: [{ stockCode: 'A', title: 'MUG', quantity: 2, unitPrice: 2.5 }],
      }),
    ).toEqual([
      '  • Order 1 · 2011-01-02 10:00 · delivered · £5.00',
      '      2 × Mug @ £2.50',
    ]);
  });
});
