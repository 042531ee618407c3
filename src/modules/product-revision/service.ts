import { MedusaService } from "@medusajs/framework/utils"
import { ProductRevision } from "./models/product-revision"
import type { InferTypeOf } from "@medusajs/framework/types"

export type ProductRevisionRow = InferTypeOf<typeof ProductRevision>

class ProductRevisionModuleService extends MedusaService({ ProductRevision }) {
  /**
   * Per product, the revision its cooperative should see: the one waiting, otherwise the last the
   * union decided (published or rejected, with its reason). Superseded and withdrawn ones are history.
   */
  async currentRevisions(productIds: string[]): Promise<Map<string, ProductRevisionRow>> {
    const current = new Map<string, ProductRevisionRow>()
    if (!productIds.length) return current
    const rows = await this.listProductRevisions(
      { product_id: productIds, status: ["pending", "published", "rejected"] },
      { order: { created_at: "DESC" } }
    )
    for (const row of rows) {
      const seen = current.get(row.product_id)
      if (!seen || (row.status === "pending" && seen.status !== "pending")) current.set(row.product_id, row)
    }
    return current
  }

  async pendingRevision(productId: string) {
    const [pending] = await this.listProductRevisions({ product_id: productId, status: "pending" })
    return pending ?? null
  }
}

export default ProductRevisionModuleService
