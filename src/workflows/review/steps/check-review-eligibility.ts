import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError, notFound, ErrorTypes } from "../../../lib/errors"
import { cooperativeIdsOfProducts } from "../../cooperative/read/ownership"
import { REVIEW_MODULE, ReviewModuleService, ReviewSubject } from "../../../modules/review"

export type CreateReviewInput = {
  customer_id: string
  order_id: string
  subject_type: ReviewSubject
  /** product id or cooperative id */
  subject_id: string
  rating: number
  title: string
  body: string
  photo_urls?: string[]
}

export type ReviewDraft = CreateReviewInput & { product_id: string | null; cooperative_id: string | null; author_name: string }

/**
 * Only a buyer who received the item may review it: the order is the caller's, not canceled, and
 * the product (or a product of the cooperative) sits in a fulfillment marked delivered. Works on
 * plain Medusa orders, items and fulfillments, whether an order holds one cooperative or several.
 */
export const checkReviewEligibilityStep = createStep("check-review-eligibility", async (input: CreateReviewInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id", "customer_id", "status",
      "items.id", "items.product_id", "items.product_title",
      "fulfillments.id", "fulfillments.delivered_at", "fulfillments.canceled_at", "fulfillments.items.line_item_id",
    ],
    filters: { id: input.order_id },
  })
  // Someone else's order looks exactly like an unknown one.
  if (!order || order.customer_id !== input.customer_id) throw notFound("Order", input.order_id)
  if (order.status === "canceled") throw new CoopstallError(ErrorTypes.CONFLICT, "order_canceled", "This order was canceled; there is nothing to review.")

  const items = (order.items ?? []).filter((i) => i !== null)
  const delivered = new Set<string>()
  for (const f of order.fulfillments ?? []) {
    if (!f?.delivered_at || f.canceled_at) continue
    for (const fi of f.items ?? []) if (fi.line_item_id) delivered.add(fi.line_item_id)
  }
  const owners = await cooperativeIdsOfProducts(container, [...new Set(items.map((i) => i.product_id).filter((id): id is string => !!id))])

  let product_id: string | null = null
  let cooperative_id: string | null
  if (input.subject_type === "product") {
    const bought = items.filter((i) => i.product_id === input.subject_id)
    if (!bought.length) throw new CoopstallError(ErrorTypes.FORBIDDEN, "not_purchased", "This product is not part of the order; only its buyers can review it.")
    if (!bought.some((i) => delivered.has(i.id))) {
      throw new CoopstallError(ErrorTypes.CONFLICT, "not_delivered", "This product has not been delivered yet; it can be reviewed once it has arrived.")
    }
    product_id = input.subject_id
    cooperative_id = owners.get(input.subject_id) ?? null
  } else {
    const sold = items.filter((i) => owners.get(i.product_id ?? "") === input.subject_id)
    if (!sold.length) throw new CoopstallError(ErrorTypes.FORBIDDEN, "not_purchased", "This cooperative sold nothing in the order; only its buyers can review it.")
    if (!sold.some((i) => delivered.has(i.id))) {
      throw new CoopstallError(ErrorTypes.CONFLICT, "not_delivered", "Nothing from this cooperative has been delivered yet; it can be reviewed once it has arrived.")
    }
    cooperative_id = input.subject_id
  }

  const reviews: ReviewModuleService = container.resolve(REVIEW_MODULE)
  const [existing] = await reviews.listShopperReviews(
    { order_id: input.order_id, subject_type: input.subject_type, subject_id: input.subject_id },
    { select: ["id"] }
  )
  if (existing) throw alreadyReviewed()

  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { select: ["first_name", "last_name"] })
  const draft: ReviewDraft = { ...input, product_id, cooperative_id, author_name: authorName(customer) }
  return new StepResponse(draft)
})

export const alreadyReviewed = () =>
  new CoopstallError(ErrorTypes.CONFLICT, "already_reviewed", "This order's item (or cooperative) has already been reviewed; each is reviewed once per order.")

/** "Nguyễn Minh" → "Minh N.": enough to be human, not enough to identify. */
function authorName(customer?: { first_name?: string | null; last_name?: string | null }): string {
  const first = customer?.first_name?.trim()
  const last = customer?.last_name?.trim()
  if (!first && !last) return "Khách hàng"
  return [first || last, first && last ? `${[...last][0]}.` : null].filter(Boolean).join(" ")
}
