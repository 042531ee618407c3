import http from "node:http"
import fc from "fast-check"
import Stripe from "stripe"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { lastEndedPeriod } from "../../src/modules/payout/period"
import { hmacSha256 } from "../../src/lib/webhook-signature"
import { COOPERATIVE_RETURN_MODULE } from "../../src/modules/cooperative-return"
import { LEDGER_MODULE } from "../../src/modules/ledger"
import { ORDER_GROUP_MODULE } from "../../src/modules/order-group"
import { complete, readyCart, variantsBySku } from "../checkout"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"
import { PNG } from "../notifications"
import { routeFiles } from "../route-files"
import { useEnv } from "../env"

// Issue 13, point 7: one invariant of the money, tested by a machine (docs/money/invariant.md).
//
// fast-check generates sequences of what happens to money on the marketplace, across four demo
// cooperatives: purchases (one cart over 1–3 cooperatives, cash on delivery or VietQR), transfers
// marked paid (by the union or by the bank's signed notice), cancellations, admin refunds of random
// amounts (also over the cap), packing/shipping/delivery, failed deliveries, returns of delivered
// items by a signed-in shopper (request → accept → receive, which refunds), COD remittances, the
// cooperative's COD collector setting, payout runs, payouts marked paid or failed, Stripe transfer
// events (settled, partially or fully reversed) — in random order, some groups of 2–3 at the same
// moment (Promise.all). Each sequence starts from the seeded database (restored from the runner's
// template) and everything goes through HTTP against the real app; only Stripe's HTTP server is faked.
//
// After each sequence, to the đồng (the terms, and why each is read where it is: docs/money/invariant.md):
//
//   RECEIVED + CASH_KEPT = REFUNDED + COMMISSION + PAID_OUT + CASH_KEPT + OWED_NET + HELD − UNCOLLECTED + RETURN_COSTS
//
//   RECEIVED     Σ captures in the payment module: transfers marked paid, and carriers' COD
//                remittances (each captures its order's share; a COD purchase's captures must equal
//                its remittances);
//   CASH_KEPT    the share of every delivered order whose cash the cooperative's own carrier took at
//                the door (collector "cooperative"): a fact of the world, counted from the deliveries,
//                not from the ledger; it appears on both sides because that cash never reaches the union;
//   REFUNDED     Σ refunds in the payment module;
//   COMMISSION   −Σ commission lines of the ledger: the union's part;
//   PAID_OUT     what cooperatives were paid as the world knows it: every payout not failed, less
//                what Stripe reversed of it (the fake Stripe's own running total), pending ones too;
//   OWED_NET     Σ of every ledger line of every cooperative: what is owed to them − what they owe;
//   HELD         for union-collected orders paid in (captured, or remitted) and neither delivered nor
//                canceled: paid in − refunded (the union holds it until delivery or refund);
//   UNCOLLECTED  sale and shipping lines booked for delivered union-collected orders whose money is
//                not in yet (a ledger may book them pending; the union holds nothing for them);
//   RETURN_COSTS return shipping of failed deliveries of union-collected cash on delivery, which the
//                union's carrier charged and the cooperative bears (FAILED_DELIVERY_COST_BEARER
//                default); for every other order the cooperative paid its own carrier.
//
// The same identity is also computed order by order (its lines, its refunds, where its money sits),
// which names the orders a broken total comes from. Beside it: no order is refunded beyond its share
// (refunds attributed by metadata.order_id, or the purchase's only order; a refund of a purchase of
// several cooperatives that names none is a failure); a purchase's refunds never pass its captures;
// and every payout is at most what was collected and available for its cooperative at the run's
// cutoff (its ledger lines available then, without the lines of orders whose money was not in).
//
// Every answer must be < 500 (a 5xx fails the property) and 401/403 means the harness is broken.
// MONEY_RUNS sequences (default 4), MONEY_SEED replays one, MONEY_STEPS bounds a sequence's length,
// MONEY_SKIP=op,op leaves operations out, MONEY_SHRINK=0 stops at the first failure,
// MONEY_TIME_LIMIT_S bounds the whole run with its shrinking (default 1500 s).

jest.setTimeout(3_600_000)

// ---- fake Stripe (Connect transfers only) -----------------------------------------------------------

// ---- fake Stripe: Connect transfers, and the payment intents of shoppers paying by card -----------

