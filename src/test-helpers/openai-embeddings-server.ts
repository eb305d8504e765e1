/**
 * A scripted OpenAI-compatible embeddings server on loopback (port 0) for
 * tests: POST /embeddings answers with bag-of-words vectors, so texts sharing
 * words are closer, and records each request.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

const EmbeddingsRequestSchema = z.object({
  model: z.string(),
  input: z.union([z.string(), z.array(z.string())]),
  encoding_format: z.enum(['float', 'base64']).optional(),
});

export type EmbeddingsRequest = z.infer<typeof EmbeddingsRequestSchema> & {
  authorization: string | undefined;
};

export interface OpenAiEmbeddingsServer {
  /** Base URL to configure, e.g. http://127.0.0.1:PORT/v1 */
  baseURL: string;
  /** Requests received so far, oldest first. */
  requests: EmbeddingsRequest[];
  /** Makes the next `count` requests fail with this HTTP status. */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

/**
 * The vector the server gives a text: each lower-cased word adds 3 to one of
 * `dimension` axes chosen by a hash of the word (deliberately not unit length).
 */
export function fakeEmbedding(text: string, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(0);
  for (const word of text.toLowerCase().split(/\W+/u).filter(Boolean)) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
    vector[hash % dimension] += 3;
  }
  // An input with no word characters still gets a non-zero vector.
  if (!vector.some((value) => value !== 0)) vector[0] = 1;
  return vector;
}

/** Starts the server; `dimension` is the length of every vector (default 8). */
export async function startOpenAiEmbeddingsServer(
  dimension = 8,
): Promise<OpenAiEmbeddingsServer> {
  const requests: EmbeddingsRequest[] = [];
  let failures: { status: number; left: number } | undefined;

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (request.method !== 'POST' || !request.url?.endsWith('/embeddings'))
        return reply(404, { error: { message: 'not found' } });
      const parsed = EmbeddingsRequestSchema.safeParse(safeJson(body));
      if (!parsed.success)
        return reply(400, { error: { message: parsed.error.message } });

      requests.push({
        ...parsed.data,
        authorization: request.headers.authorization,
      });
      if (failures && failures.left > 0) {
        failures.left--;
        return reply(failures.status, {
          error: { message: 'scripted failure', type: 'server_error' },
        });
      }
      const inputs = Array.isArray(parsed.data.input)
        ? parsed.data.input
        : [parsed.data.input];
      reply(200, {
        object: 'list',
        model: parsed.data.model,
        data: inputs.map((text, index) => ({
          object: 'embedding',
          index,
          embedding: encode(
            fakeEmbedding(text, dimension),
            parsed.data.encoding_format,
          ),
        })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext: (status, count = 1) => {
      failures = { status, left: count };
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients keep connections alive; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}

function encode(vector: number[], format: 'float' | 'base64' | undefined) {
  if (format !== 'base64') return vector;
  return Buffer.from(Float32Array.from(vector).buffer).toString('base64');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
