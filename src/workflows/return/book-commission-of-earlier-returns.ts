import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService, type ReturnItem } from "../../modules/cooperative-return"
import { LEDGER_MODULE, type LedgerModuleService } from "../../modules/ledger"
import { orderForReturn } from "./order-for-return"
import { returnCommissionLines } from "./return-commission"

/**
 * Returns received while the rest of their order was still on its way had no commission to give
 * back (it is taken when the order is fully delivered). Run by the delivery's booking after the
 * sale and its commission are in: books what those returns give back, and records it on them.
 * Idempotent (the ledger's unique source); no compensation, as the ledger's last write.
 */
export const bookCommissionOfEarlierReturnsStep = createStep("book-commission-of-earlier-returns", async ({ order_id }: { order_id: string }, { container }) => {
  const service: CooperativeReturnModuleService = container.resolve(COOPERATIVE_RETURN_MODULE)
  const returns = await service.listCooperativeReturns({ order_id, status: ["received", "refunded"] }, { select: ["id", "items", "received_by", "received_at", "commission_reversed"] })
  const owed = returns.filter((r) => !Number(r.commission_reversed))
  if (!owed.length) return new StepResponse({ booked: 0 })
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  let booked = 0
  for (const ret of owed) {
    const order = await orderForReturn(container, order_id, ret.id)
    if (!order) continue
    const lines = await returnCommissionLines(container, { id: ret.id, items: ret.items as unknown as ReturnItem[] }, order, ret.received_by ?? null)
    if (!lines.length) continue
    booked += (await ledger.book(lines)).length
    await service.updateCooperativeReturns({ id: ret.id, commission_reversed: lines.reduce((a, e) => a + e.amount, 0) })
  }
  return new StepResponse({ booked })
})
