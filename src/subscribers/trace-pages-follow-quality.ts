import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cooperativeProductIds } from "../workflows/cooperative/read/ownership"
import { invalidateTraceForProducts } from "../workflows/traceability/read/view"

type Changed = { product_ids?: string[]; id: string }

/**
 * A trace page shows OCOP stars, certificates and whether the product can be bought: drop this
 * process's cached pages when any of those change, rather than waiting for the cache to age out.
 */
export default async function refreshTracePages({ event, container }: SubscriberArgs<Changed>) {
  const productIds =
    event.name === "cooperative.status_changed" ? await cooperativeProductIds(container, event.data.id) : event.data.product_ids ?? []
  if (productIds.length) invalidateTraceForProducts(productIds)
}

export const config: SubscriberConfig = {
  event: ["ocop_rating.changed", "certificate.changed", "cooperative.status_changed"],
  context: { subscriberId: "trace-pages-follow-quality" },
}
