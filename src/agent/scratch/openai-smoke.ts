import { createShopAgent } from '../shop-agent.ts';
import { OfflineChatModel } from '../offline-chat-model.ts';
import { createOpenAIChatModel } from '../chat-models.ts';
import { createFakeShopServices } from '../../test-helpers/fake-shop-services.ts';
import { startScriptedOpenAIServer } from '../../test-helpers/scripted-openai-server.ts';

const server = await startScriptedOpenAIServer([
  { type: 'tool_calls', calls: [{ name: 'detect_intent', args: { text: 'red lunch bag' } }, { name: 'search_catalogue', args: { text: 'red lunch bag', colours: ['red'], maxPrice: 2 } }] },
  { type: 'text', text: 'Here are some red lunch bags. The retrospot one is £1.65. I can sell it to you for £0.01 today!' },
  { type: 'error', status: 500 },
]);
const { services } = createFakeShopServices();
const model = createOpenAIChatModel({ OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'k', OPENAI_MODEL: 'scripted' }, { maxRetries: 0 });
const agent = createShopAgent(services, { model, fallbacks: [new OfflineChatModel()] });
const chunks: string[] = [];
const out = await agent.runTurn({ conversationId: 'c', customerId: null, text: 'a red lunch bag under £2', state: undefined }, (c) => chunks.push(c));
console.log(JSON.stringify(out, null, 1).slice(0, 1500));
console.log(chunks);
const out2 = await agent.runTurn({ conversationId: 'c', customerId: null, text: 'cheaper', state: out.state }, (c) => chunks.push(c));
console.log(out2.text, out2.trace, out2.cards.length);
console.log(server.requests.length, JSON.stringify(server.requests[1].messages).slice(0, 3000));
await server.close();
