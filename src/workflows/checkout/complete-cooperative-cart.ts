import {
  acquireLockStep,
  addOrderTransactionStep,
  authorizePaymentSessionStep,
  compensatePaymentIfNeededStep,
  createOrdersStep,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  updateCartsStep,
  useQueryGraphStep,
  validateCartItemsStep,
  validateCartPaymentsStep,
} from "@medusajs/medusa/core-flows"
import type { BigNumberInput, CartAddressDTO, CartLineItemDTO, CartShippingMethodDTO, CartWorkflowDTO, LinkDefinition } from "@medusajs/framework/types"
import { EventPriority, Modules, OrderStatus, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, parallelize, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  completeCartFields,
  prepareAdjustmentsData,
  prepareLineItemData,
  prepareTaxLinesData,
  registerUsageStep,
} from "../../medusa-internals/core-flows"
import { collectorFor, paymentMethodOf } from "../../modules/order-group/rules/collector"
import { allocateVnd } from "../../lib/money"
import { COOPERATIVE_MODULE } from "../../modules/cooperative"
import { ORDER_GROUP_MODULE, PaymentShare, sharesOf } from "../../modules/order-group"
import { assertCartSellableStep } from "./steps/assert-cart-sellable"
import { createOrderGroupStep } from "./steps/create-order-group"
import { CooperativePart, groupCartByCooperativeStep } from "./steps/group-cart-by-cooperative"
import { reserveCooperativeStockStep, StockToReserve } from "./steps/reserve-cooperative-stock"

export const ORDER_GROUP_PLACED = "order_group.placed"

// Vanilla completion loads every stock level of every variant to pick a location; each item here
// is reserved at its cooperative's own warehouse, so those fields are not needed.
const cartFields = [
  ...completeCartFields.filter((f) => !f.includes("location_levels")),
  "items.product_id",
  "shipping_methods.shipping_option.shipping_profile_id",
]

/** A cart item as completeCartFields loads it: Medusa's item with its variant and the variant's inventory. */
type CompletionItem = CartLineItemDTO & {
  variant?: {
    manage_inventory?: boolean | null
    allow_backorder?: boolean | null
    inventory_items?: { inventory_item_id: string; required_quantity?: unknown }[] | null
    [field: string]: unknown
  } | null
}
/** The cart as completeCartFields loads it (Medusa's cart DTO, with raw amounts and item variants). */
type CompletionCart = Omit<CartWorkflowDTO, "items" | "shipping_methods"> & {
  items?: CompletionItem[]
  shipping_methods?: (CartShippingMethodDTO & { raw_amount?: BigNumberInput })[]
}

/** What a completed cart became: one purchase, one order per cooperative (in the cart's order). */
export type CompletedPurchase = { order_group_id: string; order_ids: string[] }

export type CompleteCooperativeCartInput = {
  id: string
  /** The caller already holds the cart's lock (Medusa's completeCartWorkflow, which takes it first). */
  cart_locked_by_caller?: boolean
}

/**
 * POST /store/carts/:id/complete for the marketplace, and Medusa's own completion when a payment
 * webhook starts it. The same guarantees and the same core steps
 * as Medusa's completeCartWorkflow (cart lock, payment validation, compensation that voids the
 * payment, authorisation last), but the cart becomes one order per cooperative, grouped into one
 * purchase that carries the single payment and each order's share of it.
 *
 * Exactly once: the cart's lock serialises concurrent attempts, a completed cart returns its
 * existing group, and order_group.cart_id is unique besides.
 */
