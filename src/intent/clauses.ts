/**
 * Splits a message into the requests it makes: "cancel my order and find me
 * a cheaper bag" → ["cancel my order", "find me a cheaper bag"]. A
 * conjunction splits only when what follows starts a new request (a verb, a
 * pronoun, a question word), so "red and white mugs" and "between 1 and 3"
 * stay whole.
 */

const CLAUSE_STARTERS = new Set(
  "i im ill id ive i'm i'll i'd i've can could would will please pls plz also what whats what's where wheres where's when how hows why who which is are do does did track cancel add put pop find show search get send tell check change give book need want help let make update delete remove sign unsubscribe subscribe refund return recommend suggest compare reorder restock buy order checkout pay u you my me could'nt is there thanks thank thx cheers bye goodbye hi hello hey".split(
    ' ',
  ),
);

const CONNECTOR =
  /\s*(?:,\s*)?\b(?:and also|and then|and|also|plus|then|but also|as well as|oh and|btw)\b\s*|\s+[+&]\s+/gi;

const LEADING_PLEASANTRY =
  /^(?:hi|hello|hey|hiya|heya|good (?:morning|afternoon|evening)|morning|afternoon|evening)(?: there| all| team| guys| shopmate)?\s*[,!.:-]+\s*|^(?:hi|hello|hey|hiya|heya)\s+(?=\S)/i;

const TRAILING_PLEASANTRY =
  /\s*[,!.:-]?\s*\b((?:many |thanks? (?:you )?(?:so |very )?much|thanks a lot|thank you|thanks|thank u|thx|ty|cheers|ta|bye|goodbye|see you|cya)(?:\s+(?:bye|goodbye|x+))?)[\s!.x]*$/i;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'#£]+/u)
    .filter(Boolean);
}

function splitOnConnectors(sentence: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of sentence.matchAll(CONNECTOR)) {
    const left = sentence.slice(start, match.index);
    const right = sentence.slice(match.index + match[0].length);
    const next = words(right)[0];
    if (words(left).length >= 2 && next && CLAUSE_STARTERS.has(next)) {
      parts.push(left);
      start = match.index + match[0].length;
    }
  }
  parts.push(sentence.slice(start));
  return parts;
}

function splitOnCommas(sentence: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const piece of sentence.split(/,\s*/)) {
    const first = words(piece)[0];
    if (
      current &&
      words(current).length >= 2 &&
      first &&
      CLAUSE_STARTERS.has(first)
    ) {
      parts.push(current);
      current = piece;
    } else current = current ? `${current}, ${piece}` : piece;
  }
  parts.push(current);
  return parts;
}

/** The clauses of a message, in order; at least one (the trimmed text). */
export function splitClauses(text: string): string[] {
  let rest = text.trim();
  const clauses: string[] = [];
  const leading = LEADING_PLEASANTRY.exec(rest);
  if (leading && leading[0].length < rest.length) {
    clauses.push(leading[0].replace(/[\s,!.:-]+$/, ''));
    rest = rest.slice(leading[0].length);
  }
  let trailing: string | undefined;
  const tail = TRAILING_PLEASANTRY.exec(rest);
  if (tail && tail.index > 0 && words(rest.slice(0, tail.index)).length >= 2) {
    trailing = tail[1];
    rest = rest.slice(0, tail.index);
  }

  // Sentence ends, but not in "inv. 536365", "no. 5" or "£2.50".
  const sentences = rest
    .replace(/\b(inv|no|nr|ref|approx|vs|e\.g|i\.e)\.\s/gi, '$1 ')
    .split(/(?<=[!?;])\s*|(?<=[^\d\s]\.)\s+|\n+/);
  for (const sentence of sentences)
    for (const part of splitOnCommas(sentence))
      clauses.push(...splitOnConnectors(part));
  if (trailing) clauses.push(trailing);

  const cleaned = clauses
    .map((clause) =>
      clause
        .trim()
        .replace(/^[,;:.\s-]+|[,;:\s-]+$/g, '')
        .replace(/^(?:and|also|plus|then|but|so|oh and|btw)\b\s*/i, ''),
    )
    .filter((clause) => /[\p{L}\p{N}]/u.test(clause));
  return cleaned.length > 0 ? cleaned : [text.trim()];
}
