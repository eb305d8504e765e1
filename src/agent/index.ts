/**
 * The agent: one shopper turn at a time over LangChain's createAgent, the
 * shop tools and the conversation state. `buildShopAgent(config)` wires the
 * real store and models; `createShopAgent(services, options)` takes any
 * `ShopServices` (tests pass fakes).
 */
export {
  CardSchema,
  OrderCardSchema,
  OrderLineCardSchema,
  ProductCardSchema,
  type Card,
  type OrderCard,
  type ProductCard,
  type ShopAgent,
  type TurnInput,
  type TurnOutput,
} from './turn.ts';
export {
  buildShopAgent,
  type BuildShopAgentOptions,
} from './build-shop-agent.ts';
export { createShopAgent, type ShopAgentOptions } from './shop-agent.ts';
export {
  createStoreServices,
  type StoreServiceParts,
} from './store-services.ts';
export {
  chatModelName,
  createChatModels,
  createOpenAIChatModel,
  type ChatModels,
} from './chat-models.ts';
export { OfflineChatModel, OFFLINE_MODEL_NAME } from './offline-chat-model.ts';
export {
  ConversationStateSchema,
  initialConversationState,
  parseConversationState,
  type ActiveFilters,
  type ConversationState,
  type ShownProduct,
} from './conversation-state.ts';
