import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError } from "../../../lib/errors"
import { moderateProductWorkflow } from "../../../workflows/product/moderate-product"

/** The handler behind POST /admin/products/:id/publish and /reject { reason }. */
export const moderateProduct =
  (decision: "publish" | "reject") =>
  async (req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse) => {
    const reason = (req.validatedBody as any)?.reason
    if (decision === "reject" && !reason) {
      throw new CoopstallError(400, "invalid_request", "A reason is required to reject a product; the cooperative will read it.", [
        { path: "reason", message: "Required" },
      ])
    }
    const { result } = await moderateProductWorkflow(req.scope).run({
      input: { product_id: req.params.id, decision, reason, admin_id: req.auth_context.actor_id },
    })
    const product = result[0]
    res.json({ product: { id: product.id, status: product.status, moderation: (product.metadata as any)?.moderation ?? null } })
  }
