/**
 * Whole-clause pleasantries. They are a closed set, so an exact match is
 * surer than the classifier on one or two words ("thx!!", "cya").
 */
import type { IntentName } from './intent-names.ts';

const PHRASES: readonly [IntentName, RegExp][] = [
  [
    'greeting',
    /^(?:hi+|hello+|hey+|hiya|heya|howdy|yo|greetings|good (?:morning|afternoon|evening)|morning|afternoon|evening)(?: (?:there|all|team|everyone|guys|folks|shopmate|mate|again))?$/,
  ],
  [
    'thanks',
    /^(?:(?:ok(?:ay)? |great |brilliant |perfect |lovely |cool |awesome |fab )?(?:thanks+|thank you|thank u|thanx|thx|tnx|ty|ta|cheers|many thanks|much appreciated)(?: (?:so much|very much|a lot|a million|mate|love|again|for (?:your|the) help))?)$/,
  ],
  [
    'goodbye',
    /^(?:bye+|bye bye|goodbye|good bye|see you|see ya|cya|later|ttyl|take care|good night|night|bye for now|see you later|see ya later|see you soon)$/,
  ],
];

/** The social intent of a clause that is only a pleasantry, if it is one. */
export function matchSocialPhrase(clause: string): IntentName | undefined {
  const folded = clause
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return PHRASES.find(([, pattern]) => pattern.test(folded))?.[0];
}
