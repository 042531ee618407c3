import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { conflict } from "../../../lib/errors"
import { defaultShippingProfileId } from "../../../workflows/marketplace/read/marketplace"
import { cooperativeProductIds } from "../../../workflows/cooperative/read/ownership"
import { toMedusaProduct } from "../../../workflows/product/utils/product-input"
import { toHandle } from "../../../lib/text"
import { createCooperativeProductsWorkflow } from "../../../workflows/product/create-cooperative-products"
import type { VendorRequest } from "../tenant"
import type { CreateProductBody } from "../validators"
import { retrieveVendorProduct, shapeVendorProducts, VENDOR_PRODUCT_FIELDS } from "./query"
import type { z } from "zod"
import type { ListProductsQuery } from "../validators"

/** GET /vendor/products: the cooperative's own products, any status. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { limit, offset, status, q } = req.validatedQuery as z.infer<typeof ListProductsQuery>
  const ids = await cooperativeProductIds(req.scope, req.tenant.cooperative.id)
  if (!ids.length) return res.json({ products: [], count: 0, limit, offset })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "product",
    fields: VENDOR_PRODUCT_FIELDS,
    filters: { id: ids, ...(status ? { status } : {}), ...(q ? { q } : {}) },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ products: await shapeVendorProducts(req.scope, data), count: metadata?.count ?? data.length, limit, offset })
}

/** POST /vendor/products: a new product, proposed to the union (or kept as a draft). */
export const POST = async (req: VendorRequest<CreateProductBody>, res: MedusaResponse) => {
  const body = req.validatedBody as CreateProductBody
  const { cooperative } = req.tenant
  const handle = body.handle ?? `${toHandle(body.title)}-${cooperative.handle}`
  const [existing] = await req.scope.resolve(Modules.PRODUCT).listProducts({ handle }, { select: ["id"] })
  if (existing) {
    throw conflict("product_handle_taken", `Another product already uses the handle "${handle}"; choose another handle.`)
  }
  const { result } = await createCooperativeProductsWorkflow(req.scope).run({
    input: {
      cooperative_id: cooperative.id,
      products: [toMedusaProduct(body, { handle, shipping_profile_id: await defaultShippingProfileId(req.scope) }) as any],
    },
  })
  res.status(201).json({ product: await retrieveVendorProduct(req.scope, result[0].id) })
}
