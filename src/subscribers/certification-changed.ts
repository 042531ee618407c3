import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyCooperativeOwners } from "../lib/notify-owners"
import type { CertificationChange } from "../modules/certification/service"

/** Tells the cooperative's owners when the union (or time) decides on one of their ratings or certificates. */
export default async function notifyCooperativeOfCertificationChange({ event, container }: SubscriberArgs<CertificationChange>) {
  const change = event.data
  if (change.to === "submitted") return
  await notifyCooperativeOwners(container, change.cooperative_id, {
    template: `${change.subject_type}-${change.to}`,
    resource_id: change.id,
    resource_type: change.subject_type,
    data: { from: change.from, to: change.to, note: change.note, product_ids: change.product_ids },
  })
}

export const config: SubscriberConfig = { event: ["ocop_rating.changed", "certificate.changed"] }
