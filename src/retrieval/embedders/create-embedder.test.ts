import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.ts';
import {
  startOpenAiEmbeddingsServer,
  writeTinyOnnxModel,
  type OpenAiEmbeddingsServer,
} from '../../test-helpers/index.ts';
import { createEmbedder } from './create-embedder.ts';

let folder: string;
let server: OpenAiEmbeddingsServer;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'shopmate-embedders-'));
  server = await startOpenAiEmbeddingsServer(16);
});

afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

describe('createEmbedder', () => {
  it('builds the transformers embedder from TRANSFORMERS_MODEL', async () => {
    const tiny = await writeTinyOnnxModel(folder);
    const config = parseConfig({
      EMBEDDER: 'transformers',
      TRANSFORMERS_MODEL: tiny.folder,
      STATE_DIR: path.join(folder, 'state'),
    });
    const embedder = await createEmbedder(config);
    expect(embedder.id).toBe(`transformers:${tiny.folder}`);
    expect(await embedder.embed(['red mug'])).toHaveLength(1);
  });

  it('builds the OpenAI embedder from OPENAI_BASE_URL', async () => {
    const config = parseConfig({
      EMBEDDER: 'openai',
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_EMBEDDING_MODEL: 'nomic-embed-text',
    });
    const embedder = await createEmbedder(config);
    expect(embedder).toMatchObject({
      id: 'openai:nomic-embed-text',
      dimension: 16,
    });
    expect(server.requests[0].authorization).toBe('Bearer not-needed');
  });

  it('refuses EMBEDDER=openai with neither key nor base URL', async () => {
    await expect(
      createEmbedder(parseConfig({ EMBEDDER: 'openai' })),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('defaults to the offline USE lite embedder', async () => {
    const embedder = await createEmbedder(parseConfig({}));
    expect(embedder).toMatchObject({ id: 'use-lite', dimension: 512 });
  });
});
