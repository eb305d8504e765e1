import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import {
  connectShopClient,
  createFakeAgent,
  FAKE_ORDER_CARD,
  FAKE_PRODUCT_CARD,
  mintDevSession,
  startTestShopServer,
  type FakeAgent,
  type ShopClient,
  type TestShopServer,
} from '../test-helpers/index.ts';
import type { ErrorPayload, MessageAck } from './events.ts';
import { signSessionToken } from './session-token.ts';

let shop: TestShopServer;
let agent: FakeAgent;
const open: ShopClient[] = [];

beforeAll(async () => {
  agent = createFakeAgent();
  shop = await startTestShopServer({
    agent,
    env: { MAX_MESSAGE_CHARS: '50', TURNS_PER_MINUTE: '1000' },
  });
});

afterAll(async () => {
  for (const client of open) client.close();
  await shop.close();
});

async function connectAs(customerId: number | null): Promise<ShopClient> {
  const { token } = await mintDevSession(shop.baseUrl, customerId);
  const client = await connectShopClient(shop.baseUrl, token);
  open.push(client);
  return client;
}

/** Resolves with the next `error` event the socket receives. */
function nextError(socket: Socket): Promise<ErrorPayload> {
  return new Promise((resolve) => socket.once('error', resolve));
}

describe('the /shop handshake', () => {
  it('refuses a connection without a token', async () => {
    await expect(
      connectShopClient(shop.baseUrl, undefined),
    ).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('refuses a token signed with another secret', async () => {
    const { token } = await signSessionToken('not-the-secret', {
      customerId: null,
    });
    await expect(connectShopClient(shop.baseUrl, token)).rejects.toMatchObject({
      message: 'The session token is invalid',
      data: { code: 'UNAUTHORIZED' },
    });
  });

  it('refuses an expired token', async () => {
    const { token } = await signSessionToken(
      shop.config.sessionSecret,
      { customerId: null },
      -60,
    );
    await expect(connectShopClient(shop.baseUrl, token)).rejects.toMatchObject({
      message: 'The session token has expired',
    });
  });

  it("refuses another shopper's conversation", async () => {
    const mine = await mintDevSession(shop.baseUrl, 12346);
    open.push(await connectShopClient(shop.baseUrl, mine.token));
    const { token } = await signSessionToken(shop.config.sessionSecret, {
      customerId: 12347,
      conversationId: mine.conversationId,
    });
    await expect(connectShopClient(shop.baseUrl, token)).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });

  it('tells the client who it is', async () => {
    const client = await connectAs(12346);
    expect(client.session).toEqual({
      conversationId: expect.any(String),
      customerId: 12346,
      lastSeq: 0,
      maxMessageChars: 50,
    });
  });
});

describe('a turn', () => {
  it('acks, streams the chunks in order, then sends reply.done', async () => {
    const client = await connectAs(12346);
    const turn = await client.send('red lunch bag');

    expect(turn.ack).toEqual({
      ok: true,
      turnId: expect.any(String),
      messageId: expect.any(Number),
      seq: 1,
      duplicate: false,
    });
    expect(turn.chunks.map((chunk) => chunk.index)).toEqual([0, 1, 2]);
    expect(turn.chunks.map((chunk) => chunk.text).join('')).toBe(
      turn.done?.text,
    );
    expect(turn.done).toMatchObject({
      text: 'You said: red lunch bag.',
      cards: [FAKE_PRODUCT_CARD],
      seq: 2,
    });
    expect(agent.calls.at(-1)).toMatchObject({
      conversationId: client.session.conversationId,
      customerId: 12346,
      text: 'red lunch bag',
    });
  });

  it('answers a duplicate clientMessageId with the same ack and no new turn', async () => {
    const client = await connectAs(null);
    const first = await client.send('hello', { clientMessageId: 'm-1' });
    const calls = agent.calls.length;
    const again = await client.send('hello', { clientMessageId: 'm-1' });

    expect(again.ack).toEqual({ ...first.ack, duplicate: true });
    expect(again.done?.text).toBe(first.done?.text);
    expect(agent.calls.length).toBe(calls);
  });

  it('passes the stored state back and stores every message with its cards', async () => {
    const client = await connectAs(12347);
    await client.send('hi');
    await client.send('where is my order');

    expect(agent.calls.at(-1)?.state).toEqual({ turns: 1 });
    const rows = shop.db
      .prepare(
        'SELECT seq, role, text, cards FROM messages WHERE conversation_id = ? ORDER BY seq',
      )
      .all(client.session.conversationId) as { role: string; cards: string }[];
    expect(rows.map((row) => row.role)).toEqual([
      'shopper',
      'agent',
      'shopper',
      'agent',
    ]);
    expect(JSON.parse(rows[3].cards)).toEqual([FAKE_ORDER_CARD]);
  });

  it('runs one turn at a time per conversation, in order', async () => {
    const slow = createFakeAgent({ chunkDelayMs: 5 });
    const local = await startTestShopServer({ agent: slow });
    try {
      const { token } = await mintDevSession(local.baseUrl, null);
      const client = await connectShopClient(local.baseUrl, token);
      const seen: string[] = [];
      client.socket.on('reply.chunk', (c: { turnId: string }) =>
        seen.push(c.turnId),
      );
      client.socket.on('reply.done', (d: { turnId: string }) =>
        seen.push(`${d.turnId}:done`),
      );
      const [a, b] = await Promise.all([
        client.send('first'),
        client.send('second'),
      ]);
      client.close();

      const A = a.ack.ok ? a.ack.turnId : '';
      const B = b.ack.ok ? b.ack.turnId : '';
      expect(seen).toEqual([A, A, A, `${A}:done`, B, B, B, `${B}:done`]);
    } finally {
      await local.close();
    }
  });

  it('answers an agent failure with a polite reply and an error', async () => {
    const client = await connectAs(null);
    const failed = await client.send('please fail now');

    expect(failed.done?.error).toMatchObject({ code: 'TOOL_FAILED' });
    expect(failed.done?.text).toMatch(/sorry/i);
    expect(client.errors).toContainEqual(
      expect.objectContaining({ code: 'TOOL_FAILED' }),
    );
    const next = await client.send('still there?');
    expect(next.done?.error).toBeUndefined();
  });
});

describe('a hung agent', () => {
  it('gets an apology after the turn timeout and the next turn runs', async () => {
    const local = await startTestShopServer({
      agent: createFakeAgent(),
      turnTimeoutMs: 50,
    });
    try {
      const { token } = await mintDevSession(local.baseUrl, null);
      const client = await connectShopClient(local.baseUrl, token);
      const hung = await client.send('hang on');
      const next = await client.send('hello again');
      client.close();

      expect(hung.done?.error).toMatchObject({ code: 'MODEL_UNAVAILABLE' });
      expect(next.done?.text).toBe('You said: hello again.');
    } finally {
      await local.close();
    }
  });
});

describe('bad input', () => {
  const refused = async (
    client: ShopClient,
    event: string,
    ...args: unknown[]
  ): Promise<MessageAck> =>
    (await client.socket
      .timeout(2000)
      .emitWithAck(event, ...args)) as MessageAck;

  it('gives typed errors and keeps the connection usable', async () => {
    const client = await connectAs(null);
    const oversize = 'x'.repeat(51);

    const answers = [
      await refused(client, 'message', 'just a string'),
      await refused(client, 'message', { text: 'no id' }),
      await refused(client, 'message', { clientMessageId: 'a', text: '  ' }),
      await refused(client, 'message', {
        clientMessageId: 'b',
        text: oversize,
      }),
      await refused(client, 'message'),
      await refused(client, 'history', { sinceSeq: -1 }),
      await refused(client, 'buy.everything', { price: 0.01 }),
    ];
    for (const answer of answers)
      expect(answer).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.any(String) },
      });
    expect(answers[2]).toMatchObject({ error: { message: /empty/ } });
    expect(answers[3]).toMatchObject({ error: { message: /at most 50/ } });
    expect(answers[6]).toMatchObject({ error: { message: /buy\.everything/ } });

    const ok = await client.send('still working?');
    expect(ok.done?.text).toBe('You said: still working?.');
  });

  it('sends an error event when the client gave no ack callback', async () => {
    const client = await connectAs(null);

    const unknown = nextError(client.socket);
    client.socket.emit('dance');
    expect(await unknown).toMatchObject({ code: 'INVALID_INPUT' });

    const malformed = nextError(client.socket);
    client.socket.emit('message', { clientMessageId: 'x', text: 42 });
    expect(await malformed).toMatchObject({ code: 'INVALID_INPUT' });

    const history = nextError(client.socket);
    client.socket.emit('history', { sinceSeq: 0 });
    expect(await history).toMatchObject({ message: /acknowledgement/ });

    expect(client.socket.connected).toBe(true);
    expect((await client.send('ok')).done).toBeDefined();
  });
});

