import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundEntries, refundsOfPaymentCollection } from "../read/refunds"
import { LEDGER_MODULE, LedgerEntryInput, LedgerModuleService } from "../../../modules/ledger"
import { ORDER_GROUP_MODULE, OrderGroupModuleService, PaymentShare } from "../../../modules/order-group"

/**
 * Ledger lines for the refunds of a payment: each refund charged to the order it names (or the
 * purchase's only order), booked only where that order's sale is already in the ledger. Refunds of
 * orders not yet delivered are booked later with their sale; those of canceled orders never are.
 */
export const prepareRefundEntriesStep = createStep("prepare-refund-entries", async ({ payment_id }: { payment_id: string }, { container }) => {
  const none = new StepResponse({ entries: [] as LedgerEntryInput[], unattributed: [] as string[] })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({ entity: "payment", fields: ["id", "payment_collection_id"], filters: { id: payment_id } })
  const collectionId = payments[0]?.payment_collection_id
  if (!collectionId) return none
  const [group] = await (container.resolve(ORDER_GROUP_MODULE) as OrderGroupModuleService).listOrderGroups({ payment_collection_id: collectionId })
  if (!group) return none
  const shares = (group.shares as unknown as PaymentShare[]) ?? []
  const refunds = await refundsOfPaymentCollection(container, collectionId, shares)
  const orderIds = [...new Set(refunds.map((r) => r.order_id).filter(Boolean))] as string[]
  if (!orderIds.length) return new StepResponse({ entries: [] as LedgerEntryInput[], unattributed: refunds.map((r) => r.refund_id) })

  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const sales = await ledger.listLedgerEntries({ type: "sale", order_id: orderIds }, { select: ["order_id", "cooperative_id"] })
  const cooperativeOf = new Map(sales.map((s) => [s.order_id as string, s.cooperative_id as string]))
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: [...cooperativeOf.keys()] } })
  const displayIdOf = new Map(orders.map((o) => [o.id, o.display_id as string | number]))
  return new StepResponse({
    entries: refundEntries(refunds, cooperativeOf, displayIdOf),
    unattributed: refunds.filter((r) => !r.order_id).map((r) => r.refund_id),
  })
})
