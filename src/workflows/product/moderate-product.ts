import { emitEventStep, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../lib/errors"
import { cooperativeIdsOfProducts } from "../cooperative/read/ownership"
import { COOPERATIVE_MODULE, CooperativeModuleService, isSelling } from "../../modules/cooperative"
import { PRODUCT_REVISION_MODULE, ProductRevisionModuleService } from "../../modules/product-revision"
import { decideProductRevisionStep } from "./steps/decide-product-revision"

export type ModerateProductInput = {
  product_id: string
  decision: "publish" | "reject"
  reason?: string
  admin_id: string
  /** The revision the admin reviewed; when given, it must still be the one waiting. */
  revision_id?: string
  /** False when seeding demo data: the staff are not told about products the seed publishes. */
  notify?: boolean
}

/** Emitted after a decision; the cooperative's staff are emailed from it (src/subscribers/product-moderated.ts). */
export const PRODUCT_MODERATED = "coopstall.product.moderated"

export type ProductModeratedData = {
  id: string
  cooperative_id: string
  decision: "publish" | "reject"
  reason: string | null
  /** Set when the decision was on changes proposed to a live product rather than on the product. */
  revision_id: string | null
  admin_id: string
  /** When the decision was made (ISO): two decisions on one product (reject, resubmit, reject) are two messages. */
  at: string
}

type ModerationPlan = {
  cooperative_id: string
  product: { id: string; status: string; metadata?: Record<string, unknown> | null }
  /** The product's new status, when the decision is on the product itself. */
  target: ProductStatus | null
  /** The waiting revision, when the decision is on it. */
  revision: { id: string; changes: Record<string, unknown> } | null
}

const validateProductModerationStep = createStep(
  "validate-product-moderation",
  async (input: ModerateProductInput, { container }): Promise<StepResponse<ModerationPlan>> => {
    const [product] = await container.resolve(Modules.PRODUCT).listProducts({ id: input.product_id }, { select: ["id", "status", "metadata"] })
    if (!product) throw notFound("Product", input.product_id)
    const cooperativeId = (await cooperativeIdsOfProducts(container, [product.id])).get(product.id)
    if (!cooperativeId) {
      throw conflict("product_has_no_cooperative", "This product belongs to no cooperative; moderate it through Medusa's product routes.")
    }
    const [cooperative] = await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives({ id: cooperativeId })
    if (input.decision === "publish" && !isSelling(cooperative.status)) {
      throw conflict(
        "cooperative_not_approved",
        `${cooperative.name} is ${cooperative.status}; its products can be published once the cooperative is approved.`
      )
    }
    // A live product with changes waiting: the decision is about the changes, and the listing stays.
    const pending =
      product.status === ProductStatus.PUBLISHED
        ? await (container.resolve(PRODUCT_REVISION_MODULE) as ProductRevisionModuleService).pendingRevision(product.id)
        : null
    if (input.revision_id && input.revision_id !== pending?.id) {
      throw conflict(
        "revision_changed",
        "The cooperative changed its proposal after you opened it (or it was already decided); reload the queue and review the current one."
      )
    }
    if (pending) return new StepResponse({ cooperative_id: cooperativeId, product, target: null, revision: { id: pending.id, changes: pending.changes as Record<string, unknown> } })
    const target = input.decision === "publish" ? ProductStatus.PUBLISHED : ProductStatus.REJECTED
    if (product.status === target) {
      throw conflict("already_" + target, `The product is already ${target}.`)
    }
    if (product.status === ProductStatus.DRAFT) {
      throw conflict("product_is_draft", "The cooperative has not submitted this product yet (it is a draft).")
    }
    return new StepResponse({ cooperative_id: cooperativeId, product, target, revision: null })
  }
)

/**
 * Union moderation of a cooperative's product: publish it, or reject it with a reason the
 * cooperative sees. When a published product has a revision waiting, the decision is on the
 * revision: publishing applies its changes to the live product, rejecting leaves the live product as it is.
 */
export const moderateProductWorkflow = createWorkflow("moderate-product", (input: ModerateProductInput) => {
  const { cooperative_id, product, target, revision } = validateProductModerationStep(input)
  const moderation = transform({ input }, ({ input }) => ({
    decision: input.decision,
    reason: input.reason ?? null,
    by: input.admin_id,
    at: new Date().toISOString(),
  }))

  when("decide-product", { revision }, ({ revision }) => !revision).then(() => {
    updateProductsWorkflow.runAsStep({
      input: transform({ input, product, target, moderation }, ({ input, product, target, moderation }) => ({
        selector: { id: input.product_id },
        update: { status: target!, metadata: { ...(product.metadata ?? {}), moderation } },
      })),
    }).config({ name: "update-product-status" })
  })

  when("decide-revision", { revision }, ({ revision }) => !!revision).then(() => {
    decideProductRevisionStep(
      transform({ input, revision }, ({ input, revision }) => ({
        id: revision!.id as string,
        status: input.decision === "publish" ? ("published" as const) : ("rejected" as const),
        reason: input.reason ?? null,
        decided_by: input.admin_id,
      }))
    )
  })

  when("apply-revision", { input, revision }, ({ input, revision }) => !!revision && input.decision === "publish").then(() => {
    updateProductsWorkflow.runAsStep({
      input: transform({ input, product, revision, moderation }, ({ input, product, revision, moderation }) => ({
        selector: { id: input.product_id },
        update: { ...(revision!.changes as any), metadata: { ...(product.metadata ?? {}), moderation } },
      })),
    }).config({ name: "apply-product-revision" })
  })

  when("notify-cooperative", { input }, ({ input }) => input.notify !== false).then(() => {
    emitEventStep({
      eventName: PRODUCT_MODERATED,
      data: transform({ input, cooperative_id, revision, moderation }, ({ input, cooperative_id, revision, moderation }): ProductModeratedData => ({
        id: input.product_id,
        cooperative_id,
        decision: input.decision,
        reason: input.reason ?? null,
        revision_id: (revision?.id as string) ?? null,
        admin_id: input.admin_id,
        at: moderation.at,
      })),
    })
  })


  return new WorkflowResponse({ product_id: input.product_id, revision_id: transform({ revision }, ({ revision }) => (revision?.id as string) ?? null) })
})
