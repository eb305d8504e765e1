/** `shopmate eval` section "intent": intent detection on held-out and messy text. */
import { intentEvalReport } from '../../intent/index.ts';
import type { Section } from '../sections.ts';

export const intentSection: Section = {
  key: 'intent',
  title: 'Intent detection (Bitext + shopping intents; messy shopper messages)',
  async run(context) {
    return intentEvalReport(context.config, { onProgress: context.progress });
  },
};
