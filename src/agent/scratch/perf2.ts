import { createAgent, tool } from 'langchain';
import { z } from 'zod';
import { FakeToolCallingModel } from 'langchain';
const echo = tool(async ({ text }) => ({ text }), { name: 'echo', description: 'echo', schema: z.object({ text: z.string() }) });
const model = new FakeToolCallingModel({ toolCalls: [[{ name: 'echo', args: { text: 'x' }, id: '1' }], []] });
const agent = createAgent({ model, tools: [echo] });
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await agent.invoke({ messages: [{ role: 'user', content: 'hi' }] });
  console.log('invoke ms', Math.round(performance.now() - t));
}
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const s = await agent.stream({ messages: [{ role: 'user', content: 'hi' }] }, { streamMode: ['messages', 'values'] });
  for await (const _ of s) {}
  console.log('stream ms', Math.round(performance.now() - t));
}
