/**
 * The intents the classifier knows: the 27 customer-service intents of the
 * Bitext data sets plus the shopping and conversational intents of this shop.
 */
import { z } from 'zod';

/** The 27 intents of the Bitext customer-service data (spelling unified). */
export const BITEXT_INTENTS = [
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'check_cancellation_fee',
  'check_invoice',
  'check_payment_methods',
  'check_refund_policy',
  'complaint',
  'contact_customer_service',
  'contact_human_agent',
  'create_account',
  'delete_account',
  'delivery_options',
  'delivery_period',
  'edit_account',
  'get_invoice',
  'get_refund',
  'newsletter_subscription',
  'payment_issue',
  'place_order',
  'recover_password',
  'registration_problems',
  'review',
  'set_up_shipping_address',
  'switch_account',
  'track_order',
  'track_refund',
] as const;

/** Intents written for this shop (templates and the WANDS queries). */
export const SHOPPING_INTENTS = [
  'product_search',
  'recommendation',
  'compare_products',
  'add_to_cart',
  'product_question',
  'reorder',
  'order_history',
  'greeting',
  'thanks',
  'goodbye',
  'chitchat',
  'out_of_scope',
] as const;

export const INTENT_NAMES = [...BITEXT_INTENTS, ...SHOPPING_INTENTS] as const;

export const IntentNameSchema = z.enum(INTENT_NAMES);
export type IntentName = z.infer<typeof IntentNameSchema>;

/**
 * Pleasantries: they accompany a request rather than replace it, so they are
 * ranked after any task intent found in the same message.
 */
export const SOCIAL_INTENTS: ReadonlySet<IntentName> = new Set([
  'greeting',
  'thanks',
  'goodbye',
]);

const INTENT_SET: ReadonlySet<string> = new Set(INTENT_NAMES);

export function isIntentName(value: string): value is IntentName {
  return INTENT_SET.has(value);
}
