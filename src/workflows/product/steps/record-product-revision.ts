import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCT_REVISION_MODULE, ProductContent, ProductRevisionModuleService } from "../../../modules/product-revision"

export type RecordProductRevisionInput = {
  product_id: string
  cooperative_id: string
  submitted_by?: string | null
  /** The revision waiting until now, and how it ends (replaced by the new one, or withdrawn). */
  close: { id: string; status: "superseded" | "withdrawn" } | null
  /** Content changes that now wait for the union. */
  changes: ProductContent | null
}

/** Closes the waiting revision and/or opens a new one; undone by deleting the new one and reopening the old. */
export const recordProductRevisionStep = createStep(
  "record-product-revision",
  async (input: RecordProductRevisionInput, { container }) => {
    const revisions: ProductRevisionModuleService = container.resolve(PRODUCT_REVISION_MODULE)
    // Closed first: the database allows one pending revision per product.
    if (input.close) await revisions.updateProductRevisions({ id: input.close.id, status: input.close.status })
    const created = input.changes
      ? await revisions.createProductRevisions({
          product_id: input.product_id,
          cooperative_id: input.cooperative_id,
          changes: input.changes as Record<string, unknown>,
          submitted_by: input.submitted_by ?? null,
        })
      : null
    return new StepResponse(created, { created_id: created?.id ?? null, reopen_id: input.close?.id ?? null })
  },
  async (undo, { container }) => {
    if (!undo) return
    const revisions: ProductRevisionModuleService = container.resolve(PRODUCT_REVISION_MODULE)
    if (undo.created_id) await revisions.deleteProductRevisions(undo.created_id)
    if (undo.reopen_id) await revisions.updateProductRevisions({ id: undo.reopen_id, status: "pending" })
  }
)
