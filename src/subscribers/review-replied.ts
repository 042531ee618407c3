import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { REVIEW_MODULE, ReviewModuleService } from "../modules/review"
import { storefrontUrl } from "../notifications/config"
import { orderForMessage, shopperLocale, shopperOrderUrl } from "../notifications/orders"
import { sendEmails } from "../notifications/send"
import { REVIEW_REPLIED } from "../workflows/review/reply-to-review"

/**
 * A cooperative answered a shopper's review (once per review, so the key needs no more than the
 * review and the recipient): the shopper reads the answer, with a link to the product's page.
 */
export default async function announceReviewReply({ event, container }: SubscriberArgs<{ id: string; cooperative_id: string }>) {
  const [review] = await container.resolve<ReviewModuleService>(REVIEW_MODULE).listShopperReviews({ id: event.data.id })
  if (!review?.reply) return
  const order = await orderForMessage(container, review.order_id)
  if (!order?.email) return
  const product = review.product_id
    ? (await container.resolve(Modules.PRODUCT).listProducts({ id: review.product_id }, { select: ["id", "title", "handle"] }))[0]
    : null
  const cooperativeName = order.cooperative?.name ?? ""
  await sendEmails(container, [
    {
      to: order.email,
      template: "review-replied",
      data: {
        cooperative_name: cooperativeName,
        subject_title: product?.title ?? cooperativeName,
        review_title: review.title,
        reply: review.reply,
        // The storefront starter's product page; a review of the cooperative itself links to the order it was written from.
        url: product ? `${storefrontUrl()}/vn/products/${product.handle}` : shopperOrderUrl(order.id),
      },
      locale: shopperLocale(order),
      idempotency_key: `${event.name}:${review.id}:${order.email}`,
      resource_id: review.id,
      resource_type: "shopper_review",
      receiver_id: review.customer_id,
    },
  ])
}

export const config: SubscriberConfig = { event: REVIEW_REPLIED, context: { subscriberId: "review-replied-email" } }
