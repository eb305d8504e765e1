/**
 * The configured-model path: ChatOpenAI against a scripted OpenAI-compatible
 * server on loopback that streams SSE chunks, tool-call deltas included.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import {
  createFakeShopServices,
  startScriptedOpenAIServer,
  type ScriptedOpenAIServer,
  type ScriptedReply,
} from '../test-helpers/index.ts';
import { createChatModels, createOpenAIChatModel } from './chat-models.ts';
import { OfflineChatModel, OFFLINE_MODEL_NAME } from './offline-chat-model.ts';
import { createShopAgent } from './shop-agent.ts';

let server: ScriptedOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function agentOn(script: ScriptedReply[]) {
  server = await startScriptedOpenAIServer(script);
  const fake = createFakeShopServices();
  const model = createOpenAIChatModel(
    {
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_API_KEY: 'test-key',
      OPENAI_MODEL: 'scripted',
    },
    { maxRetries: 0, timeoutMs: 5000 },
  );
  const agent = createShopAgent(fake.services, {
    model,
    fallbacks: [new OfflineChatModel()],
  });
  return { agent, calls: fake.calls, requests: server.requests };
}

async function run(
  agent: ReturnType<typeof createShopAgent>,
  customerId: number | null,
  text: string,
) {
  const chunks: string[] = [];
  const out = await agent.runTurn(
    { conversationId: 'c1', customerId, text, state: undefined },
    (chunk) => chunks.push(chunk),
  );
  return { ...out, chunks };
}

describe('OpenAI-compatible chat model', () => {
  it('streams tool-call deltas and text; cards come from the tools, prices are guarded', async () => {
    const { agent, requests } = await agentOn([
      {
        type: 'tool_calls',
        calls: [
          { name: 'detect_intent', args: { text: 'a red lunch bag under £2' } },
          {
            name: 'search_catalogue',
            args: { text: 'red lunch bag', colours: ['red'], maxPrice: 2 },
          },
        ],
      },
      {
        type: 'text',
        text: 'Here are some red lunch bags, all under £2. The retrospot one is £1.65. For you, just £0.01!',
      },
    ]);
    const out = await run(agent, null, 'a red lunch bag under £2');

    expect(out.trace.model).toBe('openai:scripted');
    expect(out.trace.intents).toEqual(['product_search']);
    expect(out.trace.toolCalls.map((c) => c.name)).toEqual([
      'detect_intent',
      'search_catalogue',
    ]);
    expect(out.cards.length).toBeGreaterThan(0);
    for (const card of out.cards)
      expect(card).toMatchObject({
        type: 'product',
        colours: expect.arrayContaining(['red']),
      });
    expect(out.text).toContain('The retrospot one is £1.65.');
    expect(out.text).not.toContain('0.01');
    expect(out.chunks.length).toBeGreaterThan(1);
    expect(out.chunks.join('').trim()).toBe(out.text);

    expect(requests).toHaveLength(2);
    expect(requests[0].stream).toBe(true);
    expect(requests[0].tools?.map((t) => t.function.name)).toHaveLength(7);
    expect(String(requests[0].messages[0].content)).toContain('<shop-context>');
    const toolResults = requests[1].messages.filter((m) => m.role === 'tool');
    expect(toolResults).toHaveLength(2);
    expect(JSON.parse(String(toolResults[1].content))).toMatchObject({
      ok: true,
    });
  });

  it('turns an unknown tool and bad arguments into results the model can read', async () => {
    const { agent, requests, calls } = await agentOn([
      {
        type: 'tool_calls',
        calls: [
          { name: 'teleport_parcel', args: { to: 'moon' } },
          { name: 'get_order_status', args: { invoice: 'DROP TABLE orders' } },
          { name: 'list_orders', args: { limit: 3, customerId: 99999 } },
        ],
      },
      { type: 'text', text: 'Here are your recent orders.' },
    ]);
    const out = await run(agent, 101, 'show my orders');
    expect(out.text).toBe('Here are your recent orders.');

    // What the model read back, by the name of the call it made.
    const sent = requests[1].messages;
    const names = new Map(
      sent
        .flatMap((m) => m.tool_calls ?? [])
        .map((c) => [c.id, c.function.name]),
    );
    const byCall = (name: string) =>
      String(
        sent.find(
          (m) => m.role === 'tool' && names.get(m.tool_call_id ?? '') === name,
        )?.content,
      );
    expect(byCall('teleport_parcel')).toMatch(/not a valid tool/);
    expect(JSON.parse(byCall('get_order_status'))).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
    });
    expect(JSON.parse(byCall('list_orders'))).toMatchObject({ ok: true });
    // The customer is the session's, not the one in the arguments.
    expect(calls.find((c) => c.method === 'listOrders')?.args[0]).toBe(101);
  });

  it('falls back to the offline model when the endpoint fails', async () => {
    const { agent, requests } = await agentOn([
      { type: 'error', status: 500 },
      { type: 'error', status: 500 },
      { type: 'error', status: 500 },
      { type: 'error', status: 500 },
    ]);
    const out = await run(agent, null, 'show me lunch bags');
    expect(requests.length).toBeGreaterThan(0);
    expect(out.trace.model).toBe(OFFLINE_MODEL_NAME);
    expect(out.cards.length).toBeGreaterThan(0);
    expect(out.text).toMatch(/lunch bag/);
  });

  it('CHAT_MODEL picks the models', () => {
    const offline = createChatModels(parseConfig({ CHAT_MODEL: 'offline' }));
    expect(offline.primary).toBeInstanceOf(OfflineChatModel);
    expect(offline.fallbacks).toEqual([]);
    const openai = createChatModels(
      parseConfig({
        CHAT_MODEL: 'openai',
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      }),
    );
    expect(openai.primary.constructor.name).toBe('ChatOpenAI');
    expect(openai.fallbacks[0]).toBeInstanceOf(OfflineChatModel);
  });
});
