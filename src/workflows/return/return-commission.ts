import type { MedusaContainer } from "@medusajs/framework/types"
import { commissionGivenBack, returnCommissionKeptPercent, shareOfUnits } from "../../modules/ledger/rules/returns"
import type { ReturnItem } from "../../modules/cooperative-return"
import { LEDGER_MODULE, type LedgerEntryInput, type LedgerModuleService } from "../../modules/ledger"
import type { OrderForReturn } from "./order-for-return"

/**
 * The commission lines that give back to the cooperative what the union took on a return's items
 * (one per item, at its sale's rate), less what the union keeps. The commission is taken when the
 * order is fully delivered: before that (a return of a partly delivered order) there is nothing to
 * give back yet, and the delivery's booking calls this again (bookCommissionOfEarlierReturnsStep).
 * Source `return` / `<return id>:<line item id>`: booked once, whichever path comes first.
 */
export async function returnCommissionLines(
  container: MedusaContainer,
  ret: { id: string; items: ReturnItem[] },
  order: OrderForReturn,
  createdBy: string | null,
  now = new Date()
): Promise<LedgerEntryInput[]> {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const taken = await ledger.listLedgerEntries(
    { type: "commission", source_type: "order_item", order_id: order.id },
    { select: ["line_item_id", "amount", "rate_bps", "commission_rate_id", "available_at", "cooperative_id"] }
  )
  const kept = returnCommissionKeptPercent()
  const lines: LedgerEntryInput[] = []
  for (const item of ret.items) {
    const line = order.lines.get(item.line_item_id)
    const booked: any = taken.find((e: any) => e.line_item_id === item.line_item_id)
    if (!line || !booked) continue
    const onItems = shareOfUnits(-Number(booked.amount), line.quantity, line.returned, item.quantity)
    const back = commissionGivenBack(onItems, kept)
    if (back <= 0) continue
    lines.push({
      cooperative_id: booked.cooperative_id,
      type: "commission",
      amount: back,
      source_type: "return",
      source_id: `${ret.id}:${item.line_item_id}`,
      order_id: order.id,
      line_item_id: item.line_item_id,
      rate_bps: booked.rate_bps,
      commission_rate_id: booked.commission_rate_id,
      description: `Hoàn hoa hồng (trả hàng ${item.title} × ${item.quantity}${kept ? `, liên minh giữ ${kept}%` : ""}), đơn #${order.display_id}`,
      created_by: createdBy ?? undefined,
      occurred_at: now,
      available_at: new Date(Math.max(now.getTime(), new Date(booked.available_at).getTime())),
    })
  }
  return lines
}
