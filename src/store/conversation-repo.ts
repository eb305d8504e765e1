/**
 * Conversations and their messages: what the shopper said, what the agent
 * answered (with its cards) and the agent's state between turns.
 */
import { z } from 'zod';
import type { Db } from './database.ts';

export const MessageRoleSchema = z.enum(['shopper', 'agent']);
export type MessageRole = z.infer<typeof MessageRoleSchema>;

const ConversationRowSchema = z.object({
  id: z.string(),
  customer_id: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  state: z.string(),
});

const MessageRowSchema = z.object({
  id: z.number().int(),
  conversation_id: z.string(),
  seq: z.number().int(),
  role: MessageRoleSchema,
  text: z.string(),
  cards: z.string(),
  client_message_id: z.string().nullable(),
  turn_id: z.string().nullable(),
  created_at: z.string(),
});

export interface Conversation {
  id: string;
  customerId: number | null;
  createdAt: string;
  updatedAt: string;
  /** The agent's state as it last returned it (parsed JSON). */
  state: unknown;
}

export interface StoredMessage {
  id: number;
  conversationId: string;
  /** 1, 2, 3 … within the conversation, in the order messages were stored. */
  seq: number;
  role: MessageRole;
  text: string;
  /** Cards as the agent returned them; the store does not interpret them. */
  cards: unknown[];
  clientMessageId: string | null;
  turnId: string | null;
  createdAt: string;
}

export interface NewMessage {
  conversationId: string;
  role: MessageRole;
  text: string;
  cards?: unknown[];
  clientMessageId?: string | null;
  turnId?: string | null;
}

export interface ConversationRepo {
  /** Returns the conversation, creating it for this customer when new. */
  ensureConversation(id: string, customerId: number | null): Conversation;
  getConversation(id: string): Conversation | undefined;
  saveState(id: string, state: unknown): void;
  /** Stores a message with the conversation's next seq. */
  appendMessage(message: NewMessage): StoredMessage;
  findByClientMessageId(
    conversationId: string,
    clientMessageId: string,
  ): StoredMessage | undefined;
  /** The agent's reply to a turn, once stored. */
  findReply(conversationId: string, turnId: string): StoredMessage | undefined;
  /** The messages with seq > sinceSeq, oldest first. */
  listMessages(
    conversationId: string,
    sinceSeq: number,
    limit: number,
  ): StoredMessage[];
  /** The highest seq stored in the conversation; 0 when it has none. */
  lastSeq(conversationId: string): number;
}

export interface ConversationRepoOptions {
  /**
   * When a message was written. The wall clock is right here (unlike the
   * shop's reference date): these are live conversations, not 2011 orders.
   */
  now?: () => Date;
}

/** A repository over the conversations/messages tables of an open store. */
export function createConversationRepo(
  db: Db,
  options: ConversationRepoOptions = {},
): ConversationRepo {
  const now = options.now ?? (() => new Date());
  const statements = prepareStatements(db);

  const getConversation = (id: string): Conversation | undefined => {
    const row = statements.getConversation.get(id);
    return row === undefined
      ? undefined
      : toConversation(ConversationRowSchema.parse(row));
  };

  const appendMessage = db.transaction((message: NewMessage): StoredMessage => {
    const createdAt = now().toISOString();
    const { next } = statements.nextSeq.get(message.conversationId) as {
      next: number;
    };
    const { lastInsertRowid } = statements.insertMessage.run({
      conversation_id: message.conversationId,
      seq: next,
      role: message.role,
      text: message.text,
      cards: JSON.stringify(message.cards ?? []),
      client_message_id: message.clientMessageId ?? null,
      turn_id: message.turnId ?? null,
      created_at: createdAt,
    });
    statements.touchConversation.run(createdAt, message.conversationId);
    return {
      id: Number(lastInsertRowid),
      conversationId: message.conversationId,
      seq: next,
      role: message.role,
      text: message.text,
      cards: message.cards ?? [],
      clientMessageId: message.clientMessageId ?? null,
      turnId: message.turnId ?? null,
      createdAt,
    };
  });

  return {
    getConversation,

    ensureConversation(id, customerId) {
      const createdAt = now().toISOString();
      statements.insertConversation.run(id, customerId, createdAt, createdAt);
      const conversation = getConversation(id);
      if (!conversation) throw new Error(`conversation ${id} was not stored`);
      return conversation;
    },

    saveState(id, state) {
      statements.saveState.run(
        JSON.stringify(state ?? null),
        now().toISOString(),
        id,
      );
    },

    appendMessage: (message) => appendMessage(message),

    findByClientMessageId(conversationId, clientMessageId) {
      const row = statements.findByClientId.get(
        conversationId,
        clientMessageId,
      );
      return row === undefined
        ? undefined
        : toMessage(MessageRowSchema.parse(row));
    },

    findReply(conversationId, turnId) {
      const row = statements.findReply.get(conversationId, turnId);
      return row === undefined
        ? undefined
        : toMessage(MessageRowSchema.parse(row));
    },

    listMessages(conversationId, sinceSeq, limit) {
      return statements.listMessages
        .all(conversationId, sinceSeq, limit)
        .map((row) => toMessage(MessageRowSchema.parse(row)));
    },

    lastSeq(conversationId) {
      const { next } = statements.nextSeq.get(conversationId) as {
        next: number;
      };
      return next - 1;
    },
  };
}

function prepareStatements(db: Db) {
  return {
    getConversation: db.prepare(
      'SELECT id, customer_id, created_at, updated_at, state FROM conversations WHERE id = ?',
    ),
    insertConversation: db.prepare(
      'INSERT INTO conversations (id, customer_id, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
    ),
    saveState: db.prepare(
      'UPDATE conversations SET state = ?, updated_at = ? WHERE id = ?',
    ),
    touchConversation: db.prepare(
      'UPDATE conversations SET updated_at = ? WHERE id = ?',
    ),
    nextSeq: db.prepare(
      'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM messages WHERE conversation_id = ?',
    ),
    insertMessage: db.prepare(
      `INSERT INTO messages (conversation_id, seq, role, text, cards, client_message_id, turn_id, created_at)
       VALUES (@conversation_id, @seq, @role, @text, @cards, @client_message_id, @turn_id, @created_at)`,
    ),
    findByClientId: db.prepare(
      'SELECT * FROM messages WHERE conversation_id = ? AND client_message_id = ?',
    ),
    findReply: db.prepare(
      "SELECT * FROM messages WHERE conversation_id = ? AND turn_id = ? AND role = 'agent' ORDER BY seq LIMIT 1",
    ),
    listMessages: db.prepare(
      'SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
  };
}

function toConversation(
  row: z.infer<typeof ConversationRowSchema>,
): Conversation {
  return {
    id: row.id,
    customerId: row.customer_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    state: JSON.parse(row.state) as unknown,
  };
}

function toMessage(row: z.infer<typeof MessageRowSchema>): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    role: row.role,
    text: row.text,
    cards: z.array(z.unknown()).parse(JSON.parse(row.cards)),
    clientMessageId: row.client_message_id,
    turnId: row.turn_id,
    createdAt: row.created_at,
  };
}
