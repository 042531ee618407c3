import Stripe from "stripe"
import { QRPay } from "vietnam-qr-pay"
import { PAYOUT_PROVIDERS } from "../../src/modules/ledger/types"
import { PAYOUT_METHODS } from "../../src/modules/payout/providers"
import { stripeConnectPayouts } from "../../src/modules/payout/providers/stripe-connect"
import PayoutModuleService from "../../src/modules/payout/service"
import type { PayableCooperative, PayoutWebhookEvent } from "../../src/modules/payout/types"

const coop = (over: Partial<PayableCooperative> = {}): PayableCooperative => ({
  id: "coop_1",
  status: "approved",
  bank_bin: "970415",
  bank_account_number: "113366668888",
  bank_account_holder: "HTX CHE THANH NAM",
  bank_account_verified_at: new Date("2026-10-01T00:00:00Z"),
  stripe_account_id: null,
  ...over,
})

describe("a cooperative is paid by its payout method's provider", () => {
  const service = new PayoutModuleService()
  const stripeKey = process.env.STRIPE_API_KEY
  afterEach(() => {
    if (stripeKey === undefined) delete process.env.STRIPE_API_KEY
    else process.env.STRIPE_API_KEY = stripeKey
  })

  it("names every method the ledger can store, and no other", () => {
    expect(PAYOUT_METHODS.map((m) => m.id).sort()).toEqual([...PAYOUT_PROVIDERS].sort())
  })

  it("pays an approved cooperative by bank transfer, with a VietQR payload for the amount and the payout's message", () => {
    delete process.env.STRIPE_API_KEY
    const plan = service.plan(coop({ stripe_account_id: "acct_1ThanhNam" }), { id: "po_01JABCDEFGH12345678", amount: 450_000 })
    expect(plan).toMatchObject({
      provider: "bank_transfer",
      bank_account: { bin: "970415", account_number: "113366668888", account_holder: "HTX CHE THANH NAM" },
      transfer_message: "COOPSTALL PO 12345678",
    })
    const qr = new QRPay(("vietqr_payload" in plan && plan.vietqr_payload) || "")
    expect(qr.amount).toBe("450000")
    expect(qr.additionalData.purpose).toBe("COOPSTALL PO 12345678")
  })

  it("pays a cooperative with a connected account by Stripe Connect only while the union has a Stripe key", () => {
    process.env.STRIPE_API_KEY = "sk_test_unit"
    expect(service.plan(coop({ stripe_account_id: "acct_1ThanhNam" }), { id: "po_1", amount: 1 })).toEqual({
      provider: "stripe_connect",
      bank_account: { stripe_account_id: "acct_1ThanhNam" },
    })
    expect(service.plan(coop(), { id: "po_1", amount: 1 })).toMatchObject({ provider: "bank_transfer" })
  })

  it("skips, with the reason, a cooperative that is not approved or has no usable bank account", () => {
    delete process.env.STRIPE_API_KEY
    expect(service.plan(undefined, { id: "po_1", amount: 1 })).toEqual({ skip: "cooperative_not_approved", detail: "unknown cooperative" })
    expect(service.plan(coop({ status: "suspended" }), { id: "po_1", amount: 1 })).toEqual({ skip: "cooperative_not_approved", detail: "status suspended" })
    expect(service.plan(coop({ bank_account_number: null }), { id: "po_1", amount: 1 })).toEqual({ skip: "no_bank_account" })
    expect(service.plan(coop({ bank_account_verified_at: null }), { id: "po_1", amount: 1 })).toEqual({ skip: "bank_account_not_verified" })
  })

  it("tells the union's desk who settles a payout and what it may do with it", () => {
    expect(service.adminControls({ provider: "bank_transfer", status: "pending" })).toEqual({
      settled_by: "union",
      admin_actions: ["scan_qr", "mark_paid", "mark_failed"],
    })
    expect(service.adminControls({ provider: "bank_transfer", status: "paid" })).toEqual({ settled_by: "union", admin_actions: [] })
    expect(service.adminControls({ provider: "stripe_connect", status: "processing" })).toEqual({ settled_by: "provider", admin_actions: [] })
    expect(service.adminControls({ provider: "cheque", status: "pending" })).toEqual({ settled_by: null, admin_actions: [] })
  })

  it("sends by API only the methods that can, once configured", () => {
    delete process.env.STRIPE_API_KEY
    expect(service.sendingMethods()).toEqual([])
    process.env.STRIPE_API_KEY = "sk_test_unit"
    expect(service.sendingMethods().map((m) => m.id)).toEqual(["stripe_connect"])
  })

  it("believes a Stripe transfer event only about its own payout's transfer, account and currency", () => {
    const event: PayoutWebhookEvent = {
      event_id: "evt_1", type: "transfer.reversed", decision: "reverse", payout: { id: "po_1" },
      reference: "tr_1", amount_reversed: 1000, destination: "acct_1ThanhNam", currency: "vnd",
    }
    const payout = { reference: "tr_1", currency_code: "vnd", bank_account: { stripe_account_id: "acct_1ThanhNam" } }
    const mismatch = stripeConnectPayouts.eventMismatch!
    expect(mismatch(payout, event)).toBeNull()
    expect(mismatch({ ...payout, reference: "tr_2" }, event)).toBe("not this payout's transfer")
    expect(mismatch({ ...payout, reference: null }, event)).toBe("not this payout's transfer")
    expect(mismatch({ ...payout, reference: null }, { ...event, decision: "confirm" })).toBeNull()
    expect(mismatch(payout, { ...event, destination: "acct_1Other" })).toBe("not this cooperative's Stripe account")
    expect(mismatch(payout, { ...event, currency: "usd" })).toBe("not this payout's currency")
  })

  it("reads a Stripe event only with the configured secret and a matching signature", () => {
    const secret = process.env.STRIPE_CONNECT_WEBHOOK_SECRET
    const read = stripeConnectPayouts.readWebhook!
    const transfer = { id: "tr_1", object: "transfer", amount_reversed: 0, destination: "acct_1ThanhNam", currency: "vnd", metadata: { payout_id: "po_1" } }
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "transfer.created", data: { object: transfer } })
    const signed = (body: string, key: string) => new Stripe("sk_test_unit").webhooks.generateTestHeaderString({ payload: body, secret: key })
    try {
      delete process.env.STRIPE_CONNECT_WEBHOOK_SECRET
      expect(read(payload, signed(payload, "whsec_unit"))).toEqual({ error: "not_configured" })
      process.env.STRIPE_CONNECT_WEBHOOK_SECRET = "whsec_unit"
      expect(read(payload, signed(payload, "whsec_other"))).toEqual({ error: "invalid_signature" })
      expect(read(payload, signed(payload, "whsec_unit"))).toEqual({
        event_id: "evt_1", type: "transfer.created", decision: "confirm", payout: { id: "po_1" },
        reference: "tr_1", amount_reversed: 0, destination: "acct_1ThanhNam", currency: "vnd",
      })
      const other = JSON.stringify({ id: "evt_2", object: "event", type: "payout.paid", data: { object: { id: "tr_2" } } })
      expect(read(other, signed(other, "whsec_unit"))).toMatchObject({ decision: null, payout: { reference: "tr_2" } })
    } finally {
      if (secret === undefined) delete process.env.STRIPE_CONNECT_WEBHOOK_SECRET
      else process.env.STRIPE_CONNECT_WEBHOOK_SECRET = secret
    }
  })
})
