import type { MedusaContainer } from "@medusajs/framework/types"
import { notFound } from "../../../lib/errors"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { adminPayoutViews, cooperativeNames } from "./payout-view"

/** A payout, optionally only if it belongs to `cooperativeId`; unknown and foreign look the same (404). */
export async function retrievePayout(container: MedusaContainer, id: string, cooperativeId?: string) {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const [payout] = await ledger.listPayouts({ id, ...(cooperativeId ? { cooperative_id: cooperativeId } : {}) })
  if (!payout) throw notFound("Payout", id)
  return payout
}

/** The payout's own ledger lines: the payout itself, and its reversal if it failed. */
export async function payoutEntries(container: MedusaContainer, payoutId: string) {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const entries = await ledger.listLedgerEntries({ payout_id: payoutId }, { order: { occurred_at: "ASC" } })
  return entries.map((e) => ({ id: e.id, type: e.type, amount: Number(e.amount), available_at: e.available_at, occurred_at: e.occurred_at, reason: e.reason ?? null }))
}

/** What the union's payout routes answer: the payout, its cooperative and its ledger lines. */
export async function adminPayoutDetail(container: MedusaContainer, id: string) {
  const payout = await retrievePayout(container, id)
  const [names, ledger_entries] = await Promise.all([cooperativeNames(container, [payout.cooperative_id]), payoutEntries(container, payout.id)])
  const [view] = adminPayoutViews(container, [payout], names)
  return { ...view, ledger_entries }
}
