/**
 * The shop server: express + socket.io (`/shop` namespace), the development
 * session endpoints and the chat widget.
 */
export {
  createShopServer,
  type ShopIo,
  type ShopServer,
  type ShopServerOptions,
} from './create-shop-server.ts';
export {
  buildMessageSchema,
  CLIENT_EVENTS,
  ErrorPayloadSchema,
  HistoryAckSchema,
  HistoryMessageSchema,
  HistoryRequestSchema,
  MessageAckSchema,
  ReplyChunkSchema,
  ReplyDoneSchema,
  SessionInfoSchema,
  SHOP_NAMESPACE,
  type ClientMessage,
  type ClientToServerEvents,
  type ErrorPayload,
  type HistoryAck,
  type HistoryMessage,
  type MessageAck,
  type ReplyChunk,
  type ReplyDone,
  type ServerToClientEvents,
  type SessionInfo,
} from './events.ts';
export {
  signSessionToken,
  verifySessionToken,
  SessionClaimsSchema,
  SESSION_TTL_SECONDS,
  type SessionClaims,
} from './session-token.ts';
export { httpStatusFor, toErrorPayload } from './error-mapping.ts';
export { findDemoCustomers, type DemoCustomer } from './demo-customers.ts';
export {
  benchTurns,
  TURN_SCRIPT,
  type TurnBenchOptions,
  type TurnBenchReport,
} from './turn-bench.ts';
export {
  percentile,
  summariseTurns,
  type LatencySummary,
} from './turn-bench-stats.ts';
