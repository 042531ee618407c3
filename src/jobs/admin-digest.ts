import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { vnDay } from "../lib/dates"
import { cooperativeIdsOfProducts } from "../workflows/cooperative/read/ownership"
import { CERTIFICATION_MODULE, type CertificationModuleService } from "../modules/certification"
import { COOPERATIVE_RETURN_MODULE, CooperativeReturnModuleService } from "../modules/cooperative-return"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import { PRODUCT_REVISION_MODULE, ProductRevisionModuleService } from "../modules/product-revision"
import { REVIEW_MODULE, type ReviewModuleService } from "../modules/review"
import { sendEmails } from "../notifications/send"
import type { Queues } from "../notifications/templates/admin-digest"

/**
 * Hook for features with a queue of their own: a function that counts what waits, registered at
 * start-up. Returns escalated to the union are counted here unless something registers another counter.
 */
export const digestCounters: Partial<Record<keyof Queues, (container: MedusaContainer) => Promise<number>>> = {}

/** Returns a shopper escalated that the union has not decided yet (the queue of GET /admin/returns?status=escalated). */
export async function escalatedReturns(container: MedusaContainer): Promise<number> {
  const [, count] = await container.resolve<CooperativeReturnModuleService>(COOPERATIVE_RETURN_MODULE).listAndCountCooperativeReturns({ status: "escalated" }, { select: ["id"], take: 1 })
  return count
}

/** What waits for the union right now, queue by queue (the same queues the admin routes list). */
export async function unionQueues(container: MedusaContainer): Promise<Queues> {
  const cooperatives: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const certification: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)
  const reviews: ReviewModuleService = container.resolve(REVIEW_MODULE)
  const revisions: ProductRevisionModuleService = container.resolve(PRODUCT_REVISION_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: proposed } = await query.graph({ entity: "product", fields: ["id"], filters: { status: ProductStatus.PROPOSED } })
  const owned = await cooperativeIdsOfProducts(container, proposed.map((p) => p.id))
  const [[, registrations], [, revisionCount], [, ratings], [, certificates], [, pendingReviews], returns] = await Promise.all([
    cooperatives.listAndCountCooperatives({ status: "pending" }, { select: ["id"], take: 1 }),
    revisions.listAndCountProductRevisions({ status: "pending" }, { select: ["id"], take: 1 }),
    certification.listAndCountOcopRatings({ status: "submitted" }, { select: ["id"], take: 1 }),
    certification.listAndCountCertificates({ status: "submitted" }, { select: ["id"], take: 1 }),
    reviews.listAndCountShopperReviews({ status: "pending" }, { select: ["id"], take: 1 }),
    (digestCounters.returns ?? escalatedReturns)(container),
  ])
  return { registrations, products: owned.size + revisionCount, ratings, certificates, reviews: pendingReviews, returns }
}

/**
 * Every morning at 08:00 Vietnam time (01:00 UTC), each union admin gets one email counting what
 * waits in each queue; nothing is sent on a day nothing waits. The key (day and admin) makes a
 * second run on the same day, or a second worker, send nothing more.
 */
export default async function adminDigestJob(container: MedusaContainer, at = new Date()) {
  const queues = await unionQueues(container)
  if (!Object.values(queues).some((n) => n > 0)) return
  const day = vnDay(at)
  const admins = await container.resolve(Modules.USER).listUsers({}, { select: ["id", "email", "metadata"] })
  await sendEmails(
    container,
    admins.map((admin) => ({
      to: admin.email,
      template: "admin-digest",
      data: { day, queues },
      locale: (admin.metadata as Record<string, unknown> | null)?.locale as string | undefined,
      idempotency_key: `admin-digest:${day}:${admin.email}`,
      resource_type: "user",
      resource_id: admin.id,
      receiver_id: admin.id,
    }))
  )
}

export const config = {
  name: "admin-digest",
  schedule: process.env.ADMIN_DIGEST_SCHEDULE || "0 1 * * *",
}
