import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { cooperativeIdsOfProducts } from "../../../workflows/cooperative/read/ownership"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { PRODUCT_REVISION_MODULE, ProductRevisionModuleService, revisionView } from "../../../modules/product-revision"
import type { z } from "zod"
import type { AdminProductQueueQuery } from "../validators"

/** A product as PRODUCT_FIELDS reads it: the fields handled here, the others answered as they are. */
type QueueProduct = { id: string; updated_at: string | Date; images?: { url: string }[] | null; [field: string]: unknown }

const PRODUCT_FIELDS = ["id", "title", "subtitle", "description", "handle", "status", "thumbnail", "origin_country", "updated_at", "images.url"]

async function productsById(container: MedusaContainer, filters: Record<string, unknown>) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: PRODUCT_FIELDS, filters })
  return new Map((data as QueueProduct[]).map((p) => [p.id, p]))
}

/**
 * GET /admin/product-queue?kind=product|revision: what waits for the union, oldest first: new
 * products cooperatives proposed, and changes to published products (each with its diff against
 * the live listing). Decide with POST /admin/products/:id/publish or /reject { reason, revision_id }.
 * Both lists are what waits now (tens per province), so they are merged in memory.
 */
export const listProductQueue = async (req: MedusaRequest, res: MedusaResponse) => {
  const { limit, offset, kind } = req.validatedQuery as z.infer<typeof AdminProductQueueQuery>
  const revisions: ProductRevisionModuleService = req.scope.resolve(PRODUCT_REVISION_MODULE)
  const pending = kind === "product" ? [] : await revisions.listProductRevisions({ status: "pending" }, { order: { created_at: "ASC" } })
  const revised = pending.length ? await productsById(req.scope, { id: pending.map((r) => r.product_id) }) : new Map<string, QueueProduct>()
  const proposed = kind === "revision" ? new Map<string, QueueProduct>() : await productsById(req.scope, { status: ProductStatus.PROPOSED })

  const owners = await cooperativeIdsOfProducts(req.scope, [...new Set([...revised.keys(), ...proposed.keys()])])
  const items = [
    ...[...proposed.values()]
      .filter((p) => owners.has(p.id))
      .map((product) => ({ kind: "product" as const, product, revision: null, submitted_at: product.updated_at })),
    ...pending
      .filter((r) => revised.has(r.product_id) && owners.has(r.product_id))
      .map((r) => {
        const product = revised.get(r.product_id)!
        return { kind: "revision" as const, product, revision: revisionView(product, r), submitted_at: r.created_at }
      }),
  ].sort((a, b) => new Date(a.submitted_at).getTime() - new Date(b.submitted_at).getTime())

  const page = items.slice(offset, offset + limit)
  const cooperativeIds = [...new Set(page.map((i) => owners.get(i.product.id)!))]
  const cooperatives = cooperativeIds.length
    ? await (req.scope.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives(
        { id: cooperativeIds },
        { select: ["id", "handle", "name", "province", "status"] }
      )
    : []
  const byId = new Map(cooperatives.map((c) => [c.id, c]))
  res.json({
    items: page.map((item) => {
      const { images, updated_at, ...product } = item.product
      return { ...item, product: { ...product, images: (images ?? []).map((i) => ({ url: i.url })) }, cooperative: byId.get(owners.get(item.product.id)!) ?? null }
    }),
    count: items.length,
    limit,
    offset,
  })
}
