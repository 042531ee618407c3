import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notFound } from "../../../../lib/errors"
import { marketplaceSalesChannelId } from "../../../../workflows/marketplace/read/marketplace"
import { cooperativeProductIds } from "../../../../workflows/cooperative/read/ownership"
import { shapeVariant } from "../../../../workflows/product/utils/product-input"
import { cooperativeCertificates, cooperativeOcopSummary } from "../../../../workflows/certification/read/quality"
import { cooperativeReviewSummaries } from "../../../../workflows/review/read/reviews"
import { storeProductExtras } from "../../product-quality"
import { publicCooperative } from "../../../../workflows/cooperative/read/serialize"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../modules/cooperative"

/** GET /store/cooperatives/:handle: an approved cooperative's stall with its published products. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ handle: req.params.handle, status: "approved" })
  if (!cooperative) throw notFound("Cooperative", req.params.handle)

  const ids = await cooperativeProductIds(req.scope, cooperative.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = ids.length
    ? await query.graph({
        entity: "product",
        fields: [
          "id", "title", "subtitle", "handle", "thumbnail", "weight",
          "variants.id", "variants.title", "variants.prices.amount", "variants.prices.currency_code",
        ],
        filters: {
          id: ids,
          status: "published",
          sales_channels: { id: await marketplaceSalesChannelId(req.scope) },
          // The graph's filter type does not know link filters.
        } as any,
        pagination: { order: { created_at: "DESC" } },
      })
    : { data: [] }
  const [certificates, ocop, reviews, extras] = await Promise.all([
    cooperativeCertificates(req.scope, [cooperative.id]),
    cooperativeOcopSummary(req.scope, [cooperative.id]),
    cooperativeReviewSummaries(req.scope, [cooperative.id]),
    storeProductExtras(req.scope, products.map((p) => p.id)),
  ])
  res.json({
    cooperative: {
      ...publicCooperative(cooperative),
      product_count: products.length,
      ...ocop.get(cooperative.id),
      ...reviews.get(cooperative.id),
      certificates: certificates.get(cooperative.id),
    },
    products: products.map((p) => ({ ...p, variants: (p.variants ?? []).map(shapeVariant), ...extras.get(p.id) })),
  })
}