describe('reconnecting', () => {
  it('catches up with history after a reconnect', async () => {
    const { token } = await mintDevSession(shop.baseUrl, 12346);
    const first = await connectShopClient(shop.baseUrl, token);
    await first.send('one');
    first.close();

    const second = await connectShopClient(shop.baseUrl, token);
    open.push(second);
    expect(second.session.lastSeq).toBe(2);
    await second.send('two');

    const all = await second.history(0);
    const since = await second.history(2);
    expect(all.ok && all.messages.map((m) => [m.seq, m.role, m.text])).toEqual([
      [1, 'shopper', 'one'],
      [2, 'agent', 'You said: one.'],
      [3, 'shopper', 'two'],
      [4, 'agent', 'You said: two.'],
    ]);
    expect(since).toMatchObject({ ok: true, lastSeq: 4 });
    expect(since.ok && since.messages.map((m) => m.seq)).toEqual([3, 4]);
    expect(since.ok && since.messages[1].cards).toEqual([FAKE_PRODUCT_CARD]);
  });

  it('streams replies to every connection of the conversation', async () => {
    const { token } = await mintDevSession(shop.baseUrl, null);
    const tab1 = await connectShopClient(shop.baseUrl, token);
    const tab2 = await connectShopClient(shop.baseUrl, token);
    open.push(tab1, tab2);
    const seenByTab2 = new Promise<{ text: string }>((resolve) =>
      tab2.socket.once('reply.done', resolve),
    );
    const turn = await tab1.send('hello both');
    expect((await seenByTab2).text).toBe(turn.done?.text);
  });
});

