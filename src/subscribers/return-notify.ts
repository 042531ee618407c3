import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { notifyCooperativeOwners } from "../notifications/notify-owners"
import { COOPERATIVE_RETURN_MODULE, CooperativeReturnModuleService } from "../modules/cooperative-return"
import { orderForMessage, shopperLocale, shopperOrderUrl } from "../notifications/orders"
import { sendEmails } from "../notifications/send"
import { RETURN_EVENTS, type ReturnEventData } from "../workflows/return/events"

type Stage = keyof typeof RETURN_EVENTS
const stageOf = (name: string) => (Object.keys(RETURN_EVENTS) as Stage[]).find((k) => RETURN_EVENTS[k] === name)

/** The shopper hears every change after their request (which they made themselves). */
const SHOPPER_TEMPLATE: Partial<Record<Stage, string>> = {
  accepted: "return-accepted",
  refused: "return-refused",
  escalated: "return-escalated",
  decided: "return-decided",
  received: "return-received",
  refunded: "return-refunded",
}

/**
 * coopstall.return.* (docs/returns.md): the shopper hears each answer, the cooperative's staff a new
 * request and the union's decision, the union's admins an escalation. Keys name the event, the
 * return and the recipient: each change happens once per return, so a redelivery sends nothing.
 */
export default async function announceReturnChange({ event, container }: SubscriberArgs<ReturnEventData>) {
  const stage = stageOf(event.name)
  const r = event.data
  const order = stage ? await orderForMessage(container, r.order_id) : null
  if (!stage || !order) return
  const key = `${event.name}:${r.id}`
  const facts = { cooperative_name: order.cooperative?.name ?? "", display_id: order.display_id, amount: Number(r.amount), note: r.note ?? null }
  const sends: Promise<unknown>[] = []

  const shopperTemplate = SHOPPER_TEMPLATE[stage]
  if (shopperTemplate && order.email) {
    sends.push(
      sendEmails(container, [
        {
          to: order.email,
          template: shopperTemplate,
          data: { ...facts, decision: r.decision ?? null, url: shopperOrderUrl(order.id) },
          locale: shopperLocale(order),
          idempotency_key: `${key}:${order.email}`,
          resource_id: r.id,
          resource_type: "cooperative_return",
          receiver_id: r.customer_id,
        },
      ])
    )
  }

  if (stage === "requested" || stage === "decided") {
    // The request's payload carries no note: the shopper's reason is on the return.
    const note =
      stage === "requested"
        ? ((await container.resolve<CooperativeReturnModuleService>(COOPERATIVE_RETURN_MODULE).listCooperativeReturns({ id: r.id }, { select: ["reason"] }))[0]?.reason ?? null)
        : facts.note
    sends.push(
      notifyCooperativeOwners(container, r.cooperative_id, {
        template: stage === "requested" ? "cooperative-return-requested" : "cooperative-return-decided",
        resource_id: r.id,
        resource_type: "cooperative_return",
        everyone: true,
        idempotency_key: key,
        data: { display_id: order.display_id, amount: facts.amount, note, decision: r.decision ?? null, order_id: order.id },
      })
    )
  }

  if (stage === "escalated") {
    const admins = await container.resolve(Modules.USER).listUsers({}, { select: ["id", "email", "metadata"] })
    sends.push(
      sendEmails(
        container,
        admins.map((admin) => ({
          to: admin.email,
          template: "admin-return-escalated",
          data: { ...facts, order_id: order.id },
          locale: (admin.metadata as Record<string, unknown> | null)?.locale as string | undefined,
          idempotency_key: `${key}:${admin.email}`,
          resource_id: r.id,
          resource_type: "cooperative_return",
          receiver_id: admin.id,
        }))
      )
    )
  }

  const failed = (await Promise.allSettled(sends)).find((x): x is PromiseRejectedResult => x.status === "rejected")
  if (failed) throw failed.reason
}

export const config: SubscriberConfig = { event: Object.values(RETURN_EVENTS), context: { subscriberId: "return-notify-email" } }
