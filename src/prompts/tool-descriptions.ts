/**
 * What each tool tells a chat model about itself. Kept here, with every other
 * text a model reads, so tools/ holds only schemas and handlers.
 */
export const TOOL_DESCRIPTIONS = {
  detect_intent:
    "Classify the shopper's message: intents with confidences, entities (order ids, price bounds, colours, categories) and refinement cues (cheaper, show more, 'the second one'), one entry per clause of the message. Call it first on every new message.",
  search_catalogue:
    "Search the shop's catalogue. `text` says what the shopper wants; the filters are applied inside the search, so every hit satisfies them. Pass every active filter of the conversation, not only the new one. Use excludeStockCodes to get items not shown yet. Returns an empty list when nothing fits.",
  rank_for_customer:
    "Personalise for the signed-in shopper. mode 'rerank' re-orders the given stockCodes by how likely this customer is to want them; 'discover' recommends items they have not bought, each with a reason; 'reorder' lists items they buy regularly that are due again; 'mixed' blends both. Anonymous shoppers get popular items (no reorder).",
  get_customer_profile:
    "The signed-in shopper's profile: lifecycle stage, number of orders, spend, favourite categories and products. Fails with sign_in_required for anonymous shoppers.",
  check_churn:
    'How likely the signed-in shopper is to come back (BG/NBD): stage (new, active, at-risk, lapsed, one-time), probability still active, expected purchases, and whether a warm re-engagement is appropriate.',
  list_orders:
    "The signed-in shopper's own recent orders, newest first, with status and total. Fails with sign_in_required for anonymous shoppers.",
  get_order_status:
    "One of the signed-in shopper's own orders by invoice number, with its lines and a status from the shop's order-status policy. An invoice that is not theirs is reported as not found.",
} as const;

export type ToolName = keyof typeof TOOL_DESCRIPTIONS;
