/** The database: schema, migrations, meta values and the shop's clock. */
export {
  openDatabase,
  openIngestedDatabase,
  getMeta,
  setMeta,
  dataVersion,
  type Db,
} from './database.ts';
export { MIGRATIONS } from './schema.ts';
export {
  createConversationRepo,
  MessageRoleSchema,
  type Conversation,
  type ConversationRepo,
  type ConversationRepoOptions,
  type MessageRole,
  type NewMessage,
  type StoredMessage,
} from './conversation-repo.ts';
export {
  getReferenceDate,
  parseShopTime,
  formatShopTime,
  DAY_MS,
} from './shop-clock.ts';
