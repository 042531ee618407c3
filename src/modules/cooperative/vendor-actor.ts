import type { AuthContext } from "@medusajs/framework/http"

/**
 * Cooperative staff authenticate as Medusa's custom actor type `vendor`. Medusa stores the id of
 * the signed-in *cooperative user* (not of the cooperative) under `app_metadata.vendor_id` and
 * exposes it as `auth_context.actor_id`; this file is the only place that knows that.
 */
export const VENDOR_ACTOR_TYPE = "vendor"

/** The CooperativeUser id of the caller, or null for a registered identity not yet joined to a cooperative. */
export function cooperativeUserIdOf(authContext: AuthContext | undefined): string | null {
  if (!authContext || authContext.actor_type !== VENDOR_ACTOR_TYPE) return null
  return authContext.actor_id || null
}

const APP_METADATA_KEY = `${VENDOR_ACTOR_TYPE}_id`

/** The CooperativeUser id an auth identity's app_metadata points at, if any. */
export function cooperativeUserIdInAppMetadata(appMetadata: Record<string, unknown> | null | undefined): string | null {
  return (appMetadata?.[APP_METADATA_KEY] as string) ?? null
}