type FakeTransfer = { id: string; key: string; amount: number; destination: string; reversed: number }
type FakeIntent = { id: string; object: "payment_intent"; amount: number; currency: string; status: string; amount_received: number; refunded: number; metadata: Record<string, string> }
const stripeState = { transfers: new Map<string, FakeTransfer>(), refused: new Set<string>(), intents: new Map<string, FakeIntent>(), n: 0 }
const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json", "request-id": "req_fake" })
  res.end(JSON.stringify(body))
}
/** The shopper confirmed the card in the storefront: every intent waits for capture (manual capture). */
function fakeIntents(req: http.IncomingMessage, res: http.ServerResponse, body: Record<string, string>): boolean {
  const url = (req.url ?? "").split("?")[0]
  // A signed-in shopper paying by card first becomes a Stripe customer (Medusa's account holder).
  if (req.method === "POST" && url === "/v1/customers") {
    json(res, 200, { id: `cus_fake${++stripeState.n}`, object: "customer", email: body.email ?? null, metadata: {} })
    return true
  }
  if (req.method === "POST" && url === "/v1/payment_intents") {
    const metadata = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]))
    const intent: FakeIntent = { id: `pi_fake${++stripeState.n}`, object: "payment_intent", amount: Number(body.amount), currency: body.currency, status: "requires_capture", amount_received: 0, refunded: 0, metadata }
    stripeState.intents.set(intent.id, intent)
    json(res, 200, intent)
    return true
  }
  const m = /^\/v1\/payment_intents\/([^/]+)(?:\/(capture|cancel))?$/.exec(url)
  if (m) {
    const intent = stripeState.intents.get(m[1])
    if (!intent) return json(res, 404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such payment_intent: '${m[1]}'` } }), true
    if (m[2] === "capture") {
      if (intent.status !== "requires_capture") return json(res, 400, { error: { type: "invalid_request_error", code: "payment_intent_unexpected_state", message: "not capturable", payment_intent: intent } }), true
      intent.status = "succeeded"
      intent.amount_received = body.amount_to_capture ? Number(body.amount_to_capture) : intent.amount
    } else if (m[2] === "cancel") intent.status = "canceled"
    else if (req.method === "POST" && body.amount) intent.amount = Number(body.amount)
    json(res, 200, intent)
    return true
  }
  if (req.method === "POST" && url === "/v1/refunds") {
    const intent = stripeState.intents.get(body.payment_intent)
    const amount = Number(body.amount)
    if (!intent || intent.status !== "succeeded" || intent.refunded + amount > intent.amount_received) {
      return json(res, 400, { error: { type: "invalid_request_error", code: "amount_too_large", message: "Refund amount is greater than the charge's unrefunded amount" } }), true
    }
    intent.refunded += amount
    json(res, 200, { id: `re_fake${++stripeState.n}`, object: "refund", amount, payment_intent: intent.id, status: "succeeded" })
    return true
  }
  return false
}
const fakeStripe = http.createServer((req, res) => {
  let raw = ""
  req.on("data", (c) => (raw += c))
  req.on("end", () => {
    if (fakeIntents(req, res, Object.fromEntries(new URLSearchParams(raw)))) return
    if (req.method !== "POST" || req.url !== "/v1/transfers") {
      res.writeHead(404, { "content-type": "application/json" })
      return res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `no fake for ${req.method} ${req.url}` } }))
    }
    const body = Object.fromEntries(new URLSearchParams(raw))
    const key = String(req.headers["idempotency-key"] ?? "")
    if (stripeState.refused.has(body.destination)) {
      res.writeHead(400, { "content-type": "application/json", "request-id": "req_fake_refused" })
      return res.end(JSON.stringify({ error: { type: "invalid_request_error", code: "resource_missing", message: `No such destination: '${body.destination}'` } }))
    }
    const payoutId = body["metadata[payout_id]"]
    let transfer = stripeState.transfers.get(payoutId)
    if (!transfer) {
      transfer = { id: `tr_${key.slice(-12)}`, key, amount: Number(body.amount), destination: body.destination, reversed: 0 }
      stripeState.transfers.set(payoutId, transfer)
    }
    res.writeHead(200, { "content-type": "application/json", "request-id": "req_fake" })
    res.end(JSON.stringify({ id: transfer.id, object: "transfer", amount: transfer.amount, currency: body.currency, destination: transfer.destination, metadata: { payout_id: payoutId } }))
  })
})
const STRIPE_PORT = 30_000 + Math.floor(Math.random() * 20_000)

const ENV = {
  VIETQR_BANK_BIN: "970415",
  VIETQR_ACCOUNT_NUMBER: "113366668888",
  VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH",
  VIETQR_WEBHOOK_SECRET: "bank-notify-secret",
  STRIPE_API_KEY: "sk_test_coopstall_money",
  STRIPE_API_BASE_URL: `http://127.0.0.1:${STRIPE_PORT}`,
  STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_money_invariant",
  STRIPE_WEBHOOK_SECRET: "whsec_money_payments",
  // Delivered sales are payable at once; a payout run moves the clock a week on and pays the week that ended.
  LEDGER_HOLD_DAYS: "0",
  PAYOUT_MIN_AMOUNT: "1",
  PAYOUT_PERIOD: "week",
  COMMISSION_DEFAULT_BPS: "",
  // Longer than a payout run's week, so returns also come after payouts.
  RETURN_WINDOW_DAYS: "30",
  RETURN_COMMISSION_KEPT_PERCENT: "",
}
useEnv(ENV)
beforeAll(() => new Promise<void>((resolve) => fakeStripe.listen(STRIPE_PORT, "127.0.0.1", () => resolve())))
afterAll(() => {
  fakeStripe.close()
})

// ---- the operations -------------------------------------------------------------------------------

const COOPS = ["dafusa-phu-da", "htx-che-thanh-nam", "htx-che-da-hen", "htx-dat-to-seed"] as const
/** Two cheap products each, so stock never runs out within a sequence. */
const SKUS: Record<string, string[]> = {
  "dafusa-phu-da": ["DAFUSA-DP-500", "DAFUSA-DPT-500"],
  "htx-che-thanh-nam": ["THANHNAM-TX-200", "THANHNAM-HT-25"],
  "htx-che-da-hen": ["DAHEN-CB-200", "DAHEN-MC-100"],
  "htx-dat-to-seed": ["DATTO-HL-500", "DATTO-KL-2000"],
}
/** Paid by Stripe Connect transfers (the others by bank transfer). */
const STRIPE_ACCOUNTS: Record<string, string> = { "htx-che-thanh-nam": "acct_1MoneyThanhNam", "htx-che-da-hen": "acct_1MoneyDaHen" }

type Method = "cod" | "vietqr" | "stripe"
type Op =
  | { op: "purchase"; coops: number[]; qty: number[]; method: Method; shopper: "guest" | "customer" }
  | { op: "pay"; purchase: number; via: "admin" | "bank"; anyMethod: boolean }
  | { op: "cancel"; order: number }
  | { op: "refund"; order: number; permille: number }
  | { op: "medusaRefund"; purchase: number; permille: number }
  | { op: "progress"; order: number; steps: number }
  | { op: "failDelivery"; order: number; cost: number; anyOrder: boolean }
  | { op: "remit"; order: number; exact: boolean; anyOrder: boolean }
  | { op: "collector"; coop: number; collector: "cooperative" | "union" | null }
  | { op: "payoutRun" }
  | { op: "settlePayout"; payout: number; outcome: "paid" | "failed" }
  | { op: "reverse"; payout: number; permille: number }
  | { op: "stripeRefuses"; coop: number; refuse: boolean }
  | { op: "return"; order: number; qty: number; steps: number; anyOrder: boolean }

const has = (() => {
  const routes = routeFiles()
  return (method: string, template: string) => routes.some((r) => r.method === method && r.template === template)
})()
/** Which operations exist on this tree (the routes other pieces of issue 13 add are detected by their files). */
const AVAILABLE: Record<Op["op"], boolean> = {
  purchase: true,
  pay: true,
  cancel: true,
  refund: true,
  medusaRefund: true, // Medusa's own POST /admin/payments/:id/refund
  progress: true,
  failDelivery: has("POST", "/vendor/orders/[id]/fulfillments/[fulfillment_id]/fail-delivery"),
  remit: has("POST", "/admin/cod-remittances"),
  collector: has("POST", "/admin/cooperatives/[id]/cod-collector"),
  payoutRun: true,
  settlePayout: true,
  reverse: true,
  stripeRefuses: true,
  return: has("POST", "/store/orders/[id]/returns"),
}
const SKIPPED = new Set((process.env.MONEY_SKIP ?? "").split(",").map((s) => s.trim()).filter(Boolean))
const ENABLED = (Object.keys(AVAILABLE) as Op["op"][]).filter((k) => AVAILABLE[k] && !SKIPPED.has(k))
const on = (k: Op["op"]) => ENABLED.includes(k)

const idx = fc.nat({ max: 40 })
/** Most operations aim where they can do something; one in four takes any order, where they mostly must be refused. */
const oneInFour = fc.integer({ min: 0, max: 3 }).map((n) => n === 0)
const purchaseOp: fc.Arbitrary<Op> = fc
  .record({
    coops: fc.uniqueArray(fc.nat({ max: COOPS.length - 1 }), { minLength: 1, maxLength: 3 }),
    qty: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
    method: fc.constantFrom<Method>("cod", "cod", "vietqr", "stripe"),
    // A guest's order cannot be returned (no account to ask from): most purchases are signed in.
    shopper: fc.constantFrom<"guest" | "customer">("guest", "customer", "customer"),
  })
  .map((r) => ({ op: "purchase" as const, ...r }))
const weighted: [number, Op["op"], fc.Arbitrary<Op>][] = [
  [2, "purchase", purchaseOp],
  [4, "pay", fc.record({ purchase: idx, via: fc.constantFrom<"admin" | "bank">("admin", "bank"), anyMethod: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) }).map((r) => ({ op: "pay" as const, ...r }))],
  [2, "cancel", idx.map((order) => ({ op: "cancel" as const, order }))],
  [2, "refund", fc.record({ order: idx, permille: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1001, max: 2000 })) }).map((r) => ({ op: "refund" as const, ...r }))],
  [1, "medusaRefund", fc.record({ purchase: idx, permille: fc.integer({ min: 1, max: 1500 }) }).map((r) => ({ op: "medusaRefund" as const, ...r }))],
  [8, "progress", fc.record({ order: idx, steps: fc.constantFrom(1, 2, 3, 3) }).map((r) => ({ op: "progress" as const, ...r }))],
  [2, "failDelivery", fc.record({ order: idx, cost: fc.constantFrom(0, 15_000, 30_000, 45_000), anyOrder: oneInFour }).map((r) => ({ op: "failDelivery" as const, ...r }))],
  [3, "remit", fc.record({ order: idx, exact: fc.boolean(), anyOrder: oneInFour }).map((r) => ({ op: "remit" as const, ...r }))],
  [1, "collector", fc.record({ coop: fc.nat({ max: COOPS.length - 1 }), collector: fc.constantFrom<"cooperative" | "union" | null>("cooperative", "union", null) }).map((r) => ({ op: "collector" as const, ...r }))],
  [2, "settlePayout", fc.record({ payout: idx, outcome: fc.constantFrom<"paid" | "failed">("paid", "paid", "failed") }).map((r) => ({ op: "settlePayout" as const, ...r }))],
  [2, "reverse", fc.record({ payout: idx, permille: fc.integer({ min: 1, max: 1000 }) }).map((r) => ({ op: "reverse" as const, ...r }))],
  [1, "stripeRefuses", fc.record({ coop: fc.constantFrom(1, 2), refuse: fc.boolean() }).map((r) => ({ op: "stripeRefuses" as const, ...r }))],
  [4, "return", fc.record({ order: idx, qty: fc.integer({ min: 1, max: 3 }), steps: fc.constantFrom(1, 2, 3, 3, 3), anyOrder: oneInFour }).map((r) => ({ op: "return" as const, ...r }))],
]
const anyOp = fc.oneof(...weighted.filter(([, k]) => on(k)).map(([weight, , arbitrary]) => ({ weight, arbitrary })))
/** One step: one operation, 2–3 at the same moment, or a payout run (once, or twice at once: nothing else runs beside it). */
const step: fc.Arbitrary<Op[]> = fc.oneof(
  { weight: 6, arbitrary: anyOp.map((o) => [o]) },
  { weight: 2, arbitrary: fc.array(anyOp, { minLength: 2, maxLength: 3 }) },
  { weight: on("payoutRun") ? 3 : 0, arbitrary: fc.constantFrom<Op[]>([{ op: "payoutRun" }], [{ op: "payoutRun" }, { op: "payoutRun" }]) }
)
const MAX_STEPS = Number(process.env.MONEY_STEPS ?? 24)
const collectorOp = weighted.find(([, k]) => k === "collector")![2]
/** Some cooperatives' collector set first (so union-collected cash on delivery happens), 1–3 purchases, then the steps. */
const sequence = fc
  .tuple(
    on("collector") ? fc.array(collectorOp, { maxLength: 2 }) : fc.constant([] as Op[]),
    fc.array(purchaseOp, { minLength: 1, maxLength: 3 }),
    // Long enough to reach payouts, and free to shrink to six steps (a readable counterexample).
    fc.array(step, { minLength: 6, maxLength: MAX_STEPS, size: "medium" })
  )
  .map(([collectors, purchases, steps]) => [...collectors.map((c) => [c]), ...purchases.map((p) => [p]), ...steps])

