import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getOrdersListWorkflow } from "@medusajs/medusa/core-flows"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { purchaseOrders, purchasesOf, withPublicFulfillments } from "./helpers"

/** Order fields a history can be sorted by: columns of the order itself, the same on every order of a purchase. */
const SORTABLE = new Set(["id", "display_id", "created_at", "updated_at", "status", "email", "currency_code"])

// Replaces Medusa's GET /store/orders (project routes are registered last), in its shape and with its
// `fields`, filters and pagination. The history has one entry per purchase, the same combined order
// GET /store/orders/:id answers (docs/storefront/orders.md); `count` counts entries.
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { skip = 0, take = 50, order } = (req.queryConfig.pagination ?? {}) as { skip?: number; take?: number; order?: Record<string, unknown> }
  const sortedBy = order && Object.keys(order).length ? order : { created_at: "DESC" }
  const unsortable = Object.keys(sortedBy).find((k) => !SORTABLE.has(k))
  if (unsortable) {
    throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", `Orders can be sorted by ${[...SORTABLE].join(", ")}; not by ${unsortable}.`, [
      { path: "order", message: "not sortable" },
    ])
  }

  // Every order of the customer, ids only (a shopper's history is small), folded into entries.
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: rows } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { ...req.filterableFields, is_draft_order: false, customer_id: req.auth_context.actor_id },
    pagination: { order: { ...sortedBy, id: "ASC" } },
  })
  const ids = (rows as { id: string }[]).map((r) => r.id)
  const purchaseOf = await purchasesOf(req.scope, ids)
  const entries: string[] = []
  const seen = new Set<string>()
  for (const id of ids) {
    const key = purchaseOf.get(id)?.id ?? id
    if (seen.has(key)) continue
    seen.add(key)
    entries.push(id)
  }
  const page = entries.slice(skip, skip + take)

  const purchases = [...new Map(page.filter((id) => purchaseOf.has(id)).map((id) => [purchaseOf.get(id)!.id, purchaseOf.get(id)!])).values()]
  const single = page.filter((id) => !purchaseOf.has(id))
  const [combined, singles] = await Promise.all([
    purchaseOrders(req.scope, purchases, req.queryConfig.fields, { list: true }),
    single.length
      ? getOrdersListWorkflow(req.scope)
          .run({ input: { fields: req.queryConfig.fields, variables: { filters: { id: single } } } })
          .then(({ result }) => {
            // Medusa's list workflow answers `{ rows, metadata }` when paginated, the rows alone otherwise.
            const rows = "rows" in result ? result.rows : result
            return new Map<unknown, unknown>(rows.map((o) => [o.id, withPublicFulfillments(o)]))
          })
      : Promise.resolve(new Map<unknown, unknown>()),
  ])
  res.json({
    orders: page.map((id) => (purchaseOf.has(id) ? combined.get(purchaseOf.get(id)!.id) : singles.get(id))).filter(Boolean),
    count: entries.length,
    offset: skip,
    limit: take,
  })
}
