import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyCooperativeOwners } from "../notifications/notify-owners"
import { CERTIFICATION_MODULE, type CertificationModuleService } from "../modules/certification"
import type { CertificationChange } from "../modules/certification/service"

/**
 * Every change writes a history row (certification_review); the newest one for this rating and
 * status names this change, so a redelivered event is recognised and a later, identical change is not.
 */
async function latestReviewId(container: SubscriberArgs<CertificationChange>["container"], change: CertificationChange) {
  const [review] = await (container.resolve(CERTIFICATION_MODULE) as CertificationModuleService).listCertificationReviews(
    { subject_type: change.subject_type, subject_id: change.id, to_status: change.to },
    { select: ["id"], order: { created_at: "DESC" }, take: 1 }
  )
  return review?.id ?? `${change.id}:${change.from}-${change.to}`
}

/** Tells the cooperative's owners when the union (or time) decides on one of their ratings or certificates. */
export default async function notifyCooperativeOfCertificationChange({ event, container }: SubscriberArgs<CertificationChange>) {
  const change = event.data
  if (change.to === "submitted") return
  await notifyCooperativeOwners(container, change.cooperative_id, {
    template: `${change.subject_type}-${change.to}`,
    resource_id: change.id,
    resource_type: change.subject_type,
    data: { from: change.from, to: change.to, note: change.note, product_ids: change.product_ids },
    idempotency_key: `${event.name}:${await latestReviewId(container, change)}`,
  })
}

export const config: SubscriberConfig = { event: ["ocop_rating.changed", "certificate.changed"] }