// ---- the test ---------------------------------------------------------------------------------

type OrderState = { n: number; shipped?: boolean; delivered?: boolean; returnId?: string; id: string; display_id: number; handle: string; coop_id: string; share: number; method: Method; collector: string; purchase: PurchaseState; failed?: { cost: number } }
type PurchaseState = { id: string; total: number; reference: string; method: Method; orders: OrderState[]; payment_id?: string; signedIn: boolean }
type Problem = string

const DAY = 86_400_000
const SHOPPER = { email: "lan.tra@example.vn", password: "mat-khau-lan-1" }
const orderLabel = (o: OrderState) => `order#${o.n}(${o.handle.replace(/^htx-/, "")}, ${o.method}/${o.collector}, share ${o.share})`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbUtils, utils }: any) => {
    let pk: string
    let regionId: string
    const sku: Record<string, string> = {}
    const coopId: Record<string, string> = {}
    const tokens: Record<string, string> = {}
    const stripeClient = new Stripe("sk_test_unused")

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      Object.assign(sku, await variantsBySku(api, pk))
      tokens.admin = await adminToken(api)
      const { data } = await api.get(`/admin/cooperatives?limit=100`, bearer(tokens.admin))
      for (const c of data.cooperatives) coopId[c.handle] = c.id
      for (const [handle, account] of Object.entries(STRIPE_ACCOUNTS)) {
        await api.post(`/admin/cooperatives/${coopId[handle]}/stripe-account/connect`, { stripe_account_id: account }, bearer(tokens.admin))
      }
      for (const handle of COOPS) tokens[handle] = await demoVendorToken(api, handle)
      // The shopper who signs in to buy and return (guests cannot return).
      const registration = (await api.post(`/auth/customer/emailpass/register`, SHOPPER)).data.token
      await api.post(`/store/customers`, { email: SHOPPER.email, first_name: "Lan", last_name: "Trần" }, { headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${registration}` } })
      tokens.customer = await customerToken()
      // Medusa's Stripe provider has no setting for Stripe's address: its client is pointed at the fake here.
      const stripeProvider = (getContainer().resolve(Modules.PAYMENT) as any).paymentProviderService_.retrieveProvider("pp_stripe_stripe")
      stripeProvider.stripe_._setApiField("host", "127.0.0.1")
      stripeProvider.stripe_._setApiField("port", STRIPE_PORT)
      stripeProvider.stripe_._setApiField("protocol", "http")
      // The runner snapshots the database here (first beforeEach): every sequence starts from it.
    })

    const customerToken = async () => (await api.post(`/auth/customer/emailpass`, SHOPPER)).data.token as string

    /** A request as an actor (the shopper too, with the store's key); a token that expired because the clock moved on is renewed once. */
    async function as(actor: string, method: "get" | "post", url: string, body?: unknown) {
      const headers = () => (actor === "customer" ? { headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${tokens.customer}` } } : bearer(tokens[actor]))
      const send = () => call(method === "get" ? api.get(url, headers()) : api.post(url, body ?? {}, headers()))
      let res = await send()
      if (res.status === 401) {
        tokens[actor] = actor === "admin" ? await adminToken(api) : actor === "customer" ? await customerToken() : await demoVendorToken(api, actor)
        res = await send()
      }
      return res
    }

    // ---- the clock: only Date is faked, and only moved forward ----------------------------------
    const advanceClock = (ms: number) => {
      jest.setSystemTime(Date.now() + ms)
    }

    /** Waits until subscribers and workflows are done: ledger, refunds, captures and payouts stop changing. */
    async function settle() {
      const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      let last = ""
      for (let i = 0; i < 80; i++) {
        await utils?.waitWorkflowExecutions?.().catch(() => undefined)
        const { rows } = await pg.raw(
          `select (select count(*) from ledger_entry) l, (select count(*) from refund) r, (select count(*) from capture) c, (select count(*) from payout) p, (select count(*) from fulfillment where delivered_at is not null) d`
        )
        const sig = JSON.stringify(rows[0])
        if (sig === last) return
        last = sig
        await sleep(300)
      }
    }

    async function freshDatabase() {
      await dbUtils.restore()
      const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      for (let i = 0; ; i++) {
        try {
          await pg.raw("select 1")
          break
        } catch (err) {
          if (i > 20) throw err
          await sleep(100)
        }
      }
    }

    let sequences = 0
    let operations = 0
    const tally: Record<string, number> = {}
    /** What the sequences reached, over all of them: orders by where they ended, payouts by status, refunds, reversals. */
    const reached: Record<string, number> = {}
    const count = (key: string, n = 1) => (reached[key] = (reached[key] ?? 0) + n)
    const spent: Record<string, number> = {}
    async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
      const t0 = performance.now()
      try {
        return await work()
      } finally {
        spent[what] = Math.round((spent[what] ?? 0) + performance.now() - t0)
      }
    }

    /** One sequence against a fresh database; returns the problems found (empty when the money adds up). */
    async function runSequence(steps: Op[][]): Promise<{ problems: Problem[]; story: string[] }> {
      sequences++
      await timed("restore", freshDatabase)
      stripeState.transfers.clear()
      stripeState.refused.clear()
      stripeState.intents.clear()
      const purchases: PurchaseState[] = []
      const orders: OrderState[] = []
      const story: string[] = []
      const problems: Problem[] = []
      const stripeEvents = { n: 0 }
      /** Per payout run: the most each cooperative could be paid (collected and available at the cutoff). */
      const runBounds: { period: string; bound: Map<string, number>; before: Set<string> }[] = []
      const pick = <T>(list: T[], k: number): T | undefined => (list.length ? list[k % list.length] : undefined)

      const note = (what: string, res: { status: number; data: any }, onSuccess?: () => void) => {
        operations++
        if (res.status < 300) onSuccess?.()
        const code = res.status >= 400 ? `${res.status} ${res.data?.code ?? ""}`.trim() : `${res.status}`
        tally[`${what.split(" ")[0]} ${code}`] = (tally[`${what.split(" ")[0]} ${code}`] ?? 0) + 1
        story.push(`${what} → ${code}`)
        if (res.status >= 500) problems.push(`5xx: ${what} answered ${res.status} ${JSON.stringify(res.data).slice(0, 400)}`)
        if (res.status === 401 || res.status === 403) problems.push(`harness: ${what} answered ${res.status} (not signed in?)`)
        return res
      }
      const label = orderLabel

      async function purchase(op: Extract<Op, { op: "purchase" }>) {
        const handles = op.coops.map((i) => COOPS[i % COOPS.length])
        const lines = handles.map((h, i) => ({ variant_id: sku[SKUS[h][op.qty[i] % 2]], quantity: op.qty[i] }))
        const signedIn = op.shopper === "customer"
        if (signedIn && (await as("customer", "get", `/store/customers/me`)).status !== 200) return
        const cartId = await readyCart(api, pk, regionId, lines, {
          provider_id: { cod: "pp_system_default", vietqr: "pp_vietqr_vietqr", stripe: "pp_stripe_stripe" }[op.method],
          ...(signedIn ? { email: SHOPPER.email, customer_token: tokens.customer } : { email: "khach@example.vn" }),
        })
        const res = note(`purchase [${handles.join(", ")}] by ${op.method}${signedIn ? " (signed in)" : ""}`, await complete(api, pk, cartId))
        if (res.status !== 200) return
        const g = res.data.order_group
        const [group] = await (getContainer().resolve(ORDER_GROUP_MODULE) as any).listOrderGroups({ id: g.id })
        const p: PurchaseState = { id: g.id, total: Number(g.total), reference: g.payment?.reference, method: op.method, orders: [], signedIn }
        for (const o of g.orders) {
          const share = (group.shares as any[]).find((s) => s.order_id === o.id)
          const order: OrderState = {
            n: -1, id: o.id, display_id: o.display_id, handle: o.cooperative.handle, coop_id: o.cooperative.id, share: share.amount,
            method: op.method, collector: share.collector ?? "union", purchase: p,
          }
          p.orders.push(order)
          order.n = orders.push(order) - 1
        }
        purchases.push(p)
        story[story.length - 1] += ` ${p.orders.map(label).join(" ")}`
      }

      async function paymentOf(p: PurchaseState): Promise<string | undefined> {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const [group] = await (getContainer().resolve(ORDER_GROUP_MODULE) as any).listOrderGroups({ id: p.id })
        if (!group?.payment_collection_id) return undefined
        const { data } = await query.graph({ entity: "payment_collection", fields: ["payments.id"], filters: { id: group.payment_collection_id } })
        return (data[0] as any)?.payments?.[0]?.id
      }

      async function progress(o: OrderState) {
        const view = await as(o.handle, "get", `/vendor/orders/${o.id}`)
        const order = view.data.order
        if (!order) return note(`progress ${label(o)}`, view)
        const active = (order.fulfillments ?? []).filter((f: any) => !f.canceled_at)
        const open = active.find((f: any) => !f.delivered_at && !f.shipped_at)
        const shipped = active.find((f: any) => f.shipped_at && !f.delivered_at)
        if (shipped) return note(`deliver ${label(o)}`, await as(o.handle, "post", `/vendor/orders/${o.id}/fulfillments/${shipped.id}/deliver`, {}), () => (o.delivered = true))
        if (open) return note(`ship ${label(o)}`, await as(o.handle, "post", `/vendor/orders/${o.id}/fulfillments/${open.id}/ship`, { carrier: "Viettel Post", tracking_number: `VTP${o.display_id}${Date.now() % 1e6}` }), () => (o.shipped = true))
        return note(`pack ${label(o)}`, await as(o.handle, "post", `/vendor/orders/${o.id}/fulfillments`, {}))
      }

      async function stripeEvent(payout: any, type: string, amountReversed: number) {
        const transfer = stripeState.transfers.get(payout.id)!
        const payload = JSON.stringify({
          id: `evt_money_${sequences}_${++stripeEvents.n}`, object: "event", type,
          data: { object: {
            id: transfer.id, object: "transfer", amount: transfer.amount, currency: "vnd", destination: transfer.destination,
            amount_reversed: amountReversed, reversed: amountReversed >= transfer.amount, metadata: { payout_id: payout.id },
          } },
        })
        const signature = stripeClient.webhooks.generateTestHeaderString({ payload, secret: ENV.STRIPE_CONNECT_WEBHOOK_SECRET })
        return call(api.post("/hooks/stripe-connect", payload, { headers: { "content-type": "application/json", "stripe-signature": signature } }))
      }

      async function listPayouts(): Promise<any[]> {
        return (getContainer().resolve(LEDGER_MODULE) as any).listPayouts({}, { order: { created_at: "ASC" }, take: 10_000 })
      }

      async function perform(op: Op): Promise<void> {
        switch (op.op) {
          case "purchase":
            return purchase(op)
          case "pay": {
            // A transfer is marked paid for a VietQR purchase; now and then (anyMethod) for any purchase,
            // cash on delivery included, which has no transfer to mark: that must be refused.
            const anyMethod = op.anyMethod && !SKIPPED.has("markCodPaid")
            const p = pick(anyMethod ? purchases : purchases.filter((x) => x.method !== "cod"), op.purchase)
            if (!p) return
            if (p.method === "stripe" && op.via === "bank" && !SKIPPED.has("stripePaymentWebhook")) {
              // Stripe captured the card payment and says so (Medusa's own webhook route, signed).
              p.payment_id ??= await paymentOf(p)
              const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
              const { data } = await query.graph({ entity: "payment", fields: ["id", "data"], filters: { id: p.payment_id ?? "none" } })
              const intent = stripeState.intents.get((data[0] as any)?.data?.id)
              if (!intent) return
              if (intent.status === "requires_capture") Object.assign(intent, { status: "succeeded", amount_received: intent.amount })
              const payload = JSON.stringify({ id: `evt_pay_${++stripeState.n}`, object: "event", type: "payment_intent.succeeded", data: { object: intent } })
              const signature = stripeClient.webhooks.generateTestHeaderString({ payload, secret: ENV.STRIPE_WEBHOOK_SECRET })
              const res = await call(api.post(`/hooks/payment/stripe_stripe`, payload, { headers: { "content-type": "application/json", "stripe-signature": signature } }))
              note(`pay purchase#${purchases.indexOf(p)} (stripe) by Stripe's payment_intent.succeeded`, res)
              // Medusa handles a payment webhook 5 s after it answered (its webhook_delay). Wait for it here:
              // settle() cannot see a delayed event, and a clock moved on meanwhile would make Stripe's
              // signature stale (outside its 5-minute tolerance) when the event is finally handled.
              if (res.status < 300) {
                const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
                for (let i = 0; i < 60; i++) {
                  const { rows } = await pg.raw(`select count(*)::int n from capture where payment_id = ? and deleted_at is null`, [p.payment_id])
                  if (rows[0].n > 0) break
                  await sleep(250)
                }
              }
            } else if (op.via === "admin") {
              note(`pay purchase#${purchases.indexOf(p)} (${p.method}) by admin`, await as("admin", "post", `/admin/order-groups/${p.id}/mark-paid`, {}))
            } else {
              const notice = { reference: p.reference ?? "CSNONE", amount: p.total, transaction_id: `FT${Date.now()}` }
              const raw = JSON.stringify(notice)
              const res = await call(api.post(`/hooks/vietqr`, raw, { headers: { "content-type": "application/json", "x-vietqr-signature": `sha256=${hmacSha256(ENV.VIETQR_WEBHOOK_SECRET, raw)}` } }))
              note(`pay purchase#${purchases.indexOf(p)} (${p.method}) by bank notice`, res)
            }
            return
          }
          case "cancel": {
            const o = pick(orders, op.order)
            if (o) note(`cancel ${label(o)}`, await as(o.handle, "post", `/vendor/orders/${o.id}/cancel`, {}))
            return
          }
          case "refund": {
            const o = pick(orders, op.order)
            if (!o) return
            const amount = Math.max(1, Math.round((o.share * op.permille) / 1000))
            note(`refund ${amount} of ${label(o)}`, await as("admin", "post", `/admin/orders/${o.id}/refunds`, { amount, note: "khiếu nại" }))
            return
          }
          case "medusaRefund": {
            const p = pick(purchases, op.purchase)
            if (!p) return
            p.payment_id ??= await paymentOf(p)
            if (!p.payment_id) return
            const amount = Math.max(1, Math.round((p.total * op.permille) / 1000))
            note(`medusa-refund ${amount} of purchase#${purchases.indexOf(p)} (total ${p.total})`, await as("admin", "post", `/admin/payments/${p.payment_id}/refund`, { amount }))
            return
          }
          case "progress": {
            // One to three steps on (pack, ship, deliver), each read back from the vendor's view first.
            const o = pick(orders, op.order)
            for (let i = 0; o && i < op.steps; i++) if ((await progress(o)).status >= 300) break
            return
          }
          case "failDelivery": {
            const o = pick(op.anyOrder ? orders : orders.filter((x) => x.shipped && !x.failed), op.order)
            if (!o) return
            const view = await as(o.handle, "get", `/vendor/orders/${o.id}`)
            const shipped = (view.data.order?.fulfillments ?? []).find((f: any) => !f.canceled_at && f.shipped_at && !f.delivered_at)
            const fulfillmentId = shipped?.id ?? view.data.order?.fulfillments?.[0]?.id ?? "ful_none"
            const res = note(
              `fail-delivery ${label(o)} return cost ${op.cost}`,
              await as(o.handle, "post", `/vendor/orders/${o.id}/fulfillments/${fulfillmentId}/fail-delivery`, { reason: "refused", note: "Khách từ chối nhận", return_shipping_cost: op.cost })
            )
            if (res.status < 300) o.failed = { cost: op.cost }
            return
          }
          case "remit": {
            const o = pick(op.anyOrder ? orders : orders.filter((x) => x.method === "cod" && x.collector === "union"), op.order)
            if (!o) return
            const amount = op.exact ? o.share : o.share + 1_000
            note(`remit ${amount} for ${label(o)}`, await as("admin", "post", `/admin/cod-remittances`, { order_id: o.id, carrier: "ghtk", amount, reference: `GHTK-${o.display_id}` }))
            return
          }
          case "collector": {
            const handle = COOPS[op.coop % COOPS.length]
            note(`collector ${handle} := ${op.collector}`, await as("admin", "post", `/admin/cooperatives/${coopId[handle]}/cod-collector`, { cod_collector: op.collector }))
            return
          }
          case "payoutRun": {
            const res = note(`payout run`, await as("admin", "post", `/admin/payout-runs`, {}))
            if (res.status === 201) story[story.length - 1] += ` ${res.data.payout_run.period}: ${res.data.payout_run.payout_count} payouts, ${res.data.payout_run.payout_total} đ${res.data.payout_run.failures?.length ? `, ${res.data.payout_run.failures.length} failed` : ""}`
            return
          }
          case "settlePayout": {
            const payout = pick(await listPayouts(), op.payout)
            if (!payout) return
            if (payout.provider === "stripe_connect") {
              if (!stripeState.transfers.has(payout.id)) return
              note(`stripe transfer.created for payout ${payout.amount}`, await stripeEvent(payout, "transfer.created", stripeState.transfers.get(payout.id)!.reversed))
            } else if (op.outcome === "paid") {
              note(`mark payout ${payout.amount} paid`, await as("admin", "post", `/admin/payouts/${payout.id}/mark-paid`, { reference: `FT${payout.id.slice(-8)}` }))
            } else {
              note(`mark payout ${payout.amount} failed`, await as("admin", "post", `/admin/payouts/${payout.id}/mark-failed`, { reason: "Tài khoản bị khóa" }))
            }
            return
          }
          case "reverse": {
            const stripePayouts = (await listPayouts()).filter((p) => stripeState.transfers.has(p.id))
            const payout = pick(stripePayouts, op.payout)
            if (!payout) return
            const transfer = stripeState.transfers.get(payout.id)!
            // Stripe's running total: what this reversal adds to what was reversed before (full at 1000 ‰).
            const add = Math.max(1, Math.round(((transfer.amount - transfer.reversed) * op.permille) / 1000))
            if (transfer.reversed >= transfer.amount) return
            transfer.reversed = Math.min(transfer.amount, transfer.reversed + add)
            note(`stripe transfer.reversed ${transfer.reversed}/${transfer.amount}`, await stripeEvent(payout, "transfer.reversed", transfer.reversed))
            return
          }
          case "return": {
            // The signed-in shopper returns units of a delivered order's first item: request (with a
            // photo), then the cooperative accepts, then records it received (stock back, and the
            // refund when the union holds the money). 1–3 of these steps; a return left open blocks the next.
            const o = pick(op.anyOrder ? orders : orders.filter((x) => x.purchase.signedIn && x.delivered), op.order)
            if (!o) return
            const view = await as(o.handle, "get", `/vendor/orders/${o.id}`)
            const item = view.data.order?.items?.[0]
            if (!item) return
            let returnId = o.returnId
            if (!returnId) {
              const body = new FormData()
              body.append("files", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "hop-vo.png")
              const uploaded = await as("customer", "post", `/store/return-photos`, body)
              if (uploaded.status !== 201) return void note(`return photo for ${label(o)}`, uploaded)
              const asked = note(
                `return ${op.qty} of ${label(o)}`,
                await as("customer", "post", `/store/orders/${o.id}/returns`, { items: [{ line_item_id: item.id, quantity: op.qty }], reason: "Hộp bị vỡ khi giao", photos: [uploaded.data.files[0].id] })
              )
              if (asked.status !== 201) return
              returnId = o.returnId = asked.data.return.id as string
            }
            for (const action of ["accept", "receive"].slice(0, op.steps - 1)) {
              const res = note(`return-${action} ${label(o)}`, await as(o.handle, "post", `/vendor/returns/${returnId}/${action}`, {}))
              if (res.status === 200 && action === "receive") o.returnId = undefined
              if (res.status >= 300 && res.data?.code !== "invalid_return_status") return
            }
            return
          }
          case "stripeRefuses": {
            const account = STRIPE_ACCOUNTS[COOPS[op.coop % COOPS.length]]
            if (!account) return
            if (op.refuse) stripeState.refused.add(account)
            else stripeState.refused.delete(account)
            story.push(`stripe ${op.refuse ? "refuses" : "accepts"} transfers to ${COOPS[op.coop % COOPS.length]}`)
            return
          }
        }
      }

      for (const group of steps) {
        if (group.some((o) => o.op === "payoutRun")) {
          await timed("settle", settle)
          advanceClock(7 * DAY)
          runBounds.push(await payableBounds(orders, await listPayouts()))
        }
        if (group.length > 1) story.push(`-- at the same moment:`)
        await Promise.all(group.map((op) => timed(op.op, () => perform(op)).catch((err) => {
          problems.push(`harness error in ${JSON.stringify(op)}: ${err?.stack ?? err}`)
        })))
        if (group.length > 1) story.push(`--`)
      }
      await timed("settle", settle)
      problems.push(...await timed("check", async () => checkMoney(orders, purchases, runBounds, await listPayouts())))
      story.unshift(`(sequence ${sequences}: ${steps.length} steps)`)
      return { problems, story }
    }

    /** What was collected for each cooperative and available at the cutoff of the run about to start. */
    async function payableBounds(orders: OrderState[], payoutsBefore: any[]) {
      const period = lastEndedPeriod(new Date())
      const facts = await collectionFacts(orders)
      const entries = await (getContainer().resolve(LEDGER_MODULE) as any).listLedgerEntries({}, { take: 1_000_000 })
      const bound = new Map<string, number>()
      for (const e of entries) {
        if (new Date(e.available_at) > period.cutoff) continue
        if (e.order_id && facts.get(e.order_id)?.uncollected) continue
        bound.set(e.cooperative_id, (bound.get(e.cooperative_id) ?? 0) + Number(e.amount))
      }
      return { period: period.key, bound, before: new Set(payoutsBefore.map((p) => p.id)) }
    }

    /** Per order: paid in (captured or remitted), delivered, canceled, and whether delivered money is still uncollected. */
    async function collectionFacts(orders: OrderState[]) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const ledger: any = getContainer().resolve(LEDGER_MODULE)
      const groups = orders.length ? await (getContainer().resolve(ORDER_GROUP_MODULE) as any).listOrderGroups({ id: [...new Set(orders.map((o) => o.purchase.id))] }) : []
      const collectionIds = groups.map((g: any) => g.payment_collection_id).filter(Boolean)
      const { data: collections } = collectionIds.length
        ? await query.graph({ entity: "payment_collection", fields: ["id", "payments.id", "payments.captures.amount"], filters: { id: collectionIds } })
        : { data: [] as any[] }
      const capturedOf = new Map(collections.map((c: any) => [c.id, (c.payments ?? []).reduce((a: number, p: any) => a + (p.captures ?? []).reduce((b: number, x: any) => b + Number(x.amount), 0), 0)]))
      const remittances: any[] = typeof ledger.listCodRemittances === "function" ? await ledger.listCodRemittances({}, { take: 100_000 }) : []
      const { data: orderRows } = orders.length
        ? await query.graph({ entity: "order", fields: ["id", "status", "canceled_at", "fulfillments.id", "fulfillments.delivered_at", "fulfillments.shipped_at", "fulfillments.canceled_at"], filters: { id: orders.map((o) => o.id) } })
        : { data: [] as any[] }
      const facts = new Map<string, { captured: boolean; remitted: number; delivered: boolean; canceled: boolean; uncollected: boolean; progress: string }>()
      for (const o of orders) {
        const group = groups.find((g: any) => g.id === o.purchase.id)
        const row: any = orderRows.find((r: any) => r.id === o.id)
        const canceled = row?.status === "canceled" || !!row?.canceled_at
        const active = (row?.fulfillments ?? []).filter((f: any) => !f.canceled_at)
        const delivered = !canceled && !o.failed && active.length > 0 && active.every((f: any) => f.delivered_at)
        const captured = Number(capturedOf.get(group?.payment_collection_id) ?? 0) > 0
        const remitted = remittances.filter((r) => r.order_id === o.id).reduce((a, r) => a + Number(r.amount), 0)
        const paidIn = o.collector === "cooperative" ? delivered : o.method === "cod" ? remitted > 0 : captured
        facts.set(o.id, {
          captured, remitted, delivered, canceled,
          uncollected: o.collector !== "cooperative" && !paidIn,
          progress: canceled ? "canceled" : o.failed ? "returned" : delivered ? "delivered" : active.some((f: any) => f.shipped_at) ? "shipped" : active.length ? "packed" : "pending",
        })
      }
      return facts
    }

    /** The invariant, its terms, and the two rules beside it; returns what does not hold. */
    async function checkMoney(orders: OrderState[], purchases: PurchaseState[], runBounds: Awaited<ReturnType<typeof payableBounds>>[], payouts: any[]): Promise<Problem[]> {
      const problems: Problem[] = []
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const ledger: any = getContainer().resolve(LEDGER_MODULE)
      const facts = await collectionFacts(orders)
      const entries: any[] = await ledger.listLedgerEntries({}, { take: 1_000_000 })
      const remittances: any[] = typeof ledger.listCodRemittances === "function" ? await ledger.listCodRemittances({}, { take: 100_000 }) : []
      const groups = purchases.length ? await (getContainer().resolve(ORDER_GROUP_MODULE) as any).listOrderGroups({ id: purchases.map((p) => p.id) }) : []
      const collectionIds = groups.map((g: any) => g.payment_collection_id).filter(Boolean)
      const { data: collections } = collectionIds.length
        ? await query.graph({
            entity: "payment_collection",
            fields: ["id", "payments.id", "payments.data", "payments.captures.amount", "payments.refunds.id", "payments.refunds.amount", "payments.refunds.metadata"],
            filters: { id: collectionIds },
          })
        : { data: [] as any[] }

      let captured = 0
      let refunded = 0
      const refundedOf = new Map<string, number>()
      const capturedOfGroup = new Map<string, number>()
      const unattributed: string[] = []
      for (const g of groups) {
        const c: any = collections.find((x: any) => x.id === g.payment_collection_id)
        const shares = g.shares as any[]
        let gc = 0
        for (const p of c?.payments ?? []) {
          for (const x of p.captures ?? []) gc += Number(x.amount)
          for (const r of p.refunds ?? []) {
            refunded += Number(r.amount)
            const named = r.metadata?.order_id
            const orderId = typeof named === "string" && shares.some((s) => s.order_id === named) ? named : shares.length === 1 ? shares[0].order_id : null
            if (orderId) refundedOf.set(orderId, (refundedOf.get(orderId) ?? 0) + Number(r.amount))
            else unattributed.push(`${r.id} (${Number(r.amount)} đ of purchase ${g.id}, ${shares.length} orders)`)
          }
        }
        captured += gc
        capturedOfGroup.set(g.id, gc)
      }
      const remitted = remittances.reduce((a, r) => a + Number(r.amount), 0)
      for (const o of orders) count(`order ${facts.get(o.id)!.progress} ${o.method}/${o.collector}`)
      for (const p of payouts) count(`payout ${p.provider} ${p.status}`)
      count("refunds", collections.reduce((a: number, c: any) => a + (c.payments ?? []).reduce((b: number, p: any) => b + (p.refunds ?? []).length, 0), 0))
      count("remittances", remittances.length)
      for (const r of await (getContainer().resolve(COOPERATIVE_RETURN_MODULE) as any).listCooperativeReturns({}, { select: ["status"] })) count(`return ${r.status}`)
      count("payout_reversal lines", entries.filter((e) => e.type === "payout_reversal").length)

      const sumLines = (filter: (e: any) => boolean) => entries.filter(filter).reduce((a, e) => a + Number(e.amount), 0)
      const commission = -sumLines((e) => e.type === "commission")
      const owedNet = sumLines(() => true)
      const paidOut = payouts
        .filter((p) => p.status !== "failed")
        .reduce((a, p) => a + Number(p.amount) - Math.min(Number(p.amount), stripeState.transfers.get(p.id)?.reversed ?? 0), 0)

      let cashKept = 0
      let held = 0
      let uncollected = 0
      let returnCosts = 0
      const perOrder: string[] = []
      for (const o of orders) {
        const f = facts.get(o.id)!
        const r = refundedOf.get(o.id) ?? 0
        let receivedHere = 0
        let cashHere = 0
        let heldHere = 0
        let uncollectedHere = 0
        if (o.collector === "cooperative") {
          if (f.delivered) cashHere = o.share
        } else {
          const paidIn = o.method === "cod" ? f.remitted : f.captured ? o.share : 0
          receivedHere = paidIn
          // Booked for money not in (the ledger may book it pending, or wait): the sale and shipping lines.
          if (f.delivered && !paidIn) uncollectedHere = sumLines((e) => e.order_id === o.id && (e.type === "sale" || e.type === "shipping"))
          if (!f.delivered && !f.canceled && paidIn) heldHere = paidIn - r
        }
        // The union's carrier took the parcel back (union-collected cash on delivery) and the
        // cooperative bears it (FAILED_DELIVERY_COST_BEARER default): the cost moves to the union.
        // Otherwise the cooperative paid its own carrier, outside the platform's money.
        const returnHere = o.failed && o.method === "cod" && o.collector === "union" ? o.failed.cost : 0
        cashKept += cashHere
        held += heldHere
        uncollected += uncollectedHere
        returnCosts += returnHere
        // The same identity for this order alone: its ledger lines, its refunds, where its money sits.
        const lines = sumLines((e) => e.order_id === o.id)
        const linesComm = -sumLines((e) => e.order_id === o.id && e.type === "commission")
        const residual = receivedHere + cashHere - (r + linesComm + lines + cashHere + heldHere - uncollectedHere + returnHere)
        if (residual !== 0) {
          const types = entries.filter((e) => e.order_id === o.id).map((e) => `${e.type} ${Number(e.amount)}`).join(", ") || "no ledger lines"
          perOrder.push(`  ${orderLabel(o)} ${f.progress}${f.captured ? ", captured" : ""}${f.remitted ? `, remitted ${f.remitted}` : ""}: refunded ${r}, lines [${types}] → off by ${residual}`)
        }
        if (r > o.share) problems.push(`refunded beyond its share: ${orderLabel(o)} refunded ${r} đ`)
      }
      for (const g of groups) {
        const gc = capturedOfGroup.get(g.id) ?? 0
        const p = purchases.find((x) => x.id === g.id)!
        const shares = p.orders.filter((o) => o.collector !== "cooperative" && o.method !== "cod")
        if (p.method === "cod") {
          const remittedHere = remittances.filter((r) => p.orders.some((o) => o.id === r.order_id)).reduce((a, r) => a + Number(r.amount), 0)
          if (gc !== remittedHere) problems.push(`purchase#${purchases.indexOf(p)} (cash on delivery): ${gc} đ captured, but carriers remitted ${remittedHere} đ for it`)
        } else if (gc && gc !== shares.reduce((a, o) => a + o.share, 0)) perOrder.push(`  purchase#${purchases.indexOf(p)}: captured ${gc} đ, its shares add up to ${shares.reduce((a, o) => a + o.share, 0)}`)
        const refundedHere = [...refundedOf.entries()].filter(([id]) => p.orders.some((o) => o.id === id)).reduce((a, [, v]) => a + v, 0)
        if (refundedHere > gc && gc > 0) problems.push(`purchase#${purchases.indexOf(p)} refunded ${refundedHere} đ of ${gc} captured`)
      }
      // What Stripe itself captured and refunded for card purchases is what the payment module says.
      for (const g of groups) {
        const p = purchases.find((x) => x.id === g.id)!
        if (p.method !== "stripe") continue
        const c: any = collections.find((x: any) => x.id === g.payment_collection_id)
        const intents = [...stripeState.intents.values()].filter((i) => (c?.payments ?? []).some((pay: any) => pay.data?.id === i.id))
        const stripeCaptured = intents.reduce((a, i) => a + i.amount_received, 0)
        const stripeRefunded = intents.reduce((a, i) => a + i.refunded, 0)
        const moduleRefunded = (c?.payments ?? []).reduce((a: number, pay: any) => a + (pay.refunds ?? []).reduce((b: number, r: any) => b + Number(r.amount), 0), 0)
        const gc = capturedOfGroup.get(g.id) ?? 0
        if (stripeCaptured !== gc || stripeRefunded !== moduleRefunded) {
          problems.push(`purchase#${purchases.indexOf(p)} (stripe): Stripe captured ${stripeCaptured} and refunded ${stripeRefunded}; the payment module says ${gc} and ${moduleRefunded}`)
        }
      }
      if (unattributed.length) problems.push(`refunds that name no order of a purchase of several cooperatives (nobody can be charged): ${unattributed.join("; ")}`)

      const received = captured
      const left = received + cashKept
      const right = refunded + commission + paidOut + cashKept + owedNet + held - uncollected + returnCosts
      if (left !== right) {
        const payoutLines = sumLines((e) => e.type === "payout" || e.type === "payout_reversal")
        problems.push(
          [
            `the money does not add up: shoppers paid ${left} đ, accounted for ${right} đ (off by ${left - right})`,
            `  RECEIVED ${received} (captured; of it remitted by carriers ${remitted}) + CASH_KEPT ${cashKept}`,
            `  = REFUNDED ${refunded} + COMMISSION ${commission} + PAID_OUT ${paidOut} (ledger: ${-payoutLines}) + CASH_KEPT ${cashKept} + OWED_NET ${owedNet} + HELD ${held} − UNCOLLECTED ${uncollected} + RETURN_COSTS ${returnCosts}`,
            ...(perOrder.length ? [`  orders whose money does not add up:`, ...perOrder] : []),
          ].join("\n")
        )
      } else if (perOrder.length) {
        problems.push([`the total adds up, but not order by order:`, ...perOrder].join("\n"))
      }

      // No cooperative was paid money that nobody collected (or more than was available at the cutoff).
      for (const run of runBounds) {
        for (const p of payouts.filter((x) => x.period === run.period && !run.before.has(x.id))) {
          const bound = run.bound.get(p.cooperative_id) ?? 0
          if (Number(p.amount) > bound) {
            const handle = Object.keys(coopId).find((h) => coopId[h] === p.cooperative_id)
            problems.push(`payout ${run.period} to ${handle}: ${p.amount} đ, but only ${bound} đ collected and available at the cutoff`)
          }
        }
      }
      return problems
    }

    it(`the money adds up after random sequences of purchases, payments, refunds, deliveries, remittances and payouts (operations: ${ENABLED.join(", ")})`, async () => {
      const runs = Number(process.env.MONEY_RUNS ?? 4)
      const seed = Number(process.env.MONEY_SEED ?? Date.now() % 1_000_000)
      const started = Date.now()
      jest.useFakeTimers({
        doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback", "cancelIdleCallback", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"],
        advanceTimers: true,
      })
      let lastFailure: { problems: Problem[]; story: string[] } | null = null
      try {
        await fc.assert(
          fc.asyncProperty(sequence, async (steps) => {
            const t0 = performance.now()
            const result = await runSequence(steps)
            // Progress on stderr as it happens (jest prints console.log only at the end).
            process.stderr.write(`money invariant: sequence ${sequences} (${steps.flat().length} operations) ${result.problems.length ? "FAILED" : "ok"} in ${Math.round((performance.now() - t0) / 1000)} s\n`)
            if (result.problems.length) {
              lastFailure = result
              throw new Error(`${result.problems.join("\n")}\n\nwhat happened:\n  ${result.story.join("\n  ")}`)
            }
          }),
          { numRuns: runs, seed, endOnFailure: process.env.MONEY_SHRINK === "0", interruptAfterTimeLimit: Number(process.env.MONEY_TIME_LIMIT_S ?? 1_500) * 1000 }
        )
      } finally {
        jest.useRealTimers()
        const seconds = Math.round((Date.now() - started) / 1000)
        console.log(
          `money invariant (MONEY_SEED=${seed}, MONEY_RUNS=${runs}): ${sequences} sequences, ${operations} operations in ${seconds} s; ` +
            `operations enabled: ${ENABLED.join(", ")}; answers ${JSON.stringify(tally)}; reached ${JSON.stringify(reached)}; ms spent ${JSON.stringify(spent)}` +
            (lastFailure ? `\nlast failing sequence:\n${(lastFailure as any).problems.join("\n")}` : "")
        )
      }
    })
  },
})
