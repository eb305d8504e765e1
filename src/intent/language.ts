/**
 * A small language check, enough to notice that a message is not English and
 * to fall back gracefully: function words of six European languages, accents
 * and scripts. Words that are also English ("no", "me", "a", "is") are left
 * out of the foreign lists.
 */
import type { IntentName } from './intent-names.ts';
import type { Language } from './schema.ts';

type Foreign = Exclude<Language, 'en' | 'unknown'>;

const FOREIGN_WORDS: Record<Foreign, ReadonlySet<string>> = {
  es: new Set(
    'el los las una unos por para con mi mis tu es esta donde que quiero pedido gracias hola cuando como necesito tengo puedo muy pero del al su sus bolsa bolsas comprar cancelar factura envio reembolso buenos dias tienen hay rojas rojo roja azul quisiera ayuda'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le les des une est et je vous mon ma mes pour avec dans pas ou bonjour merci commande annuler voudrais veux suis cest qui quoi comment livraison remboursement oui tres sac acheter avez aide salut votre notre'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der das und ist ich nicht mein meine wo wie bitte danke hallo bestellung mochte ruckerstattung eine ein mit fur auf kaufen rechnung lieferung schon guten tag haben sie wann warum paket ihr ihre'.split(
      ' ',
    ),
  ),
  it: new Set(
    'il della che sono mio mia dove grazie ciao ordine annullare vorrei per con questo fattura rimborso arrivato buongiorno borsa ancora voglio'.split(
      ' ',
    ),
  ),
  pt: new Set(
    'obrigado obrigada ola meu minha pedido onde esta estou nao quero comprar voce bom dia fatura reembolso entrega uma com para encomenda'.split(
      ' ',
    ),
  ),
  nl: new Set(
    'het een ik mijn niet waar bedankt dank hallo bestelling wil graag alsjeblieft factuur levering van voor met hoe wanneer'.split(
      ' ',
    ),
  ),
};

const ACCENT_HINTS: readonly [RegExp, Foreign][] = [
  [/[ñ¿¡]/, 'es'],
  [/[çèêëœ]|\bà\b/, 'fr'],
  [/[äöüß]/, 'de'],
  [/[ãõ]/, 'pt'],
  [/\bè\b|[ìò]/, 'it'],
];

const ENGLISH_WORDS = new Set(
  'the a an i im my me you your u ur is are was to for of and in on it this that do does can could where what whats how have has with please pls want need order not no hi hello thanks thank bye yes any some get find show buy be will would there they we our'.split(
    ' ',
  ),
);

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export interface LanguageGuess {
  language: Language;
  /** Share of the message's tokens in the classifier's English vocabulary. */
  knownShare: number;
}

/**
 * Guesses the language of a message. `isKnownWord` tells whether the
 * classifier has seen a (folded) word in its English training data.
 */
export function detectLanguage(
  text: string,
  isKnownWord: (word: string) => boolean,
): LanguageGuess {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return { language: 'en', knownShare: 0 };
  const latin = text.match(/\p{Script=Latin}/gu) ?? [];
  if (latin.length / letters.length < 0.5)
    return { language: 'unknown', knownShare: 0 };

  const tokens = fold(text)
    .replace(/'/g, '')
    .split(/[^a-z]+/)
    .filter(Boolean);
  const known = tokens.filter((token) => isKnownWord(token)).length;
  const knownShare = tokens.length > 0 ? known / tokens.length : 0;
  const english = tokens.filter((token) => ENGLISH_WORDS.has(token)).length;

  const lower = text.toLowerCase();
  const votes = (Object.keys(FOREIGN_WORDS) as Foreign[]).map((language) => {
    let count = tokens.filter((token) =>
      FOREIGN_WORDS[language].has(token),
    ).length;
    for (const [pattern, hinted] of ACCENT_HINTS)
      if (hinted === language && pattern.test(lower)) count += 1;
    return { language, count };
  });
  const best = votes.sort((a, b) => b.count - a.count)[0];

  if (best.count >= 2 && best.count > english)
    return { language: best.language, knownShare };
  if (best.count >= 1 && english === 0 && knownShare < 0.5)
    return { language: best.language, knownShare };
  if (tokens.length >= 3 && knownShare < 0.2 && english === 0)
    return { language: 'unknown', knownShare };
  return { language: 'en', knownShare };
}

const FOREIGN_HINTS: readonly [RegExp, IntentName][] = [
  [
    /\b(?:cancelar|annuler|stornieren|annullare|annulla|annuleren)\b/,
    'cancel_order',
  ],
  [
    /\b(?:reembolso|remboursement|ruckerstattung|erstattung|rimborso|terugbetaling|devolucao|devolucion|devolver)\b/,
    'get_refund',
  ],
  [
    /\b(?:donde|ou est|wo ist|dove|onde|waar)\b.*\b(?:pedido|commande|colis|bestellung|paket|ordine|pacco|encomenda|bestelling|paquete)\b/,
    'track_order',
  ],
  [
    /\b(?:pedido|commande|colis|bestellung|paket|ordine|pacco|encomenda|bestelling|paquete)\b.*\b(?:llegado|arrive|angekommen|arrivato|chegou|aangekomen)\b/,
    'track_order',
  ],
  [/\b(?:factura|facture|rechnung|fattura|fatura|factuur)\b/, 'get_invoice'],
  [
    /\b(?:envio|livraison|lieferung|versand|spedizione|entrega|levering)\b/,
    'delivery_options',
  ],
  [
    /\b(?:humano|humain|mensch|umano|persona|personne|agente|mitarbeiter)\b/,
    'contact_human_agent',
  ],
  [
    /\b(?:quiero comprar|busco|buscando|je cherche|ich suche|cerco|procuro|ik zoek|tienen|avez-vous|haben sie|avete)\b/,
    'product_search',
  ],
  [/\b(?:gracias|merci|danke|grazie|obrigad[oa]|bedankt|dank je)\b/, 'thanks'],
  [
    /\b(?:adios|au revoir|tschuss|auf wiedersehen|arrivederci|tchau)\b/,
    'goodbye',
  ],
  [
    /\b(?:hola|bonjour|salut|hallo|guten tag|ciao|buongiorno|ola|bom dia|goedemorgen|buenos dias)\b/,
    'greeting',
  ],
];

/** An intent read from common foreign words, for the non-English fallback. */
export function foreignIntentHint(text: string): IntentName | undefined {
  const folded = fold(text);
  return FOREIGN_HINTS.find(([pattern]) => pattern.test(folded))?.[1];
}
