import http from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import Stripe from "stripe"
import { ORDER_GROUP_MODULE } from "../../src/modules/order-group"
import { complete, readyCart, variantsBySku } from "../checkout"
import { adminToken, bearer, call, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(300_000)

// A shopper pays by card, Stripe asks for 3-D Secure, and the shopper closes the tab before the
// storefront calls POST /store/carts/:id/complete. Stripe's signed webhook (Medusa's own route,
// /hooks/payment/stripe_stripe) is then the only news: Medusa's processPaymentWorkflow starts its
// completeCartWorkflow, which must give the same purchase as our completion. Faked: Stripe's HTTP
// server only (the real `stripe` client and Medusa's Stripe provider talk to it); the events are
// signed with the webhook secret as Stripe signs them.

type Intent = {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  currency: string
  status: string
  capture_method: string
  metadata: Record<string, string>
}
const intents = new Map<string, Intent>()
let n = 0
const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json", "request-id": "req_fake" })
  res.end(JSON.stringify(body))
}
const fakeStripe = http.createServer((req, res) => {
  let raw = ""
  req.on("data", (c) => (raw += c))
  req.on("end", () => {
    const body = Object.fromEntries(new URLSearchParams(raw))
    const url = (req.url ?? "").split("?")[0]
    if (req.method === "POST" && url === "/v1/payment_intents") {
      const metadata = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]))
      // Created before the shopper has entered a card: nothing is authorised yet.
      const intent: Intent = {
        id: `pi_fake${++n}`, object: "payment_intent", amount: Number(body.amount), amount_capturable: 0, amount_received: 0,
        currency: body.currency, status: "requires_payment_method", capture_method: body.capture_method ?? "automatic", metadata,
      }
      intents.set(intent.id, intent)
      return json(res, 200, intent)
    }
    const m = /^\/v1\/payment_intents\/([^/]+)(?:\/(capture|cancel))?$/.exec(url)
    const intent = m && intents.get(m[1])
    if (m && !intent) return json(res, 404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such payment_intent: '${m[1]}'` } })
    if (intent && m![2] === "capture") {
      if (intent.status !== "requires_capture") {
        return json(res, 400, { error: { type: "invalid_request_error", code: "payment_intent_unexpected_state", message: "not capturable", payment_intent: intent } })
      }
      Object.assign(intent, { status: "succeeded", amount_received: intent.amount_capturable, amount_capturable: 0 })
      return json(res, 200, intent)
    }
    if (intent && m![2] === "cancel") return json(res, 200, Object.assign(intent, { status: "canceled" }))
    if (intent) {
      if (req.method === "POST" && body.amount) intent.amount = Number(body.amount)
      return json(res, 200, intent)
    }
    json(res, 404, { error: { type: "invalid_request_error", message: `no fake for ${req.method} ${req.url}` } })
  })
})
const STRIPE_PORT = 30_000 + Math.floor(Math.random() * 20_000)

const ENV = { STRIPE_API_KEY: "sk_test_coopstall_webhook", STRIPE_WEBHOOK_SECRET: "whsec_coopstall_webhook" }
const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]))
Object.assign(process.env, ENV)
beforeAll(() => new Promise<void>((resolve) => fakeStripe.listen(STRIPE_PORT, "127.0.0.1", () => resolve())))
afterAll(() => {
  fakeStripe.close()
  for (const [k, v] of Object.entries(saved)) (v === undefined ? delete process.env[k] : (process.env[k] = v))
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const stripeClient = new Stripe("sk_test_unused")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regionId: string
    let sku: Record<string, string>

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      sku = await variantsBySku(api, pk)
      // Medusa's Stripe provider has no setting for Stripe's address: its client is pointed at the fake.
      const provider = (getContainer().resolve(Modules.PAYMENT) as any).paymentProviderService_.retrieveProvider("pp_stripe_stripe")
      provider.stripe_._setApiField("host", "127.0.0.1")
      provider.stripe_._setApiField("port", STRIPE_PORT)
      provider.stripe_._setApiField("protocol", "http")
    })

    /** Thanh Nam tea ×2 (270.000 ₫ with shipping) and Dafusa oil (125.000 ₫), paid by card. */
    const TWO_COOPERATIVES = () => [
      { variant_id: sku["THANHNAM-TX-200"], quantity: 2 },
      { variant_id: sku["DAFUSA-DP-500"], quantity: 1 },
    ]

    async function cardCart(lines: { variant_id: string; quantity: number }[], email: string) {
      const cartId = await readyCart(api, pk, regionId, lines, { email, provider_id: "pp_stripe_stripe" })
      const { data } = await api.get(`/store/carts/${cartId}?fields=*payment_collection.payment_sessions`, storeHeaders(pk))
      const session = data.cart.payment_collection.payment_sessions[0]
      const intent = intents.get(session.data.id)!
      expect(intent.metadata.session_id).toBe(session.id)
      return { cartId, session, intent }
    }

    /** The shopper passed 3-D Secure in Stripe's page: the card is authorised (manual capture) or charged. */
    function confirm(intent: Intent, charged = false) {
      if (charged) Object.assign(intent, { status: "succeeded", amount_received: intent.amount, amount_capturable: 0 })
      else Object.assign(intent, { status: "requires_capture", amount_capturable: intent.amount })
    }

    async function webhook(intent: Intent, type: "payment_intent.amount_capturable_updated" | "payment_intent.succeeded") {
      const payload = JSON.stringify({ id: `evt_fake${++n}`, object: "event", type, data: { object: intent } })
      const signature = stripeClient.webhooks.generateTestHeaderString({ payload, secret: ENV.STRIPE_WEBHOOK_SECRET })
      return call(api.post(`/hooks/payment/stripe_stripe`, payload, { headers: { "content-type": "application/json", "stripe-signature": signature } }))
    }

    const groupsOf = async (cartId: string) =>
      (await (getContainer().resolve(ORDER_GROUP_MODULE) as any).listOrderGroups({ cart_id: cartId })) as any[]

    /**
     * The purchase once its completion has finished: every order linked to the cart and the payment
     * authorised, which the completion does last (the purchase row itself is written earlier).
     * Medusa handles a payment webhook about 5 s after answering it.
     */
    async function purchaseOf(cartId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      for (let i = 0; i < 240; i++) {
        const groups = await groupsOf(cartId)
        if (groups.length && (await ordersOfCart(cartId)).length === groups[0].shares.length) {
          const { data } = await query.graph({ entity: "payment_collection", fields: ["payments.id"], filters: { id: groups[0].payment_collection_id } })
          if ((data[0] as any)?.payments?.length) return groups
        }
        await sleep(250)
      }
      throw new Error(`no finished purchase for cart ${cartId} 60 s after the webhook`)
    }

    /** Every order Medusa links to the cart, with its cooperative. */
    async function ordersOfCart(cartId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      const ids = data.map((l: any) => l.order_id)
      if (!ids.length) return []
      const { data: orders } = await query.graph({ entity: "order", fields: ["id", "total", "cooperative.handle", "items.quantity"], filters: { id: ids } })
      return orders as any[]
    }

    const transactionsOf = async (orderId: string) =>
      (await getContainer().resolve(Modules.ORDER).listOrderTransactions({ order_id: orderId })).map((t: any) => Number(t.amount))

    /** What a purchase consists of, without its ids: compared between the webhook's and our route's. */
    const shape = (group: any, orders: any[]) => ({
      total: Number(group.total),
      currency_code: group.currency_code,
      payment_provider_id: group.payment_provider_id,
      shares: group.shares.map((s: any) => ({
        cooperative: orders.find((o) => o.id === s.order_id)?.cooperative?.handle,
        amount: s.amount,
        method: s.method,
        collector: s.collector,
      })),
      orders: orders.map((o) => ({ cooperative: o.cooperative?.handle, total: Number(o.total) })).sort((a, b) => a.cooperative.localeCompare(b.cooperative)),
    })

    it("a card authorised after 3-D Secure, reported only by Stripe's webhook, becomes one order per cooperative and one purchase, as our completion makes it", async () => {
      // The same cart completed by the shopper's own call, as the reference.
      const reference = await cardCart(TWO_COOPERATIVES(), "the-dung-tab@example.vn")
      confirm(reference.intent)
      const done = await complete(api, pk, reference.cartId)
      expect([done.status, done.data.type]).toEqual([200, "order"])
      const [refGroup] = await groupsOf(reference.cartId)
      const refShape = shape(refGroup, await ordersOfCart(reference.cartId))

      const { cartId, session, intent } = await cardCart(TWO_COOPERATIVES(), "tab-closed@example.vn")
      expect(session.status).toBe("pending")
      confirm(intent)
      const sent = await webhook(intent, "payment_intent.amount_capturable_updated")
      expect(sent.status).toBe(200)
      const groups = await purchaseOf(cartId)
      expect(groups).toHaveLength(1)
      const orders = await ordersOfCart(cartId)
      expect(orders).toHaveLength(2)
      expect(shape(groups[0], orders)).toEqual(refShape)
      expect(refShape).toMatchObject({
        total: 395000,
        payment_provider_id: "pp_stripe_stripe",
        orders: [{ cooperative: "dafusa-phu-da", total: 125000 }, { cooperative: "htx-che-thanh-nam", total: 270000 }],
      })
      expect(refShape.shares.map((s: any) => [s.amount, s.method, s.collector])).toEqual([[270000, "stripe", "union"], [125000, "stripe", "union"]])

      // The shopper sees the purchase; its card is authorised, not yet charged; the cart is done.
      const view = await call(api.get(`/store/order-groups/${groups[0].id}`, storeHeaders(pk)))
      expect(view.status).toBe(200)
      expect(view.data.order_group.orders.map((o: any) => o.cooperative.handle)).toEqual(["htx-che-thanh-nam", "dafusa-phu-da"])
      expect(view.data.order_group.payment).toMatchObject({ status: "authorized", captured_amount: 0 })
      const { data: cart } = await api.get(`/store/carts/${cartId}?fields=id,completed_at`, storeHeaders(pk))
      expect(cart.cart.completed_at).toBeTruthy()

      // The tab comes back and completes: the same purchase, nothing new.
      const late = await complete(api, pk, cartId)
      expect(late.status).toBe(200)
      expect(late.data.order_group.id).toBe(groups[0].id)
      // Stripe repeats its event: still one purchase.
      expect((await webhook(intent, "payment_intent.amount_capturable_updated")).status).toBe(200)
      await sleep(7000)
      expect(await groupsOf(cartId)).toHaveLength(1)
      expect(await ordersOfCart(cartId)).toHaveLength(2)

      // The union captures the card: each cooperative's order records its own share, as after our completion.
      const admin = await adminToken(api)
      const paid = await call(api.post(`/admin/order-groups/${groups[0].id}/mark-paid`, {}, bearer(admin)))
      expect([paid.status, paid.data.captured]).toEqual([200, true])
      expect(intent.status).toBe("succeeded")
      const byCoop = Object.fromEntries(orders.map((o) => [o.cooperative.handle, o.id]))
      expect(await transactionsOf(byCoop["htx-che-thanh-nam"])).toEqual([270000])
      expect(await transactionsOf(byCoop["dafusa-phu-da"])).toEqual([125000])
    })

    it("a card charged at once (payment_intent.succeeded) completes a single-cooperative cart: one order, captured, its transaction recorded", async () => {
      const { cartId, intent } = await cardCart([{ variant_id: sku["DAFUSA-DP-500"], quantity: 2 }], "mot-htx@example.vn")
      confirm(intent, true)
      expect((await webhook(intent, "payment_intent.succeeded")).status).toBe(200)
      const [group] = await purchaseOf(cartId)
      const orders = await ordersOfCart(cartId)
      expect(orders.map((o) => o.cooperative.handle)).toEqual(["dafusa-phu-da"])
      expect(group.shares).toEqual([expect.objectContaining({ order_id: orders[0].id, amount: Number(group.total), method: "stripe", collector: "union" })])
      // Captured by Medusa before completion; the order records the capture once (the completion's last step).
      for (let i = 0; i < 40 && !(await transactionsOf(orders[0].id)).length; i++) await sleep(250)
      const view = await call(api.get(`/store/order-groups/${group.id}`, storeHeaders(pk)))
      expect(view.data.order_group.payment).toMatchObject({ status: "completed", captured_amount: Number(group.total) })
      expect(await transactionsOf(orders[0].id)).toEqual([Number(group.total)])
    })

    it("the shopper's completion and Stripe's webhook at the same moment make one purchase; the loser answers it", async () => {
      const { cartId, intent } = await cardCart(TWO_COOPERATIVES(), "cung-luc@example.vn")
      confirm(intent)
      // Both wait on the cart's lock, held here until both are queued, then race for it.
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(cartId, { ownerId: "test", expire: 60 })
      expect((await webhook(intent, "payment_intent.amount_capturable_updated")).status).toBe(200)
      const shopper = complete(api, pk, cartId)
      await sleep(7000) // the webhook is being handled (5 s delay) and waits for the lock as well
      await locking.release(cartId, { ownerId: "test" })
      const answer = await shopper
      expect([answer.status, answer.data.type]).toEqual([200, "order"])
      const groups = await purchaseOf(cartId)
      await sleep(3000) // the webhook's completion, if it came second, has finished too
      expect(await groupsOf(cartId)).toHaveLength(1)
      expect(answer.data.order_group.id).toBe(groups[0].id)
      const orders = await ordersOfCart(cartId)
      expect(orders.map((o) => o.cooperative.handle).sort()).toEqual(["dafusa-phu-da", "htx-che-thanh-nam"])
      expect(groups[0].shares.map((s: any) => s.amount)).toEqual([270000, 125000])
    })
  },
})
