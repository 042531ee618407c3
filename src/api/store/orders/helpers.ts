import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { PaymentShare } from "../../../modules/order-group"
import { orderGroupView } from "../order-groups/view"
import { combinePurchase, type OrderRecord } from "./combine"

/**
 * A failed delivery is recorded in its fulfilment's metadata with a note, the return shipping cost and
 * who recorded it, for the cooperative and the union only (serializeOrder); Medusa's store order
 * answer carries `fulfillments.*` whole, so the shopper's copy keeps the reason and the date alone.
 */
export function withPublicFulfillments<T>(order: T): T {
  type Fulfillment = { metadata?: { failed_delivery?: { reason?: unknown; recorded_at?: unknown } | null } | null } | null
  for (const f of ((order as { fulfillments?: Fulfillment[] } | null)?.fulfillments ?? [])) {
    const record = f?.metadata?.failed_delivery
    if (record && typeof record === "object") f!.metadata = { ...f!.metadata, failed_delivery: { reason: record.reason, recorded_at: record.recorded_at } }
  }
  return order
}

/** A purchase as the store's order routes need it: its orders in the cart's order, and its payment. */
export type PurchaseRef = { id: string; order_ids: string[]; payment_collection_id: string | null }

const PURCHASE_FIELDS = ["order_group.id", "order_group.shares", "order_group.payment_collection_id"]

type GroupRecord = { id?: string; shares?: unknown; payment_collection_id?: string | null } | null | undefined

const purchaseRef = (group: GroupRecord): PurchaseRef | null =>
  group?.id
    ? { id: group.id, order_ids: ((group.shares ?? []) as PaymentShare[]).map((s) => s.order_id), payment_collection_id: group.payment_collection_id ?? null }
    : null

/**
 * Medusa's answer for an order id it does not know (query's "not found" for GET /store/orders/:id),
 * also given for an order the caller may not read, so the two cannot be told apart.
 */
export const orderNotFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Order id not found: ${id}`)

/**
 * The order behind GET /store/orders/:id if this caller may read it. Medusa's route answers anyone
 * holding the id; here that stays true for a guest's order (the confirmation page right after a
 * guest checkout), while the order of a registered customer answers only that customer, signed in.
 */
export async function orderForShopper(container: MedusaContainer, id: string, customerId: string | undefined) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "customer.has_account", ...PURCHASE_FIELDS],
    filters: { id, is_draft_order: false },
  })
  const order = data[0] as
    | { id: string; customer_id?: string | null; customer?: { has_account?: boolean } | null; order_group?: GroupRecord }
    | undefined
  if (!order) throw orderNotFound(id)
  const registered = !!order.customer_id && order.customer?.has_account === true
  if (registered && order.customer_id !== customerId) throw orderNotFound(id)
  return { id: order.id as string, purchase: purchaseRef(order.order_group) }
}

/** The purchases of these orders (orders of no purchase have no entry). */
export async function purchasesOf(container: MedusaContainer, orderIds: string[]): Promise<Map<string, PurchaseRef>> {
  if (!orderIds.length) return new Map()
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", ...PURCHASE_FIELDS],
    filters: { id: orderIds },
  })
  const out = new Map<string, PurchaseRef>()
  for (const order of data as { id: string; order_group?: GroupRecord }[]) {
    const ref = purchaseRef(order.order_group)
    if (ref) out.set(order.id, ref)
  }
  return out
}

// What Medusa's order detail and list workflows add to the asked fields to aggregate statuses.
const DETAIL_EXTRA = ["id", "status", "version", "currency_code", "fulfillments.*"]
const LIST_EXTRA = ["id", "status", "version", "currency_code", "fulfillments.packed_at", "fulfillments.shipped_at", "fulfillments.delivered_at", "fulfillments.canceled_at"]
const PAYMENT_STATUS_FIELDS = ["id", "status", "amount", "captured_amount", "refunded_amount", "currency_code"]

/**
 * Each purchase read as one Medusa order with the storefront's `fields` (see combine.ts). `list`
 * follows Medusa's list route: payment collections and fulfilments appear only when asked for.
 */
export async function purchaseOrders(container: MedusaContainer, purchases: PurchaseRef[], fields: string[], { list }: { list: boolean }) {
  const out = new Map<string, OrderRecord>()
  if (!purchases.length) return out
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const asked = (prefix: string) => fields.some((f) => f === prefix || f.startsWith(`${prefix}.`))
  // The orders carry no payment collection of their own: the purchase's one payment answers for all.
  const collectionFields = fields.filter((f) => f.startsWith("payment_collections.")).map((f) => f.slice("payment_collections.".length))
  const collectionIds = [...new Set(purchases.map((p) => p.payment_collection_id).filter((id): id is string => !!id))]
  const [{ data: orders }, { data: collections }, views] = await Promise.all([
    query.graph({
      entity: "order",
      // A union choice is recognised by its methods' data (see unionChoiceMethod).
      fields: [...new Set([...fields, ...(list ? LIST_EXTRA : DETAIL_EXTRA), ...(asked("shipping_methods") ? ["shipping_methods.data"] : [])])],
      filters: { id: purchases.flatMap((p) => p.order_ids) },
    }),
    collectionIds.length
      ? query.graph({
          entity: "payment_collection",
          fields: [...new Set([...(list ? [] : ["*"]), ...PAYMENT_STATUS_FIELDS, ...collectionFields])],
          filters: { id: collectionIds },
        })
      : Promise.resolve({ data: [] as unknown[] }),
    Promise.all(purchases.map((p) => orderGroupView(container, p.id))),
  ])
  const orderById = new Map((orders as OrderRecord[]).map((o) => [o.id, o]))
  const collectionById = new Map((collections as { id: string }[]).map((c) => [c.id, c]))
  purchases.forEach((purchase, i) => {
    const members = purchase.order_ids.map((id) => orderById.get(id)).filter((o): o is OrderRecord => !!o)
    if (!members.length) return
    const collection = purchase.payment_collection_id ? collectionById.get(purchase.payment_collection_id) : null
    const combined = combinePurchase({
      orders: members,
      lead_id: purchase.order_ids[0],
      payment_collections: collection ? [collection] : [],
      purchase: views[i],
    })
    if (list && !asked("payment_collections")) delete combined.payment_collections
    if (list && !asked("fulfillments")) delete combined.fulfillments
    out.set(purchase.id, withPublicFulfillments(combined))
  })
  return out
}
