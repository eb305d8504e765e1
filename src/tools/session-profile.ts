import type { CustomerProfile, ShopServices } from './services.ts';
import { readSession } from './session.ts';
import { toolFailure, type ToolFailure } from './tool-result.ts';

/**
 * The signed-in shopper's profile, or the failure a tool returns when the
 * shopper is anonymous or has no history.
 */
export async function loadSessionProfile(
  services: ShopServices,
  runtime: { context?: unknown },
): Promise<{ profile: CustomerProfile } | { failure: ToolFailure }> {
  const { customerId } = readSession(runtime);
  if (customerId === null)
    return {
      failure: toolFailure('sign_in_required', 'The shopper is not signed in.'),
    };
  const profile = await services.getCustomerProfile(customerId);
  if (!profile)
    return {
      failure: toolFailure(
        'not_found',
        'No purchase history for this shopper.',
      ),
    };
  return { profile };
}
