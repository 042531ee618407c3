import type { AuthContext } from "@medusajs/framework/http"

/**
 * Cooperative staff authenticate as Medusa's custom actor type `vendor`. Medusa stores the id of
 * the signed-in *cooperative user* (not of the cooperative) under `app_metadata.vendor_id` and
 * exposes it as `auth_context.actor_id`; this file is the only place that knows that.
 */
export const VENDOR_ACTOR_TYPE = "vendor"

/**
 * A union admin acting for a managed cooperative carries a vendor token whose claims name the admin
 * and the one cooperative (minted by POST /auth/union-handoff). Its actor_id is the admin's user id,
 * never a cooperative user's: read it only through `unionActingOf`.
 */
export const UNION_ACTING_CLAIM = "union_acting"
export type UnionActing = { cooperative_id: string; admin_user_id: string; admin_email: string; managed_since: string }

export function unionActingOf(authContext: AuthContext | undefined): UnionActing | null {
  if (!authContext || authContext.actor_type !== VENDOR_ACTOR_TYPE) return null
  const claim = (authContext as unknown as Record<string, unknown>)[UNION_ACTING_CLAIM] as Partial<UnionActing> | undefined
  if (!claim || typeof claim !== "object") return null
  const { cooperative_id, admin_user_id, admin_email, managed_since } = claim
  if (typeof cooperative_id !== "string" || typeof admin_user_id !== "string" || typeof admin_email !== "string" || typeof managed_since !== "string") return null
  return { cooperative_id, admin_user_id, admin_email, managed_since }
}

/** The CooperativeUser id of the caller, or null for a registered identity not yet joined to a cooperative (or a union admin acting). */
export function cooperativeUserIdOf(authContext: AuthContext | undefined): string | null {
  if (!authContext || authContext.actor_type !== VENDOR_ACTOR_TYPE) return null
  if ((authContext as unknown as Record<string, unknown>)[UNION_ACTING_CLAIM] !== undefined) return null
  return authContext.actor_id || null
}

const APP_METADATA_KEY = `${VENDOR_ACTOR_TYPE}_id`

/** The CooperativeUser id an auth identity's app_metadata points at, if any. */
export function cooperativeUserIdInAppMetadata(appMetadata: Record<string, unknown> | null | undefined): string | null {
  return (appMetadata?.[APP_METADATA_KEY] as string) ?? null
}
