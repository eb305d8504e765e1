import { createCheckChurnTool } from './check-churn.ts';
import { createDetectIntentTool } from './detect-intent.ts';
import { createGetCustomerProfileTool } from './get-customer-profile.ts';
import { createGetOrderStatusTool } from './get-order-status.ts';
import { createListOrdersTool } from './list-orders.ts';
import { createRankForCustomerTool } from './rank-for-customer.ts';
import { createSearchCatalogueTool } from './search-catalogue.ts';
import type { ShopServices } from './services.ts';

/** Every shop tool, bound to one set of services. */
export function createShopTools(services: ShopServices) {
  return [
    createDetectIntentTool(services),
    createSearchCatalogueTool(services),
    createRankForCustomerTool(services),
    createGetCustomerProfileTool(services),
    createCheckChurnTool(services),
    createListOrdersTool(services),
    createGetOrderStatusTool(services),
  ];
}

export type ShopTool = ReturnType<typeof createShopTools>[number];
