import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Card, ShopAgent, TurnInput } from '../../agent/index.ts';
import { getConfig } from '../../config.ts';
import { ShopmateError, toShopmateError } from '../../errors.ts';
import { moduleLogger } from '../../logger.ts';
import {
  displayTitle,
  formatMoney,
  toolTroubleReply,
} from '../../prompts/index.ts';
import { openIngestedDatabase, type Db } from '../../store/index.ts';
import { writeProgress } from '../output.ts';

const QUIT = new Set(['/quit', '/exit', '/q']);

const CHAT_HELP = [
  'Type what you would say to the shop, for example:',
  '  find me a red lunch bag under £2 · cheaper · not red · show more',
  '  what should I reorder? · recommend me something new',
  '  where is my order? · what did I buy last time?',
  'Commands: /help, /quit',
].join('\n');

/** `shopmate chat`: the shop's agent in the terminal. */
export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('Chat with the shopping agent in the terminal (/quit leaves)')
    .option('--customer <id>', 'continue as this customer (default: anonymous)')
    .action(async (options: { customer?: string }) => {
      await chat(options.customer);
    });
}

async function chat(customerText: string | undefined): Promise<void> {
  const config = getConfig();
  // Loaded here so that other commands (and tests of the loop) do not pay
  // for ingest's readers and the agent's models.
  const { ensureStore } = await import('../../ingest/index.ts');
  const { buildShopAgent } = await import('../../agent/index.ts');
  await ensureStore(config, { onProgress: writeProgress });
  const db = openIngestedDatabase(config.databasePath);
  const customerId = checkCustomer(db, customerText);
  const agent: ShopAgent = await buildShopAgent(config, { db });

  writeProgress(
    `Chatting as ${customerId === null ? 'an anonymous shopper' : `customer ${customerId}`}. Type /help for examples, /quit to leave.`,
  );
  await runChatLoop({
    agent,
    customerId,
    maxChars: config.MAX_MESSAGE_CHARS,
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true,
  });
  db.close();
}

export interface ChatLoopOptions {
  agent: ShopAgent;
  customerId: number | null;
  maxChars: number;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal: show a prompt; otherwise echo each line read. */
  interactive: boolean;
  logger?: Logger;
}

/**
 * Reads lines until /quit or the end of input; each line is one turn whose
 * reply streams to `output`. A failing turn prints an apology and the loop
 * goes on.
 */
export async function runChatLoop(options: ChatLoopOptions): Promise<void> {
  const { agent, customerId, maxChars, output, interactive } = options;
  const log = options.logger ?? moduleLogger('chat');
  const conversationId = randomUUID();
  const print = (text = '') => output.write(`${text}\n`);
  let state: unknown = {};
  const rl = readline.createInterface({
    input: options.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    prompt: 'you> ',
  });
  rl.on('SIGINT', () => rl.close());
  if (interactive) rl.prompt();

  for await (const line of rl) {
    const text = line.trim();
    if (QUIT.has(text.toLowerCase())) break;
    if (text.toLowerCase() === '/help') {
      print(CHAT_HELP);
      if (interactive) rl.prompt();
      continue;
    }
    // Piped input is not echoed by a terminal; print it so the transcript reads.
    if (text !== '' && !interactive) print(`you> ${text}`);
    if (text.length > maxChars)
      print(`shopmate> Messages can be at most ${maxChars} characters.`);
    else if (text !== '') {
      try {
        const input = { conversationId, customerId, text, state };
        state = await streamTurn(agent, input, output);
      } catch (error) {
        const failure = toShopmateError(error);
        log.error({ code: failure.code, err: failure }, 'turn failed');
        print(`${toolTroubleReply()} [${failure.code}]`);
      }
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}

/** Streams one reply; returns the agent's new state. */
async function streamTurn(
  agent: ShopAgent,
  input: TurnInput,
  output: NodeJS.WritableStream,
): Promise<unknown> {
  output.write('shopmate> ');
  let streamed = false;
  const result = await agent.runTurn(input, (chunk) => {
    streamed = true;
    output.write(chunk);
  });
  if (!streamed) output.write(result.text);
  output.write('\n');
  for (const card of result.cards)
    for (const row of formatCard(card)) output.write(`${row}\n`);
  return result.state;
}

/** A card as indented lines of text. */
export function formatCard(card: Card): string[] {
  if (card.type === 'product') {
    const reason = card.reason ? ` — ${card.reason}` : '';
    return [
      `  • ${displayTitle(card.title)}  ${formatMoney(card.price)}  [${card.stockCode}]${reason}`,
    ];
  }
  return [
    `  • Order ${card.invoice} · ${card.date.slice(0, 16)} · ${card.status} · ${formatMoney(card.total)}`,
    ...card.lines.map(
      (line) =>
        `      ${line.quantity} × ${displayTitle(line.title)} @ ${formatMoney(line.unitPrice)}`,
    ),
  ];
}

/** The customer to chat as: must exist in the store; none means anonymous. */
function checkCustomer(db: Db, text: string | undefined): number | null {
  if (text === undefined) return null;
  const id = Number(text.trim());
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new ShopmateError(
      'INVALID_INPUT',
      `--customer must be a customer id (a whole number), got "${text}"`,
    );
  const found = db
    .prepare('SELECT 1 FROM customers WHERE customer_id = ?')
    .get(id);
  if (found === undefined)
    throw new ShopmateError('NOT_FOUND', `No customer ${id} in the store`);
  return id;
}