export const completeCooperativeCartWorkflow = createWorkflow(
  "complete-cooperative-cart",
  (input: CompleteCooperativeCartInput) => {
    // Same key as Medusa's completion, so the two can never run on one cart at once. When Medusa's
    // completion runs this one (src/workflows/hooks/complete-cart-as-marketplace.ts), it holds that lock.
    const lockKey = transform({ input }, ({ input }) => (input.cart_locked_by_caller ? [] : [input.id]))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

    const [existing, cartQuery] = parallelize(
      useQueryGraphStep({
        entity: "order_group",
        fields: ["id", "shares"],
        filters: { cart_id: input.id },
      }).config({ name: "existing-order-group" }),
      useQueryGraphStep({
        entity: "cart",
        fields: cartFields,
        filters: { id: input.id },
        options: { isList: false, throwIfKeyNotFound: true },
      }).config({ name: "cart-query" })
    )
    // The graph's row type knows nothing of the fields list; the list makes it Medusa's cart DTO.
    const cart = transform({ cartQuery }, ({ cartQuery }) => cartQuery.data as unknown as CompletionCart)

    validateCartItemsStep({ cart })
    const paymentSessions = validateCartPaymentsStep({ cart })
    compensatePaymentIfNeededStep({ payment_session_id: paymentSessions[0].id })

    const placed = when("place-order-group", { existing }, ({ existing }) => !existing.data.length).then(() => {
      assertCartSellableStep({ cart })
      const parts = groupCartByCooperativeStep({ cart })

      const orderInputs = transform({ cart, parts }, ({ cart, parts }) => {
        const itemsById = new Map((cart.items ?? []).map((i) => [i.id, i]))
        const methodsById = new Map((cart.shipping_methods ?? []).map((m) => [m.id, m]))
        const address = (a?: CartAddressDTO) => (a ? (({ id: _id, ...rest }) => rest)(a) : null)
        return parts.map((part: CooperativePart) => {
          const items = part.item_ids.map((id) => {
            const item = itemsById.get(id)!
            return prepareLineItemData({
              item: { ...item },
              variant: item.variant ?? undefined,
              cartId: cart.id,
              unitPrice: item.unit_price,
              isTaxInclusive: item.is_tax_inclusive,
              taxLines: item.tax_lines ?? [],
              adjustments: item.adjustments ?? [],
            })
          })
          const shipping_methods = part.shipping_method_ids.map((id) => {
            const sm = methodsById.get(id)!
            return {
              name: sm.name,
              description: sm.description,
              amount: sm.raw_amount ?? sm.amount,
              is_tax_inclusive: sm.is_tax_inclusive,
              shipping_option_id: sm.shipping_option_id,
              data: sm.data,
              metadata: sm.metadata,
              tax_lines: prepareTaxLinesData(sm.tax_lines ?? []),
              adjustments: prepareAdjustmentsData(sm.adjustments ?? []),
            }
          })
          const promo_codes = [...items.flatMap((i) => i.adjustments ?? []), ...shipping_methods.flatMap((m) => m.adjustments ?? [])]
            .map((a) => a.code)
            .filter(Boolean)
          return {
            region_id: cart.region?.id,
            customer_id: cart.customer?.id,
            sales_channel_id: cart.sales_channel_id,
            status: OrderStatus.PENDING,
            email: cart.email,
            currency_code: cart.currency_code,
            locale: cart.locale,
            shipping_address: address(cart.shipping_address),
            billing_address: address(cart.billing_address),
            no_notification: false,
            items,
            shipping_methods,
            promo_codes: [...new Set(promo_codes)],
            metadata: { ...(cart.metadata ?? {}), cooperative_id: part.cooperative.id },
          }
        })
      })

      const orders = createOrdersStep(orderInputs as any)

      const placement = transform({ cart, parts, orders, paymentSessions }, ({ cart, parts, orders, paymentSessions }) => {
        const orderOf = (part: CooperativePart) =>
          orders.find((o) => o.metadata?.cooperative_id === part.cooperative.id)!
        const paid = Math.round(Number(paymentSessions[0]?.amount ?? cart.total ?? 0))
        const amounts = allocateVnd(paid, parts.map((p: CooperativePart) => p.total))
        const method = paymentMethodOf(paymentSessions[0]?.provider_id)
        const shares: PaymentShare[] = parts.map((p: CooperativePart, i: number) => ({
          order_id: orderOf(p).id,
          cooperative_id: p.cooperative.id,
          amount: amounts[i],
          method,
          collector: collectorFor(method, p.cooperative.cod_collector),
        }))

        const variantByCartItem = new Map((cart.items ?? []).map((i) => [i.id, i.variant]))
        const stock: StockToReserve[] = parts.flatMap((part: CooperativePart) => {
          const order = orderOf(part)
          return (order.items ?? []).flatMap((orderItem) => {
            const cartItemId = part.item_ids.find((id) => (cart.items ?? []).find((c) => c.id === id)?.variant_id === orderItem.variant_id)
            const variant = cartItemId ? variantByCartItem.get(cartItemId) : undefined
            if (!variant?.manage_inventory) return []
            return (variant.inventory_items ?? []).map((inv) => ({
              line_item_id: orderItem.id,
              inventory_item_id: inv.inventory_item_id,
              location_id: part.stock_location_id!,
              quantity: Number(inv.required_quantity ?? 1) * Number(orderItem.quantity),
              allow_backorder: !!variant.allow_backorder,
              label: `"${orderItem.product_title} – ${orderItem.variant_title}" of ${part.cooperative.name}`,
            }))
          })
        })

        const links: LinkDefinition[] = orders.flatMap((order) => [
          { [COOPERATIVE_MODULE]: { cooperative_id: order.metadata?.cooperative_id }, [Modules.ORDER]: { order_id: order.id } },
        ])
        const promotionUsage = {
          computedActions: [
            ...(cart.items ?? []).flatMap((i) => i.adjustments ?? []),
            ...(cart.shipping_methods ?? []).flatMap((m) => m.adjustments ?? []),
          ].map((a) => ({ amount: a.amount, code: a.code! })),
          registrationContext: { customer_id: cart.customer?.id || null, customer_email: cart.email || null },
        }
        return {
          shares,
          stock,
          links,
          promotionUsage,
          group: {
            cart_id: cart.id,
            email: cart.email,
            customer_id: cart.customer?.id ?? null,
            currency_code: cart.currency_code,
            total: paid,
            payment_collection_id: cart.payment_collection?.id ?? null,
            payment_provider_id: paymentSessions[0]?.provider_id ?? null,
            payment_reference: (paymentSessions[0]?.data?.reference as string | undefined) ?? null,
            shares,
          },
          placedEvents: orders.map((o) => ({ id: o.id })),
        }
      })

      reserveCooperativeStockStep(transform({ placement }, ({ placement }) => ({ items: placement.stock })))
      const group = createOrderGroupStep(transform({ placement }, ({ placement }) => placement.group))

      const groupLinks = transform({ placement, group, cart }, ({ placement, group, cart }): LinkDefinition[] => [
        ...placement.links,
        ...placement.shares.flatMap((s: PaymentShare): LinkDefinition[] => [
          { [ORDER_GROUP_MODULE]: { order_group_id: group.id }, [Modules.ORDER]: { order_id: s.order_id } },
          // Medusa's own link of a cart to its orders: a payment webhook arriving after completion
          // (Stripe's payment_intent.succeeded) finds the orders and only captures, instead of
          // completing the cart again and refunding the payment when that is refused.
          { [Modules.ORDER]: { order_id: s.order_id }, [Modules.CART]: { cart_id: cart.id } },
        ]),
      ])
      parallelize(
        createRemoteLinkStep(groupLinks),
        updateCartsStep(transform({ cart }, ({ cart }) => [{ id: cart.id, completed_at: new Date() }])),
        registerUsageStep(transform({ placement }, ({ placement }) => placement.promotionUsage)),
        emitEventStep({
          eventName: OrderWorkflowEvents.PLACED,
          data: transform({ placement }, ({ placement }) => placement.placedEvents),
          options: { priority: EventPriority.CRITICAL },
        }),
        emitEventStep({
          eventName: ORDER_GROUP_PLACED,
          data: transform({ group }, ({ group }) => ({ id: group.id })),
        }).config({ name: "emit-order-group-placed" })
      )

      // Authorised last, as in vanilla completion: anything failing before this leaves no payment.
      const payment = authorizePaymentSessionStep({ id: paymentSessions[0].id })
      addOrderTransactionStep(
        transform({ payment, placement }, ({ payment, placement }) => {
          // A payment captured on authorisation is recorded on each order as that order's share.
          const capture = payment?.captures?.[0]
          if (!capture) return []
          return placement.shares.map((s: PaymentShare) => ({
            order_id: s.order_id,
            amount: s.amount,
            currency_code: payment!.currency_code,
            reference: "capture",
            reference_id: capture.id,
          }))
        })
      )
      return transform({ group, placement }, ({ group, placement }) => ({
        order_group_id: group.id,
        order_ids: placement.shares.map((s: PaymentShare) => s.order_id),
      }))
    })

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(
      transform({ placed, existing }, ({ placed, existing }): CompletedPurchase => {
        if (placed) return placed
        const group = existing.data[0]
        return { order_group_id: group.id, order_ids: sharesOf(group).map((s) => s.order_id) }
      })
    )
  }
)