describe('rate limit', () => {
  it('refuses turns beyond TURNS_PER_MINUTE and refills over time', async () => {
    let clock = 1_000_000;
    const local = await startTestShopServer({
      agent: createFakeAgent(),
      env: { TURNS_PER_MINUTE: '2' },
      now: () => clock,
    });
    try {
      const { token } = await mintDevSession(local.baseUrl, null);
      const client = await connectShopClient(local.baseUrl, token);
      expect((await client.send('1')).ack.ok).toBe(true);
      expect((await client.send('2')).ack.ok).toBe(true);
      expect((await client.send('3')).ack).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });

      clock += 30_000;
      expect((await client.send('4')).ack.ok).toBe(true);
      client.close();
    } finally {
      await local.close();
    }
  });
});

describe('the raw socket', () => {
  it('serves the socket.io client and speaks plain socket.io', async () => {
    const script = await fetch(`${shop.baseUrl}/socket.io/socket.io.js`);
    expect(script.status).toBe(200);

    const { token } = await mintDevSession(shop.baseUrl, null);
    const socket = io(`${shop.baseUrl}/shop`, {
      auth: { token },
      transports: ['polling'],
      reconnection: false,
    });
    const session = await new Promise((resolve) =>
      socket.once('session', resolve),
    );
    socket.disconnect();
    expect(session).toMatchObject({ customerId: null, lastSeq: 0 });
  });
});

describe('shutting down', () => {
  it('lets a running turn finish and store its reply before closing', async () => {
    const local = await startTestShopServer({
      agent: createFakeAgent({ chunkDelayMs: 30 }),
    });
    const { token } = await mintDevSession(local.baseUrl, null);
    const client = await connectShopClient(local.baseUrl, token);
    const firstChunk = new Promise((resolve) =>
      client.socket.once('reply.chunk', resolve),
    );
    void client.send('slow one').catch(() => undefined);
    await firstChunk;

    await local.close();
    const replies = local.db
      .prepare("SELECT text FROM messages WHERE role = 'agent'")
      .all();
    expect(replies).toEqual([{ text: 'You said: slow one.' }]);
    expect(local.db.open).toBe(true);
  });
});
