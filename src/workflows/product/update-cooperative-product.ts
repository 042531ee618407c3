import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assertCooperativeOwnsProductStep } from "./steps/assert-cooperative-owns-product"
import { planProductEditStep } from "./steps/plan-product-edit"
import { recordProductRevisionStep } from "./steps/record-product-revision"

export type UpdateCooperativeProductInput = {
  cooperative_id: string
  product_id: string
  /** A validated vendor edit (UpdateProductBody). */
  update: Record<string, unknown>
  /** The cooperative user who made the edit. */
  actor_id?: string | null
}

/**
 * A cooperative edits its product. On a published product, content shoppers read (title, subtitle,
 * description, handle, images, thumbnail, origin) waits in a revision for the union while the live
 * listing keeps its approved version; everything else, and any edit of a product that is not live,
 * applies at once. See docs/security/moderation.md.
 */
export const updateCooperativeProductWorkflow = createWorkflow(
  "update-cooperative-product",
  (input: UpdateCooperativeProductInput) => {
    assertCooperativeOwnsProductStep(
      transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, product_id: input.product_id }))
    )
    const { plan, pending_id } = planProductEditStep(
      transform({ input }, ({ input }) => ({ product_id: input.product_id, update: input.update }))
    )
    const revision = when("revision-changes", { plan }, ({ plan }) => !!plan.revision || !!plan.close).then(() =>
      recordProductRevisionStep(
        transform({ input, plan, pending_id }, ({ input, plan, pending_id }) => ({
          product_id: input.product_id,
          cooperative_id: input.cooperative_id,
          submitted_by: input.actor_id ?? null,
          close: plan.close && pending_id ? { id: pending_id, status: plan.close } : null,
          changes: plan.revision,
        }))
      )
    )
    when("applies-now", { plan }, ({ plan }) => Object.keys(plan.immediate).length > 0).then(() => {
      updateProductsWorkflow.runAsStep({
        input: transform({ input, plan }, ({ input, plan }) => ({
          selector: { id: input.product_id },
          update: plan.immediate as any,
        })),
      })
    })
    return new WorkflowResponse({ revision })
  }
)
