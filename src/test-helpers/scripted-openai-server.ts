/**
 * A scripted OpenAI-compatible chat server on loopback: each request to
 * /v1/chat/completions gets the next scripted reply, streamed as SSE
 * chat-completion chunks (tool-call deltas included) when asked to stream.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedReply =
  | { type: 'tool_calls'; calls: { name: string; args: unknown }[] }
  | { type: 'text'; text: string }
  | { type: 'error'; status: number; message?: string };

export interface ChatRequestBody {
  model: string;
  stream?: boolean;
  messages: {
    role: string;
    content: unknown;
    tool_call_id?: string;
    tool_calls?: {
      id: string;
      function: { name: string; arguments: string };
    }[];
  }[];
  tools?: { type: string; function: { name: string } }[];
}

export interface ScriptedOpenAIServer {
  /** e.g. http://127.0.0.1:PORT/v1 — the value for OPENAI_BASE_URL. */
  baseUrl: string;
  requests: ChatRequestBody[];
  close(): Promise<void>;
}

type Script =
  ScriptedReply[] | ((body: ChatRequestBody, index: number) => ScriptedReply);

/** Splits a string into n roughly equal pieces (the "deltas"). */
function pieces(text: string, n: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / n));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [''];
}

function streamReply(
  response: http.ServerResponse,
  reply: Exclude<ScriptedReply, { type: 'error' }>,
  model: string,
  id: string,
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const send = (delta: object, finish: string | null = null) =>
    response.write(
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created: 1_317_000_000,
        model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      })}\n\n`,
    );
  send({ role: 'assistant', content: '' });
  if (reply.type === 'text') {
    for (const piece of reply.text.match(/\S+\s*|\s+/g) ?? [])
      send({ content: piece });
    send({}, 'stop');
  } else {
    reply.calls.forEach((call, index) => {
      send({
        tool_calls: [
          {
            index,
            id: `call_${id}_${index}`,
            type: 'function',
            function: { name: call.name, arguments: '' },
          },
        ],
      });
      for (const piece of pieces(JSON.stringify(call.args), 3))
        send({ tool_calls: [{ index, function: { arguments: piece } }] });
    });
    send({}, 'tool_calls');
  }
  response.write(
    `data: ${JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created: 1_317_000_000,
      model,
      choices: [],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    })}\n\n`,
  );
  response.end('data: [DONE]\n\n');
}

function completeReply(
  response: http.ServerResponse,
  reply: Exclude<ScriptedReply, { type: 'error' }>,
  model: string,
  id: string,
): void {
  const message =
    reply.type === 'text'
      ? { role: 'assistant', content: reply.text }
      : {
          role: 'assistant',
          content: null,
          tool_calls: reply.calls.map((call, index) => ({
            id: `call_${id}_${index}`,
            type: 'function',
            function: { name: call.name, arguments: JSON.stringify(call.args) },
          })),
        };
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      id,
      object: 'chat.completion',
      created: 1_317_000_000,
      model,
      choices: [
        {
          index: 0,
          message,
          finish_reason: reply.type === 'text' ? 'stop' : 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    }),
  );
}

/** Starts the server; replies follow `script` in order (or its function). */
export async function startScriptedOpenAIServer(
  script: Script,
): Promise<ScriptedOpenAIServer> {
  const requests: ChatRequestBody[] = [];
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      if (!request.url?.endsWith('/chat/completions')) {
        response.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw) as ChatRequestBody;
      const index = requests.push(body) - 1;
      const reply =
        typeof script === 'function'
          ? script(body, index)
          : (script[index] ?? { type: 'error', status: 500 });
      if (reply.type === 'error') {
        response.writeHead(reply.status, {
          'content-type': 'application/json',
        });
        response.end(
          JSON.stringify({
            error: {
              message: reply.message ?? 'scripted failure',
              type: 'server_error',
            },
          }),
        );
        return;
      }
      const id = `chatcmpl-${index}`;
      if (body.stream) streamReply(response, reply, body.model, id);
      else completeReply(response, reply, body.model, id);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
