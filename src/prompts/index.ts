/**
 * Every text a model reads or a shopper sees, as typed builders: the system
 * prompt, tool descriptions and the offline model's reply templates.
 */
export { TOOL_DESCRIPTIONS, type ToolName } from './tool-descriptions.ts';
export {
  buildSystemPrompt,
  extractShopContext,
  SHOP_CONTEXT_OPEN,
  SHOP_CONTEXT_CLOSE,
  type SystemPromptInput,
} from './system-prompt.ts';
export {
  categoryLabel,
  describeFilters,
  displayDate,
  displayTitle,
  formatMoney,
  joinList,
  plural,
  type FilterWords,
} from './format.ts';
export {
  noResultsReply,
  productDetailReply,
  refineProblemReply,
  searchResultsReply,
  type NoResultsInput,
  type ProductDetailInput,
  type SearchReplyInput,
  type SearchReplyKind,
} from './product-replies.ts';
export {
  discoverReply,
  engagementLine,
  reorderReply,
  type DiscoverReplyInput,
  type EngagementInput,
  type EngagementStage,
} from './recommendation-replies.ts';
export {
  noOrdersReply,
  orderHistoryReply,
  orderNotFoundReply,
  orderStatusReply,
  signInReply,
  statusWords,
  type OrderFacts,
  type SignInTopic,
} from './order-replies.ts';
export { serviceReply, type ServiceContext } from './service-replies.ts';
export {
  chitchatReply,
  goodbyeReply,
  greetingReply,
  handoffReply,
  manipulationReply,
  outOfScopeReply,
  priceWithheldReply,
  thanksReply,
  toolTroubleReply,
} from './social-replies.ts';
