import { collectorFor } from "../../../modules/order-group/rules/collector"

// What each audience may see of a cooperative. The store never sees bank details, status history or staff.
const PUBLIC_FIELDS = [
  "id", "handle", "name", "legal_name", "province", "ward", "street_address", "phone", "email",
  "founded_year", "member_count", "description", "logo_url", "tax_code", "created_at",
] as const

const PRIVATE_FIELDS = [
  ...PUBLIC_FIELDS, "registration_number", "status", "status_reason", "stripe_account_id", "updated_at",
  "managed_by_union", "managed_since",
] as const

function pick(source: object, fields: readonly string[]) {
  return Object.fromEntries(fields.filter((f) => f in source).map((f) => [f, (source as Record<string, unknown>)[f]]))
}

/** The cooperative fields read here beyond the picked ones. */
type CooperativeRow = {
  cod_collector?: Parameters<typeof collectorFor>[1]
  bank_bin?: string | null
  bank_account_number?: string | null
  bank_account_holder?: string | null
  bank_account_verified_at?: Date | string | null
  bank_account_verified_by?: string | null
}

function bankAccountOf(cooperative: CooperativeRow) {
  return cooperative.bank_account_number
    ? {
        bin: cooperative.bank_bin,
        account_number: cooperative.bank_account_number,
        account_holder: cooperative.bank_account_holder,
        verified_at: cooperative.bank_account_verified_at ?? null,
        verified_by: cooperative.bank_account_verified_by ?? null,
      }
    : null
}

export const publicCooperative = (cooperative: object) => pick(cooperative, PUBLIC_FIELDS)

/** For the cooperative's own staff and for union admins. */
export const privateCooperative = (cooperative: CooperativeRow) => ({
  ...pick(cooperative, PRIVATE_FIELDS),
  cod_collector: cooperative.cod_collector ?? null,
  bank_account: bankAccountOf(cooperative),
  cash_on_delivery: cashOnDeliveryOf(cooperative),
})

/** Who collects its cash on delivery for orders placed now: its own setting, else the union's COD_COLLECTOR. */
function cashOnDeliveryOf(cooperative: CooperativeRow) {
  const own = cooperative.cod_collector ?? null
  return { collector: collectorFor("cod", own), setting: own, source: own ? "cooperative" : "union_default" }
}

/** Public cooperative fields a store product may carry (`fields=+cooperative.*` is narrowed to these). */
export const STORE_PRODUCT_COOPERATIVE_FIELDS = ["id", "handle", "name", "province", "logo_url"] as const

export const publicUser = (user: object) =>
  pick(user, ["id", "email", "first_name", "last_name", "phone", "role", "created_at"])
