import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE, type CooperativeModuleService } from "../modules/cooperative"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService } from "../modules/cooperative-return"
import { znsPhone } from "./zns"

export type Recipient = { to: string; audience: "shopper" | "staff"; resource_type?: string; resource_id?: string }

/**
 * The Zalo phone (84xxxxxxxxx) of each recipient who gave one, by email address, read in a few
 * queries for a whole batch:
 * - cooperative staff: the phone on their staff account;
 * - shoppers: the phone on their customer account, else the phone of the delivery address of the
 *   order the message is about (a guest gives one at checkout, and that is whom the carrier calls).
 * Numbers that are not Vietnamese mobiles are left out (those people get email).
 */
export async function phonesOf(container: MedusaContainer, recipients: Recipient[]): Promise<Map<Recipient, string>> {
  const found = new Map<Recipient, string>()
  const staff = recipients.filter((r) => r.audience === "staff")
  const shoppers = recipients.filter((r) => r.audience === "shopper")

  if (staff.length) {
    const users = await container.resolve<CooperativeModuleService>(COOPERATIVE_MODULE).listCooperativeUsers({ email: [...new Set(staff.map((r) => r.to))] }, { select: ["email", "phone"] })
    const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), znsPhone(u.phone)]))
    for (const r of staff) {
      const phone = byEmail.get(r.to.toLowerCase())
      if (phone) found.set(r, phone)
    }
  }
  if (!shoppers.length) return found

  const customers = await container.resolve(Modules.CUSTOMER).listCustomers({ email: [...new Set(shoppers.map((r) => r.to))], has_account: true }, { select: ["email", "phone"] })
  const accountPhone = new Map(customers.map((c) => [c.email.toLowerCase(), znsPhone(c.phone)]))
  const rest: Recipient[] = []
  for (const r of shoppers) {
    const phone = accountPhone.get(r.to.toLowerCase())
    if (phone) found.set(r, phone)
    else rest.push(r)
  }
  if (!rest.length) return found

  // The order each remaining message is about: itself, the purchase's first order, or the return's.
  const orderIdOf = new Map<Recipient, string>()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const groupIds = rest.filter((r) => r.resource_type === "order_group" && r.resource_id).map((r) => r.resource_id!)
  const returnIds = rest.filter((r) => r.resource_type === "cooperative_return" && r.resource_id).map((r) => r.resource_id!)
  type Group = { id: string; shares?: { order_id: string }[] | null }
  const [groups, returns]: [Group[], { id: string; order_id: string }[]] = await Promise.all([
    groupIds.length ? query.graph({ entity: "order_group", fields: ["id", "shares"], filters: { id: groupIds } }).then((x) => x.data as unknown as Group[]) : [],
    returnIds.length ? container.resolve<CooperativeReturnModuleService>(COOPERATIVE_RETURN_MODULE).listCooperativeReturns({ id: returnIds }, { select: ["id", "order_id"] }) : [],
  ])
  for (const r of rest) {
    if (r.resource_type === "order" && r.resource_id) orderIdOf.set(r, r.resource_id)
    const group = r.resource_type === "order_group" ? groups.find((g) => g.id === r.resource_id) : null
    if (group?.shares?.[0]?.order_id) orderIdOf.set(r, group.shares[0].order_id)
    const ret = r.resource_type === "cooperative_return" ? returns.find((x) => x.id === r.resource_id) : null
    if (ret) orderIdOf.set(r, ret.order_id)
  }
  const orderIds = [...new Set(orderIdOf.values())]
  if (!orderIds.length) return found
  const { data } = await query.graph({ entity: "order", fields: ["id", "email", "shipping_address.phone"], filters: { id: orderIds } })
  const orders = data as unknown as { id: string; email?: string | null; shipping_address?: { phone?: string | null } | null }[]
  for (const [r, orderId] of orderIdOf) {
    const order = orders.find((o) => o.id === orderId)
    // Only the order's own shopper: the address phone is theirs to have given.
    const phone = order && order.email?.toLowerCase() === r.to.toLowerCase() ? znsPhone(order.shipping_address?.phone) : null
    if (phone) found.set(r, phone)
  }
  return found
}
