/** Greetings, small talk, refusals and the fallbacks of a turn. */

export function greetingReply(signedIn: boolean): string {
  return signedIn
    ? 'Hello again! What can I help you find today?'
    : 'Hello! I can help you find gifts and homeware, or check on an order once you sign in. What are you looking for?';
}

export function thanksReply(): string {
  return "You're welcome! Anything else I can help with?";
}

export function goodbyeReply(): string {
  return 'Thanks for stopping by — see you soon!';
}

export function chitchatReply(): string {
  return "I'm the shop's assistant, so I'm best at finding products and checking orders. What can I look up for you?";
}

export function outOfScopeReply(): string {
  return "I'm not able to help with that, but I can search the catalogue, suggest gifts or check your orders.";
}

/** The shopper asked the agent to break its rules or change prices. */
export function manipulationReply(): string {
  return "I can't change prices or my rules — every price I show is the shop's own catalogue price.";
}

export function handoffReply(): string {
  return "I'll pass this conversation to a member of our team; they'll reply here as soon as they can.";
}

/** A tool failed and the part of the request it served has no answer. */
export function toolTroubleReply(): string {
  return "Sorry, I couldn't look that up just now. Please try again in a moment.";
}

/** Replaces a sentence that quoted a price no tool returned. */
export function priceWithheldReply(): string {
  return 'I can only quote prices from our catalogue, shown on the cards.';
}
