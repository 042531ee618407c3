import { model } from "@medusajs/framework/utils"
import { CooperativeInvite } from "./cooperative-invite"
import { CooperativeStatusChange } from "./cooperative-status-change"
import { CooperativeUser } from "./cooperative-user"
import { COOPERATIVE_STATUSES } from "../status"

export const Cooperative = model
  .define("cooperative", {
    id: model.id({ prefix: "coop" }).primaryKey(),
    handle: model.text(),
    name: model.text(),
    legal_name: model.text(),
    tax_code: model.text(),
    registration_number: model.text().nullable(),
    // Post-2025 administrative model: province and ward/commune only, no district.
    province: model.text().index(),
    ward: model.text(),
    street_address: model.text(),
    phone: model.text(),
    email: model.text(),
    founded_year: model.number().nullable(),
    member_count: model.number().nullable(),
    description: model.text().nullable(),
    logo_url: model.text().nullable(),
    bank_bin: model.text().nullable(),
    bank_account_number: model.text().nullable(),
    bank_account_holder: model.text().nullable(),
    // Set by a union admin who checked the account belongs to the cooperative; cleared whenever the
    // account changes. Bank-transfer payouts go only to a verified account.
    bank_account_verified_at: model.dateTime().nullable(),
    bank_account_verified_by: model.text().nullable(),
    // Stripe Connect account (acct_…) the union pays by transfer when Stripe is configured.
    stripe_account_id: model.text().nullable(),
    // Who collects cash on delivery for this cooperative's orders: "cooperative" (its own carrier
    // account) or "union" (the union's carrier contract); null follows the union's COD_COLLECTOR.
    cod_collector: model.enum(["cooperative", "union"]).nullable(),
    status: model.enum([...COOPERATIVE_STATUSES]).default("pending").index(),
    status_reason: model.text().nullable(),
    // Set when the union released a rejected or abandoned registration: its users are removed and
    // their sign-ins untied, so its tax code, handle and emails hold nothing against anyone.
    released_at: model.dateTime().nullable(),
    released_by: model.text().nullable(),
    // A stall the union runs for a cooperative with no one to do it (docs/panel/README.md): its admins
    // may act in the panel for it while this holds. `managed_since` changes each time it is set, and
    // an acting token names it, so unmanaging (or unmanaging and managing again) ends every token.
    managed_by_union: model.boolean().default(false),
    managed_since: model.dateTime().nullable(),
    managed_by: model.text().nullable(),
    metadata: model.json().nullable(),
    users: model.hasMany(() => CooperativeUser, { mappedBy: "cooperative" }),
    invites: model.hasMany(() => CooperativeInvite, { mappedBy: "cooperative" }),
    status_changes: model.hasMany(() => CooperativeStatusChange, { mappedBy: "cooperative" }),
  })
  // A rejected registration holds neither its handle nor its tax code (see docs/security/smaller-holes.md).
  .indexes([
    { on: ["handle"], unique: true, where: "deleted_at IS NULL AND status <> 'rejected'" },
    { on: ["tax_code"], unique: true, where: "deleted_at IS NULL AND status <> 'rejected'" },
  ])
  .cascades({ delete: ["users", "invites", "status_changes"] })
