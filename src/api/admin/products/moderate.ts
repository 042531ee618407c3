import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { PRODUCT_REVISION_MODULE, ProductRevisionModuleService, revisionView } from "../../../modules/product-revision"
import { moderateProductWorkflow } from "../../../workflows/product/moderate-product"
import type { z } from "zod"
import type { ProductDecisionBody } from "../validators"

/**
 * The handler behind POST /admin/products/:id/publish and /reject { reason, revision_id? }. On a
 * published product with changes waiting, the decision is on those changes (see docs/security/moderation.md).
 */
export const moderateProduct =
  (decision: "publish" | "reject") =>
  async (req: AuthenticatedMedusaRequest<z.infer<typeof ProductDecisionBody>>, res: MedusaResponse) => {
    // validateBody always sets it (an empty body parses to {}).
    const { reason, revision_id } = req.validatedBody
    if (decision === "reject" && !reason) {
      throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "A reason is required to reject a product; the cooperative will read it.", [
        { path: "reason", message: "Required" },
      ])
    }
    const { result } = await moderateProductWorkflow(req.scope).run({
      input: { product_id: req.params.id, decision, reason, revision_id, admin_id: req.auth_context.actor_id },
    })
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "status", "title", "subtitle", "description", "handle", "thumbnail", "origin_country", "metadata", "images.url"],
      filters: { id: req.params.id },
    })
    const product = data[0]
    const revision = result.revision_id
      ? (await (req.scope.resolve(PRODUCT_REVISION_MODULE) as ProductRevisionModuleService).listProductRevisions({ id: result.revision_id }))[0]
      : null
    res.json({
      product: { id: product.id, status: product.status, title: product.title, moderation: product.metadata?.moderation ?? null },
      revision: revision ? revisionView(product, revision) : null,
    })
  }
