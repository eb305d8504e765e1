/** Shared test fakes and fixtures. Only test files import this folder. */
export { getIngestedDb } from './real-store.ts';
export {
  createFakeAgent,
  FAKE_ORDER_CARD,
  FAKE_PRODUCT_CARD,
  type FakeAgent,
  type FakeAgentOptions,
} from './fake-agent.ts';
export {
  connectShopClient,
  mintDevSession,
  type DevSession,
  type ShopClient,
  type TurnResult,
} from './shop-client.ts';
export {
  openTinyStore,
  startTestShopServer,
  TINY_STORE_CUSTOMERS,
  type StartTestShopServerOptions,
  type TestShopServer,
} from './shop-server.ts';
export {
  TINY_MODEL_DIMENSION,
  TINY_MODEL_MAX_TOKENS,
  writeTinyOnnxModel,
  type TinyOnnxModel,
} from './tiny-onnx-model.ts';
export {
  fakeEmbedding,
  startOpenAiEmbeddingsServer,
  type EmbeddingsRequest,
  type OpenAiEmbeddingsServer,
} from './openai-embeddings-server.ts';
export {
  createFakeShopServices,
  FAKE_CATALOGUE,
  FAKE_CUSTOMERS,
  type FakeCustomer,
  type FakeShopOptions,
} from './fake-shop-services.ts';
export {
  startScriptedOpenAIServer,
  type ChatRequestBody,
  type ScriptedOpenAIServer,
  type ScriptedReply,
} from './scripted-openai-server.ts';
export { hashingEmbedder } from './hashing-embedder.ts';
export {
  checkTurn,
  ConversationSpecSchema,
  fillPlaceholders,
  resolveCustomer,
  TurnSpecSchema,
  type ConversationSpec,
  type CustomerPick,
  type TurnRecord,
  type TurnSpec,
} from './conversation-script.ts';
