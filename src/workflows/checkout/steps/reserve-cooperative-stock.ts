import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError, ErrorTypes, isLockBusy } from "../../../lib/errors"

export type StockToReserve = {
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
  allow_backorder: boolean
  /** For the shopper: which item ran out, at which cooperative. */
  label: string
}

/**
 * How long a checkout waits for the items' locks, in seconds: locking's own default. Each holder
 * keeps the lock for two queries, so a longer queue means a server starved of CPU, where a longer
 * wait only turned these refusals into timeouts (docs/benchmarks.md, cluster mode).
 * CHECKOUT_STOCK_LOCK_WAIT_S (tests set 1).
 */
const lockWaitSeconds = () => {
  const value = Number(process.env.CHECKOUT_STOCK_LOCK_WAIT_S)
  return Number.isFinite(value) && value >= 1 ? value : 5
}

/**
 * Reserves every item at its cooperative's own warehouse, under a lock per inventory item (the
 * same keys Medusa's reserveInventoryStep takes), so concurrent checkouts for the last units
 * queue up and the ones that come too late get 409 out_of_stock naming the item; one that waited
 * too long for the lock gets 409 stock_busy, its cart untouched.
 */
export const reserveCooperativeStockStep = createStep(
  "reserve-cooperative-stock",
  async ({ items }: { items: StockToReserve[] }, { container }) => {
    if (!items.length) return new StepResponse([], { reservation_ids: [], keys: [] })
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    const keys = [...new Set(items.map((i) => i.inventory_item_id))]

    const reserve = async () => {
      const wanted = new Map<string, { item: StockToReserve; quantity: number }>()
      for (const item of items.filter((i) => !i.allow_backorder)) {
        const key = `${item.inventory_item_id}@${item.location_id}`
        const entry = wanted.get(key) ?? { item, quantity: 0 }
        entry.quantity += item.quantity
        wanted.set(key, entry)
      }
      for (const { item, quantity } of wanted.values()) {
        const available = await inventory.retrieveAvailableQuantity(item.inventory_item_id, [item.location_id])
        if (MathBN.lt(available, quantity)) {
          const left = Math.max(0, Number(available))
          throw new CoopstallError(
            ErrorTypes.CONFLICT,
            "out_of_stock",
            `${item.label} is out of stock: ${left} left, ${quantity} wanted. Lower the quantity or remove it from the cart.`
          )
        }
      }
      return await inventory.createReservationItems(
        items.map((i) => ({
          line_item_id: i.line_item_id,
          inventory_item_id: i.inventory_item_id,
          location_id: i.location_id,
          quantity: i.quantity,
          allow_backorder: i.allow_backorder,
        }))
      )
    }
    const reservations = await locking.execute(keys, reserve, { timeout: lockWaitSeconds() }).catch((err: unknown) => {
      if (!isLockBusy(err)) throw err
      const names = [...new Set(items.map((i) => i.label))].join(", ")
      throw new CoopstallError(
        ErrorTypes.CONFLICT,
        "stock_busy",
        `Many shoppers are buying ${names} right now. Nothing was charged or reserved: place the order again in a moment.`
      )
    })
    return new StepResponse(reservations, { reservation_ids: reservations.map((r) => r.id), keys })
  },
  async (undo, { container }) => {
    if (!undo?.reservation_ids.length) return
    const inventory = container.resolve(Modules.INVENTORY)
    await container.resolve(Modules.LOCKING).execute(undo.keys, () => inventory.deleteReservationItems(undo.reservation_ids))
  }
)
