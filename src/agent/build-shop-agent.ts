/**
 * The shop agent on the real store: opens the ingested database, loads the
 * search index and the customer models, and picks the chat model CHAT_MODEL
 * names.
 */
import type { Config } from '../config.ts';
import { loadOrFitChurnModel } from '../customers/index.ts';
import { loadIntentModel } from '../intent/index.ts';
import { createRecommender } from '../ranking/index.ts';
import { moduleLogger } from '../logger.ts';
import { loadCatalogueSearch } from '../retrieval/index.ts';
import {
  getReferenceDate,
  openIngestedDatabase,
  type Db,
} from '../store/index.ts';
import { chatModelName, createChatModels } from './chat-models.ts';
import { toIntentDetection } from './intent-adapter.ts';
import { createShopAgent, type ShopAgentOptions } from './shop-agent.ts';
import { createStoreServices } from './store-services.ts';
import type { ShopAgent } from './turn.ts';

const log = moduleLogger('agent');

export interface BuildShopAgentOptions extends Pick<
  ShopAgentOptions,
  'model' | 'fallbacks'
> {
  /** An already opened store; opened from config.databasePath otherwise. */
  db?: Db;
}

/** The agent over the real store and models, as `npm start` serves it. */
export async function buildShopAgent(
  config: Config,
  options: BuildShopAgentOptions = {},
): Promise<ShopAgent> {
  const started = performance.now();
  const db = options.db ?? openIngestedDatabase(config.databasePath);
  const referenceDate = getReferenceDate(db, config);
  const search = await loadCatalogueSearch(db, config);
  const churnModel = loadOrFitChurnModel(db, config);
  // A fresh clone has no saved intent model yet; training takes about 30 s.
  const intents = await loadIntentModel(config, { trainIfMissing: true });
  const recommender = createRecommender(db, config);
  const services = createStoreServices({
    db,
    referenceDate,
    search,
    churnModel,
    detectIntent: async (text) => toIntentDetection(intents.detect(text)),
    recommender,
  });
  const models = options.model
    ? { primary: options.model, fallbacks: options.fallbacks ?? [] }
    : createChatModels(config);

  log.info(
    {
      chatModel: chatModelName(models.primary),
      fallbacks: models.fallbacks.map(chatModelName),
      products: search.products.length,
      ranker: recommender.info.model,
      referenceDate: referenceDate.toISOString().slice(0, 10),
      startupMs: Math.round(performance.now() - started),
    },
    'shop agent ready',
  );
  return createShopAgent(services, {
    model: models.primary,
    fallbacks: models.fallbacks,
  });
}
