import { Module } from "@medusajs/framework/utils"
import OrderGroupModuleService from "./service"

export const ORDER_GROUP_MODULE = "order_group"

export default Module(ORDER_GROUP_MODULE, {
  service: OrderGroupModuleService,
})

export { OrderGroupModuleService }

/** How the shopper pays: cash on delivery, a VietQR bank transfer, Stripe, or another provider. */
export type PaymentMethod = "cod" | "vietqr" | "stripe" | "other"

/**
 * Who receives the shopper's money for an order: the union (VietQR, Stripe, or cash on delivery
 * through a carrier contract of the union, which remits to the union) or the cooperative (cash on
 * delivery through its own carrier account, which remits to the cooperative).
 */
export type Collector = "union" | "cooperative"

/**
 * The part of the one payment that belongs to one cooperative's order, in whole đồng, with who
 * collects it. `method` and `collector` are fixed when the order is placed (a later change of the
 * cooperative's setting applies to later orders); purchases placed before they existed read as
 * collected by the union (see collectorOf in src/modules/order-group/rules/collector.ts).
 */
export type PaymentShare = { order_id: string; cooperative_id: string; amount: number; method?: PaymentMethod; collector?: Collector }

/** The shares of a purchase row (a JSON column: the graph and the service type it as a plain object). */
export const sharesOf = (group: { shares?: unknown } | null | undefined): PaymentShare[] => (group?.shares ?? []) as PaymentShare[]
