import { emitEventStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, CoopstallError, ErrorTypes } from "../../lib/errors"
import { DAY_MS } from "../../modules/ledger/rules/config"
import { returnWindowDays, shareOfUnits } from "../../modules/ledger/rules/returns"
import { COOPERATIVE_RETURN_MODULE, OPEN_RETURN_STATUSES, type CooperativeReturnModuleService, type ReturnItem, type ReturnPhoto } from "../../modules/cooperative-return"
import { UPLOAD_MODULE, type UploadModuleService } from "../../modules/upload"
import { orderForReturn, orderReturnLockKey } from "./order-for-return"
import { RETURN_EVENTS, returnEventData } from "./events"

export type RequestReturnInput = {
  order_id: string
  customer_id: string
  items: { line_item_id: string; quantity: number }[]
  reason: string
  /** File ids from POST /store/return-photos, the shopper's own. */
  photos: string[]
}

/** Medusa's answer for an order the caller may not see, so another shopper's order looks like a missing one. */
const orderNotFound = (id: string) => new CoopstallError(ErrorTypes.NOT_FOUND, "not_found", `Order id not found: ${id}`)

/**
 * Checks and records the request under the order's return lock: the shopper's own order, no other
 * return of it in progress, items of the order delivered within the window of their own delivery
 * (other parcels may still be on their way), in quantities delivered and not yet returned, photos
 * the shopper uploaded. Each item carries its share of the payment (its sale, split per unit),
 * which is what goes back when the parcel is received.
 */
const createReturnRequestStep = createStep("create-return-request", async (input: RequestReturnInput, { container }) => {
  const returns: CooperativeReturnModuleService = container.resolve(COOPERATIVE_RETURN_MODULE)
  const created = await container.resolve(Modules.LOCKING).execute(
    orderReturnLockKey(input.order_id),
    async () => {
      const order = await orderForReturn(container, input.order_id)
      if (!order || !order.customer_id || order.customer_id !== input.customer_id) throw orderNotFound(input.order_id)
      if (order.canceled) throw conflict("order_canceled", "This order was canceled; nothing of it can be returned.")
      if (order.failed_delivery || !order.cooperative_id) throw conflict("not_delivered", "A parcel of this order came back undelivered; nothing of it can be returned.")
      const open = await returns.listCooperativeReturns({ order_id: order.id, status: OPEN_RETURN_STATUSES }, { select: ["id", "status"] })
      if (open.length) throw conflict("return_already_open", `A return of this order is already in progress (${open[0].id}, ${open[0].status}).`)

      // Per item: only what was delivered (other parcels of the order may still be on their way), within the window of its own delivery.
      const items: ReturnItem[] = input.items.map(({ line_item_id, quantity }) => {
        const line = order.lines.get(line_item_id)
        if (!line) throw new CoopstallError(400, "item_not_in_order", `Item ${line_item_id} is not an item of this order.`, [{ path: "items", message: "not an item of this order" }])
        if (!line.delivered || !line.delivered_at) throw conflict("not_delivered", `"${line.title}" has not been delivered yet; only delivered items can be returned.`)
        const closesAt = new Date(line.delivered_at.getTime() + returnWindowDays() * DAY_MS)
        if (Date.now() > closesAt.getTime()) {
          throw conflict("return_window_closed", `"${line.title}" could be returned until ${closesAt.toISOString()} (${returnWindowDays()} days after its delivery).`)
        }
        const left = line.delivered - line.returned
        if (quantity > left) {
          throw conflict(
            "quantity_exceeds_returnable",
            `At most ${Math.max(0, left)} of "${line.title}" can still be returned (${line.delivered} of ${line.quantity} delivered, ${line.returned} already returned or on the way).`
          )
        }
        return { line_item_id, quantity, title: line.title, amount: shareOfUnits(line.sale, line.quantity, line.returned, quantity) }
      })

      const uploads = await (container.resolve(UPLOAD_MODULE) as UploadModuleService).listUploads({ file_id: input.photos, cooperative_id: input.customer_id }, { select: ["file_id"] })
      const own = new Set(uploads.map((u) => u.file_id))
      const foreign = input.photos.filter((p) => !own.has(p))
      if (foreign.length) throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_photo", `Photos must be uploaded by you through POST /store/return-photos: ${foreign.join(", ")}.`, [{ path: "photos", message: "unknown photo" }])
      const files = input.photos.length ? await container.resolve(Modules.FILE).listFiles({ id: input.photos } as any) : []
      const photos: ReturnPhoto[] = input.photos.map((id) => ({ id, url: files.find((f) => f.id === id)?.url ?? null }))

      return await returns.createCooperativeReturns({
        order_id: order.id,
        order_group_id: order.order_group_id,
        cooperative_id: order.cooperative_id,
        customer_id: input.customer_id,
        status: "requested",
        items: items as any,
        reason: input.reason,
        photos: photos as any,
      })
    },
    { timeout: 10 }
  )
  return new StepResponse(created, created.id)
}, async (id, { container }) => {
  if (id) await (container.resolve(COOPERATIVE_RETURN_MODULE) as CooperativeReturnModuleService).deleteCooperativeReturns(id)
})

/** POST /store/orders/:id/returns: a shopper asks to return delivered items of one cooperative's order (all of it delivered, or some parcels). */
export const requestReturnWorkflow = createWorkflow("request-cooperative-return", (input: RequestReturnInput) => {
  const created = createReturnRequestStep(input)
  emitEventStep({ eventName: RETURN_EVENTS.requested, data: transform({ created }, ({ created }) => returnEventData(created, { actor: "customer", actor_id: created.customer_id })) })
  return new WorkflowResponse(created)
})
