/** Strips personal data from text before it reaches a debug log line. */
import { applyStrategy, detectCreditCard, detectEmail } from 'langchain';

export function redactForLog(text: string): string {
  let out = applyStrategy(text, detectEmail(text), 'redact', 'email');
  out = applyStrategy(out, detectCreditCard(out), 'redact', 'credit_card');
  return out.slice(0, 200);
}
