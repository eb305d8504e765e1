import { createShopAgent } from '../shop-agent.ts';
import { createFakeShopServices } from '../../test-helpers/fake-shop-services.ts';
const { services } = createFakeShopServices();
const agent = createShopAgent(services);
const run = (customerId: number | null, text: string) => agent.runTurn({ conversationId: 'c', customerId, text, state: undefined });
for (let i = 0; i < 10; i++) await run(101, 'a red lunch bag under £2');
for (const [c, text] of [[101, 'a red lunch bag under £2'], [null, 'a red lunch bag under £2'], [null, 'hello'], [101, 'where is my order?']] as const) {
  const t = performance.now();
  for (let i = 0; i < 20; i++) await run(c, text);
  console.log(c, text, 'seq ms', Math.round((performance.now() - t) / 20));
}
const t = performance.now();
await Promise.all(Array.from({ length: 50 }, () => run(null, 'a red lunch bag under £2')));
console.log('50 concurrent ms', Math.round(performance.now() - t));
