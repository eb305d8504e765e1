/**
 * The loaded intent model: classifier + clause splitting + entities +
 * sentiment + language fallback. `detect` is synchronous and never throws on
 * any string.
 */
import { splitClauses } from './clauses.ts';
import { extractEntities } from './entities/extract-entities.ts';
import type { FeatureOptions } from './features.ts';
import { featurise } from './features.ts';
import { SOCIAL_INTENTS, type IntentName } from './intent-names.ts';
import type { DatasetOptions } from './dataset.ts';
import { detectLanguage, foreignIntentHint } from './language.ts';
import type { DetectedIntent, IntentResult } from './schema.ts';
import { scoreSentiment } from './sentiment.ts';
import { matchSocialPhrase } from './social-phrases.ts';
import {
  SoftmaxClassifier,
  type SoftmaxWeights,
} from './softmax-classifier.ts';

export interface DetectThresholds {
  /** A clause adds its own intent at this confidence or above. */
  clause: number;
  /** …and when it has at least this many words (or is a pleasantry). */
  clauseWords: number;
  /**
   * …and when the whole message gives that intent at least this probability:
   * a real second request shows in the whole text too, a fragment such as
   * "its been 2 weeks" read alone does not.
   */
  wholeSupport: number;
  /** Below this, the best English guess becomes out_of_scope. */
  outOfScope: number;
  /** Fixed confidence of the non-English keyword fallback. */
  foreign: number;
}

export const DEFAULT_THRESHOLDS: DetectThresholds = {
  clause: 0.6,
  clauseWords: 2,
  wholeSupport: 0.001,
  outOfScope: 0.2,
  foreign: 0.5,
};

export interface IntentModelParts {
  labels: readonly IntentName[];
  featureOptions: FeatureOptions;
  weights: SoftmaxWeights;
  /** Words of the English training data, for the language check. */
  vocabulary: readonly string[];
  thresholds: DetectThresholds;
  /** The data it was trained on, so the eval can rebuild the same split. */
  datasetOptions: DatasetOptions;
}

const MAX_CHARS = 4000;

const SEARCH_WORDS =
  /\b(?:find|show|search|looking for|look for|browse|do (?:you|u) (?:have|sell|stock|do)|got any|have you got|any)\b/i;

/**
 * A clause read as a product search must look like one: the classifier
 * files unfamiliar fragments ("its been 2 weeks") under product_search,
 * the class of short noun phrases.
 */
function looksLikeSearch(clause: string): boolean {
  if (SEARCH_WORDS.test(clause)) return true;
  const { categories, colours, price, priceLevel } = extractEntities(clause);
  return Boolean(categories ?? colours ?? price ?? priceLevel);
}
const round = (value: number) => Math.round(value * 1000) / 1000;

export class IntentModel {
  readonly labels: readonly IntentName[];
  readonly thresholds: DetectThresholds;
  private readonly classifier: SoftmaxClassifier;
  private readonly vocabulary: ReadonlySet<string>;

  constructor(readonly parts: IntentModelParts) {
    this.labels = parts.labels;
    this.thresholds = parts.thresholds;
    this.classifier = new SoftmaxClassifier(parts.weights);
    this.vocabulary = new Set(parts.vocabulary);
  }

  /** Every intent's probability for the text as one clause, best first. */
  classify(text: string): DetectedIntent[] {
    const probabilities = this.classifier.predict(
      featurise(text, this.parts.featureOptions),
    );
    return this.labels
      .map((name, i) => ({ name, confidence: round(probabilities[i]) }))
      .sort((a, b) => b.confidence - a.confidence);
  }

  /** The most likely intent of one clause; pleasantries by exact phrase. */
  private classifyClause(clause: string): DetectedIntent {
    const social = matchSocialPhrase(clause);
    if (social) return { name: social, confidence: 0.99 };
    return this.classify(clause)[0];
  }

  /** Intents, entities, sentiment and language of one shopper message. */
  detect(input: string): IntentResult {
    const text = typeof input === 'string' ? input.slice(0, MAX_CHARS) : '';
    const entities = extractEntities(text);
    const { label: sentiment, score: sentimentScore } = scoreSentiment(text);
    const base = { entities, sentiment, sentimentScore };
    if (!/[\p{L}\p{N}]/u.test(text))
      return {
        ...base,
        intents: [{ name: 'out_of_scope', confidence: 1 }],
        language: 'unknown',
      };

    const { language } = detectLanguage(text, (word) =>
      this.vocabulary.has(word),
    );
    if (language !== 'en') {
      // The classifier knows English only; a few foreign words still tell
      // "cancel", "refund", "where is my order" apart at a modest confidence.
      const hint = foreignIntentHint(text);
      const name = hint ?? 'out_of_scope';
      return {
        ...base,
        intents: [{ name, confidence: this.thresholds.foreign }],
        language,
      };
    }

    const clauses = splitClauses(text);
    const intents = this.combineClauses(text, clauses);
    return {
      ...base,
      intents,
      language,
      ...(clauses.length > 1
        ? {
            clauses: clauses.map((clause) => ({
              text: clause,
              intent: this.classifyClause(clause),
            })),
          }
        : {}),
    };
  }

  private combineClauses(text: string, clauses: string[]): DetectedIntent[] {
    const social = matchSocialPhrase(text);
    const distribution = social
      ? [{ name: social, confidence: 0.99 }]
      : this.classify(text);
    const whole = distribution[0];
    const support = new Map(distribution.map((d) => [d.name, d.confidence]));
    const found = new Map<IntentName, number>();
    const keep = ({ name, confidence }: DetectedIntent) =>
      found.set(name, Math.max(found.get(name) ?? 0, confidence));

    if (clauses.length > 1)
      for (const clause of clauses) {
        const best = this.classifyClause(clause);
        const wordCount = clause.split(/\s+/).filter(Boolean).length;
        const isSocial = SOCIAL_INTENTS.has(best.name);
        if (best.name === 'product_search' && !looksLikeSearch(clause))
          continue;
        const confident =
          best.confidence >= this.thresholds.clause &&
          (isSocial ||
            (wordCount >= this.thresholds.clauseWords &&
              (support.get(best.name) ?? 0) >= this.thresholds.wholeSupport));
        if (confident) keep(best);
      }

    const tasks = [...found].filter(([name]) => !SOCIAL_INTENTS.has(name));
    if (tasks.length <= 1) {
      // One request: the surer of the whole message and its clause decides.
      for (const [name] of tasks) found.delete(name);
      const task = tasks[0];
      keep(
        task && (SOCIAL_INTENTS.has(whole.name) || task[1] > whole.confidence)
          ? { name: task[0], confidence: task[1] }
          : whole,
      );
    }

    const ranked = [...found]
      .map(([name, confidence]) => ({ name, confidence }))
      .sort(
        (a, b) =>
          Number(SOCIAL_INTENTS.has(a.name)) -
            Number(SOCIAL_INTENTS.has(b.name)) || b.confidence - a.confidence,
      );
    const top = ranked[0];
    if (ranked.length === 1 && top.confidence < this.thresholds.outOfScope)
      return [{ name: 'out_of_scope', confidence: round(1 - top.confidence) }];
    return ranked;
  }
}
