import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../../lib/errors"
import { EditPlan, planProductEdit, PRODUCT_REVISION_MODULE, ProductRevisionModuleService } from "../../../modules/product-revision"

export type PlanProductEditInput = { product_id: string; update: Record<string, unknown> }

/** Reads the live product and the revision waiting for it, and decides what applies now and what waits for the union. */
export const planProductEditStep = createStep("plan-product-edit", async (input: PlanProductEditInput, { container }) => {
  const products = container.resolve(Modules.PRODUCT)
  const [product] = await products.listProducts(
    { id: input.product_id },
    { select: ["id", "status", "title", "subtitle", "description", "handle", "thumbnail", "origin_country"], relations: ["images"] }
  )
  if (!product) throw notFound("Product", input.product_id)
  const pending = await (container.resolve(PRODUCT_REVISION_MODULE) as ProductRevisionModuleService).pendingRevision(product.id)
  const plan: EditPlan = planProductEdit(product, pending, input.update)
  // A new handle is checked when proposed, so the cooperative hears of a clash now rather than the union at publishing.
  const handle = (plan.revision?.handle ?? plan.immediate.handle) as string | undefined
  if (handle && handle !== product.handle) {
    const [other] = await products.listProducts({ handle }, { select: ["id"] })
    if (other && other.id !== product.id) {
      throw conflict("product_handle_taken", `Another product already uses the handle "${handle}"; choose another handle.`)
    }
  }
  return new StepResponse({ plan, pending_id: pending?.id ?? null })
})
