/**
 * Lexicon sentiment with negation, intensifiers, shouting and exclamation.
 *
 * Why a lexicon and not a trained model: there is no labelled sentiment data
 * for shop messages here, the decision it feeds (route an angry customer to
 * a person) needs to be explainable, and the cues of anger in support chats
 * ("third time I ask", "still waiting", "!!!", capitals) are few and known.
 */
import type { Sentiment } from './schema.ts';
import {
  FRUSTRATION_PATTERNS,
  INTENSIFIERS,
  NEGATORS,
  NEUTRAL_PHRASES,
  SENTIMENT_WORDS,
} from './sentiment-lexicon.ts';

export interface SentimentScore {
  label: Sentiment;
  /** tanh of the raw sum / 3: −1 … 1. */
  score: number;
}

/** Above this |score| a message is called negative / positive. */
export const SENTIMENT_THRESHOLD = 0.25;

function wordScores(lower: string): number {
  const tokens = lower
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let total = 0;
  tokens.forEach((token, i) => {
    const base = SENTIMENT_WORDS[token];
    if (!base) return;
    let score = base;
    const window = tokens.slice(Math.max(0, i - 3), i);
    const intensifier = window
      .map((word) => INTENSIFIERS[word])
      .findLast(Boolean);
    if (intensifier) score *= intensifier;
    // "at all" strengthens a negated word: "not happy at all".
    if (tokens[i + 1] === 'at' && tokens[i + 2] === 'all') score *= 1.5;
    // "not happy" is negative but milder than "unhappy"; "not bad" is mildly good.
    if (window.some((word) => NEGATORS.has(word)))
      score *= base > 0 ? -0.8 : -0.4;
    total += score;
  });
  return total;
}

/** Scores one message. Never throws. */
export function scoreSentiment(text: string): SentimentScore {
  const lower = text.toLowerCase().replace(NEUTRAL_PHRASES, ' ');
  let total = wordScores(lower);
  for (const [pattern, weight] of FRUSTRATION_PATTERNS)
    if (pattern.test(lower)) total += weight;

  // Shouting: most letters in capitals over several words.
  const capitalWords = text.match(/\b[A-Z]{2,}\b/g) ?? [];
  const words = text.match(/\b\p{L}{2,}\b/gu) ?? [];
  if (capitalWords.length >= 3 && capitalWords.length / words.length > 0.6)
    total += total > 0 ? 1 : -1.5;

  // "!!!" and "?!" amplify whatever is there; on their own they are a
  // demand, mildly negative when repeated questions pile up ("??").
  const bangs = (text.match(/!/g) ?? []).length;
  const questions = (text.match(/\?{2,}|\?!|!\?/g) ?? []).length;
  if (total !== 0) total *= 1 + 0.15 * Math.min(bangs, 4);
  if (total <= 0 && questions > 0) total -= 0.5;

  const score = Math.round(Math.tanh(total / 3) * 1000) / 1000;
  const label: Sentiment =
    score <= -SENTIMENT_THRESHOLD
      ? 'negative'
      : score >= SENTIMENT_THRESHOLD
        ? 'positive'
        : 'neutral';
  return { label, score };
}
