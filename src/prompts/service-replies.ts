/**
 * Customer-service answers for the Bitext intents. They state only what the
 * chat can and cannot do and offer a person; they invent no policies, fees
 * or delivery times.
 */
import { statusWords } from './order-replies.ts';

export interface ServiceContext {
  signedIn: boolean;
  /** Orders the shopper named that are on their account. */
  orders: readonly { invoice: string; status: string }[];
}

const TEAM = 'our customer service team';

const SERVICE_LINES: Record<string, string> = {
  cancel_order: `I can't cancel orders from the chat, but ${TEAM} can if it hasn't shipped yet.`,
  change_order: `Changes to an order are handled by ${TEAM}.`,
  change_shipping_address: `To change a delivery address, ${TEAM} will need to update it for you.`,
  set_up_shipping_address:
    'You can add a delivery address in your account settings when you check out.',
  check_cancellation_fee: `${TEAM.charAt(0).toUpperCase()}${TEAM.slice(1)} can tell you whether a cancellation would cost anything for your order.`,
  check_payment_methods:
    "The payment options are shown at checkout; I can't take payments in the chat.",
  payment_issue: `Sorry you're having trouble paying. I can't see payment details here, but ${TEAM} can look into it.`,
  check_refund_policy: `I don't have the refund terms in the chat, but ${TEAM} can explain them and look at a particular order.`,
  get_refund: `Refunds are handled by ${TEAM}; they'll need your order number.`,
  track_refund: `I can't see refund payments here, but ${TEAM} can check on a refund for you.`,
  complaint: `I'm sorry to hear that. I'd like ${TEAM} to put it right.`,
  contact_customer_service: `${TEAM.charAt(0).toUpperCase()}${TEAM.slice(1)} is happy to help.`,
  create_account:
    'You can create an account when you check out — it keeps your orders in one place.',
  delete_account: `Closing an account is done by ${TEAM} so that nothing is lost by mistake.`,
  edit_account: 'You can change your details in your account settings.',
  switch_account:
    'To use another account, sign out and sign in with the other one.',
  recover_password: 'Use “Forgot password” on the sign-in page to reset it.',
  registration_problems: `Sorry sign-up is giving you trouble — ${TEAM} can sort it out.`,
  newsletter_subscription:
    'You can subscribe or unsubscribe in your account settings.',
  delivery_options:
    'The delivery options for your address are shown at checkout.',
  delivery_period:
    'Delivery times depend on where the parcel is going; your order status shows where it is.',
  review:
    "Thank you — we'd love to hear what you think. You can leave a review on the product page.",
  place_order:
    'To order, open a product and add it to your basket, then check out. I can help you find what you need.',
  add_to_cart:
    "I can't add items to your basket from the chat yet — open the product and use “Add to basket”.",
};

const OFFERS_PERSON = new Set([
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'check_cancellation_fee',
  'payment_issue',
  'get_refund',
  'track_refund',
  'complaint',
  'contact_customer_service',
  'delete_account',
  'registration_problems',
]);

/** The answer to one customer-service request. */
export function serviceReply(intent: string, context: ServiceContext): string {
  const line =
    SERVICE_LINES[intent] ??
    `That's one for ${TEAM} — I can hand you over if you like.`;
  const orders = context.orders
    .map((order) => `Order ${order.invoice} is ${statusWords(order.status)}.`)
    .join(' ');
  const person = OFFERS_PERSON.has(intent)
    ? ' Shall I hand you over to a person?'
    : '';
  return [orders, `${line}${person}`].filter(Boolean).join(' ');
}
