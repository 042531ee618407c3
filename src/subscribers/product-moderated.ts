import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { notifyCooperativeOwners } from "../notifications/notify-owners"
import { PRODUCT_MODERATED, type ProductModeratedData } from "../workflows/product/moderate-product"

/**
 * The union published or rejected a cooperative's product (or changes proposed to a live one): all
 * its staff hear it, with the reason. The key carries the revision, or the decision's time, because
 * a product can be rejected, corrected and decided again: each decision is its own message.
 */
export default async function announceProductDecision({ event, container }: SubscriberArgs<ProductModeratedData>) {
  const d = event.data
  const [product] = await container.resolve(Modules.PRODUCT).listProducts({ id: d.id }, { select: ["id", "title"] })
  if (!product) return
  await notifyCooperativeOwners(container, d.cooperative_id, {
    template: d.decision === "publish" ? "product-published" : "product-rejected",
    resource_id: d.id,
    resource_type: "product",
    everyone: true,
    idempotency_key: `${event.name}:${d.id}:${d.decision}:${d.revision_id ?? d.at}`,
    data: { product_title: product.title, product_id: d.id, changes: !!d.revision_id, reason: d.reason },
  })
}

export const config: SubscriberConfig = { event: PRODUCT_MODERATED, context: { subscriberId: "product-moderated-email" } }
