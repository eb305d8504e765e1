/**
 * Lexical ranking over the products' expanded titles and stock codes, with
 * MiniSearch (BM25-like scoring, typo tolerance). Filters run inside the
 * search through its filter callback.
 */
import MiniSearch from 'minisearch';

export interface LexicalDocument {
  id: number;
  stockCode: string;
  text: string;
}

export interface LexicalHit {
  id: number;
  score: number;
  /** Share of the query's content words that matched the product. */
  coverage: number;
  exactCode: boolean;
}

const STOPWORDS = new Set(
  'a an and any are as at be by can do for from get have i in is it looking me my need of on or please show some something that the them thing things to want with would you your find buy got like cheap nice good'.split(
    ' ',
  ),
);

/**
 * Words that say what the shopper will do with a product, not what it is
 * ("somewhere to keep biscuits"): the jargon expansion turns them into
 * product words, but they do not count as words the title must contain.
 */
const NEED_VERBS = new Set(
  'somewhere anything stuff kind sort type keep keeping carry carrying put putting hold holding place use using give giving wanted looking look searching search recommend suggest hi hello thanks thank'.split(
    ' ',
  ),
);

/** Words of price bounds ("under £2", "less than 3 quid"): filters, not product words. */
const PRICE_WORDS = new Set(
  'under below less than over above more max maximum min minimum between cheaper price prices cost costs costing pound pounds quid gbp pence p budget'.split(
    ' ',
  ),
);

/** Lower case, and a light plural folding so "lights" meets "light". */
export function normaliseTerm(term: string): string | null {
  const word = term.toLowerCase();
  if (word.length < 2 && !/\d/.test(word)) return null;
  if (STOPWORDS.has(word) || PRICE_WORDS.has(word)) return null;
  // Short numbers are amounts or sizes; stock codes have five digits or more.
  if (/^\d+([.,]\d+)?p?$/.test(word) && word.length < 5) return null;
  if (/^\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3)
    return word.slice(0, -1);
  return word;
}

export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The query without filler and price words, as the text to embed. */
export function meaningfulText(text: string): string {
  return tokenize(text)
    .filter((token) => normaliseTerm(token) !== null)
    .join(' ');
}

/** The words a product's title should contain for the query to match it. */
export function productWords(text: string): string[] {
  return contentTerms(text).filter((term) => !NEED_VERBS.has(term));
}

export function contentTerms(text: string): string[] {
  const terms = tokenize(text)
    .map(normaliseTerm)
    .filter((t): t is string => t !== null);
  return [...new Set(terms)];
}

export class LexicalIndex {
  private readonly search: MiniSearch<LexicalDocument>;
  private readonly byCode = new Map<string, number>();
  private readonly docTerms = new Map<number, Set<string>>();

  constructor(documents: LexicalDocument[]) {
    this.search = new MiniSearch<LexicalDocument>({
      fields: ['text', 'stockCode'],
      storeFields: [],
      tokenize,
      processTerm: normaliseTerm,
      searchOptions: {
        boost: { stockCode: 3 },
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 4,
        combineWith: 'OR',
      },
    });
    this.search.addAll(documents);
    for (const doc of documents) {
      this.byCode.set(doc.stockCode.toLowerCase(), doc.id);
      this.docTerms.set(
        doc.id,
        new Set(contentTerms(`${doc.text} ${doc.stockCode}`)),
      );
    }
  }

  /**
   * Share of the shopper's product words found in a product's (expanded)
   * text; a word of four letters or more also matches as a prefix ("hang"
   * meets "hanging").
   */
  coverage(id: number, words: string[]): number {
    const terms = this.docTerms.get(id);
    if (!terms || words.length === 0) return 0;
    const matched = words.filter(
      (word) =>
        terms.has(word) ||
        (word.length >= 4 && [...terms].some((term) => term.startsWith(word))),
    );
    return matched.length / words.length;
  }

  /** Ranks the documents that pass `accept` for the query text. */
  query(
    text: string,
    accept: (id: number) => boolean,
    limit: number,
  ): LexicalHit[] {
    const terms = contentTerms(text);
    if (terms.length === 0) return [];
    const exact = tokenize(text)
      .map((token) => this.byCode.get(token.toLowerCase()))
      .filter((id): id is number => id !== undefined && accept(id));

    const results = this.search.search(terms.join(' '), {
      filter: (result) => accept(result.id as number),
    });
    const hits: LexicalHit[] = results.slice(0, limit).map((result) => {
      const matched = new Set(
        result.queryTerms.map((term) => normaliseTerm(term) ?? term),
      );
      return {
        id: result.id as number,
        score: result.score,
        coverage: terms.filter((t) => matched.has(t)).length / terms.length,
        exactCode: exact.includes(result.id as number),
      };
    });
    for (const id of exact)
      if (!hits.some((hit) => hit.id === id))
        hits.unshift({ id, score: Infinity, coverage: 1, exactCode: true });
    return hits;
  }
}
