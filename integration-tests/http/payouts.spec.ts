import http from "node:http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Stripe from "stripe"
import { QRPay } from "vietnam-qr-pay"
import { parsePeriod } from "../../src/modules/payout/period"
import { COOPERATIVE_MODULE } from "../../src/modules/cooperative"
import { LEDGER_MODULE } from "../../src/modules/ledger"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace } from "../helpers"
import { useEnv } from "../env"

jest.setTimeout(240_000)

// Stripe is the only thing faked here, and only its HTTP server: the app's official `stripe`
// client sends real requests (POST /v1/transfers with an Idempotency-Key) to this local server
// through STRIPE_API_BASE_URL, and webhooks are signed with the library's own test helper.
const transfers: { key: string; body: Record<string, string> }[] = []
/** Destinations Stripe refuses, as it does an account that was closed or never finished onboarding. */
const refusedAccounts = new Set<string>()
const fakeStripe = http.createServer((req, res) => {
  let raw = ""
  req.on("data", (c) => (raw += c))
  req.on("end", () => {
    if (req.method !== "POST" || req.url !== "/v1/transfers") {
      res.writeHead(404, { "content-type": "application/json" })
      return res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `no fake for ${req.method} ${req.url}` } }))
    }
    const body = Object.fromEntries(new URLSearchParams(raw))
    const key = String(req.headers["idempotency-key"] ?? "")
    if (refusedAccounts.has(body.destination)) {
      res.writeHead(400, { "content-type": "application/json", "request-id": "req_fake_refused" })
      return res.end(JSON.stringify({ error: { type: "invalid_request_error", code: "resource_missing", message: `No such destination: '${body.destination}'` } }))
    }
    if (!transfers.some((t) => t.key === key)) transfers.push({ key, body })
    res.writeHead(200, { "content-type": "application/json", "request-id": "req_fake" })
    res.end(JSON.stringify({
      id: `tr_${key.slice(-12)}`, object: "transfer", amount: Number(body.amount), currency: body.currency,
      destination: body.destination, metadata: { payout_id: body["metadata[payout_id]"] },
    }))
  })
})
const STRIPE_PORT = 30_000 + Math.floor(Math.random() * 20_000)

const ENV = {
  STRIPE_API_KEY: "sk_test_coopstall_payouts",
  STRIPE_API_BASE_URL: `http://127.0.0.1:${STRIPE_PORT}`,
  STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_connect_test",
  PAYOUT_MIN_AMOUNT: "100000",
  PAYOUT_PERIOD: "week",
}
useEnv(ENV)
beforeAll(() => new Promise<void>((resolve) => fakeStripe.listen(STRIPE_PORT, "127.0.0.1", () => resolve())))
afterAll(() => {
  fakeStripe.close()
})

const LONG_AGO = new Date("2026-09-01T03:00:00Z")
const FAR_AHEAD = new Date("2099-01-01T00:00:00Z")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: string
    let seq = 0
    const ledger = () => getContainer().resolve(LEDGER_MODULE) as any
    const cooperatives = () => getContainer().resolve(COOPERATIVE_MODULE) as any

    beforeAll(async () => {
      await seedMarketplace(getContainer())
    })
    beforeEach(async () => {
      admin = await adminToken(api)
    })

    /** A cooperative made through the module: this spec is about paying it, not signing it up. */
    async function cooperative(name: string, opts: { status?: string; bank?: boolean; verified?: boolean; stripe?: string } = {}) {
      seq++
      const bank = opts.bank === false ? {} : { bank_bin: "970436", bank_account_number: `00${String(seq).padStart(8, "0")}`, bank_account_holder: `HTX ${name.toUpperCase()}` }
      return cooperatives().createCooperatives({
        handle: `htx-payout-${seq}-${Date.now()}`, name: `HTX ${name}`, legal_name: `Hợp tác xã ${name}`, tax_code: `${Date.now()}${seq}`.slice(-10),
        province: "Phú Thọ", ward: "Xã Thanh Sơn", street_address: "Khu 1", phone: "0912345678", email: `htx${seq}@example.vn`,
        status: opts.status ?? "approved",
        ...bank,
        ...(opts.verified === false || opts.bank === false ? {} : { bank_account_verified_at: new Date(), bank_account_verified_by: "user_test" }),
        ...(opts.stripe ? { stripe_account_id: opts.stripe } : {}),
      })
    }

    /** Ledger lines booked directly (the booking half is another piece of work): a sale and its commission. */
    async function earn(cooperativeId: string, sale: number, commission = 0, availableAt = LONG_AGO) {
      seq++
      const item = `item_${seq}_${Date.now()}`
      await ledger().book([
        { cooperative_id: cooperativeId, type: "sale", amount: sale, source_type: "order_item", source_id: item, available_at: availableAt },
        ...(commission ? [{ cooperative_id: cooperativeId, type: "commission" as const, amount: -commission, rate_bps: 1000, source_type: "order_item" as const, source_id: item, available_at: availableAt }] : []),
      ])
    }

    const payoutsOf = (cooperativeId: string) => ledger().listPayouts({ cooperative_id: cooperativeId })
    const payoutEntriesOf = (cooperativeId: string) => ledger().listLedgerEntries({ cooperative_id: cooperativeId, type: "payout" })
    const run = (period: string, token = admin) => call(api.post("/admin/payout-runs", { period }, bearer(token)))

    it("a run pays every cooperative whose available balance reaches the minimum, by VietQR or Stripe, and shows who was skipped and why", async () => {
      const tea = await cooperative("Chè Tân Sơn")
      const small = await cooperative("Rau nhỏ")
      const noBank = await cooperative("Không tài khoản", { bank: false })
      const unverified = await cooperative("Chưa xác minh", { verified: false })
      const suspended = await cooperative("Tạm ngưng", { status: "suspended" })
      const stripeCoop = await cooperative("Stripe", { stripe: "acct_1TestCoopstall" })
      await earn(tea.id, 500_000, 50_000)
      await earn(tea.id, 300_000, 30_000, FAR_AHEAD) // still in its hold period: not paid
      await earn(small.id, 60_000, 6_000)
      await earn(noBank.id, 200_000)
      await earn(unverified.id, 300_000)
      await earn(suspended.id, 400_000)
      await earn(stripeCoop.id, 250_000)

      // The desk's preview names beforehand exactly whom the run pays and skips (and the ones below the minimum).
      const preview = async () => (await call(api.get(`/admin/payout-runs/preview?period=2026-W40`, bearer(admin)))).data.preview
      const before = await preview()
      const mine = (rows: any[]) => rows.filter((r) => [tea, small, noBank, unverified, suspended, stripeCoop].some((c) => c.id === r.cooperative_id))
      expect(mine(before.payouts)).toEqual(expect.arrayContaining([
        expect.objectContaining({ cooperative_id: tea.id, amount: 450_000, provider: "bank_transfer" }),
        expect.objectContaining({ cooperative_id: stripeCoop.id, amount: 250_000, provider: "stripe_connect" }),
      ]))
      expect(mine(before.payouts)).toHaveLength(2)
      expect(Object.fromEntries(mine(before.skipped).map((s: any) => [s.cooperative_id, [s.reason, s.available]]))).toEqual({
        [small.id]: ["below_minimum", 54_000],
        [noBank.id]: ["no_bank_account", 200_000],
        [unverified.id]: ["bank_account_not_verified", 300_000],
        [suspended.id]: ["cooperative_not_approved", 400_000],
      })
      expect(before).toMatchObject({ period: "2026-W40", run: null, can_run: true, minimum: 100_000 })
      expect(await payoutsOf(tea.id)).toEqual([]) // a preview writes nothing

      const res = await run("2026-W40")
      expect(res.status).toBe(201)
      const cutoff = parsePeriod("2026-W40", "week")!.cutoff
      const after = await preview()
      expect(after).toMatchObject({ run: { status: "completed" }, can_run: false })
      expect(mine(after.payouts)).toEqual([])
      for (const bad of ["?period=2026-W99", "?period=%00", "?period=" + "9".repeat(30), "?unknown=1"]) {
        const refused = await call(api.get(`/admin/payout-runs/preview${bad}`, bearer(admin)))
        expect([bad, refused.status, typeof refused.data.code]).toEqual([bad, 400, "string"])
      }
      expect(res.data.payout_run).toMatchObject({ period: "2026-W40", status: "completed", cutoff_at: cutoff.toISOString() })
      const skipped = Object.fromEntries(res.data.payout_run.skipped.map((s: any) => [s.cooperative_id, s]))
      expect(skipped[noBank.id]).toMatchObject({ reason: "no_bank_account", available: 200_000, cooperative: { name: "HTX Không tài khoản" } })
      expect(skipped[unverified.id]).toMatchObject({ reason: "bank_account_not_verified", available: 300_000 })
      expect(skipped[suspended.id]).toMatchObject({ reason: "cooperative_not_approved", available: 400_000 })
      expect(skipped[small.id]).toBeUndefined() // below the minimum: simply not due yet
      expect(skipped[tea.id]).toBeUndefined()

      // Bank transfer: the VietQR payload pays exactly the available balance into the cooperative's account.
      const [teaPayout] = await payoutsOf(tea.id)
      expect(teaPayout).toMatchObject({ amount: 450_000, provider: "bank_transfer", status: "pending", period: "2026-W40" })
      const qr = new QRPay(teaPayout.vietqr_payload)
      expect(qr.isValid).toBe(true)
      expect(qr.consumer).toMatchObject({ bankBin: "970436", bankNumber: tea.bank_account_number })
      expect(qr.amount).toBe("450000")
      expect(qr.additionalData.purpose).toBe(teaPayout.transfer_message)
      expect(teaPayout.transfer_message).toMatch(/^COOPSTALL PO [0-9A-Z]{8}$/)
      const [entry] = await payoutEntriesOf(tea.id)
      expect(entry).toMatchObject({ amount: -450_000, source_type: "payout", source_id: teaPayout.id })
      expect(new Date(entry.available_at).toISOString()).toBe(cutoff.toISOString())
      const balance = (await ledger().balances([tea.id], cutoff)).get(tea.id)
      expect(balance.available).toBe(0)
      expect(balance.pending).toBe(270_000)

      // Stripe Connect: one transfer, the payout id as idempotency key; processing until Stripe says so.
      const [stripePayout] = await payoutsOf(stripeCoop.id)
      expect(stripePayout).toMatchObject({ amount: 250_000, provider: "stripe_connect", status: "processing", reference: `tr_${stripePayout.id.slice(-12)}` })
      expect(transfers.filter((t) => t.key === stripePayout.id)).toEqual([
        { key: stripePayout.id, body: expect.objectContaining({ amount: "250000", currency: "vnd", destination: "acct_1TestCoopstall", "metadata[payout_id]": stripePayout.id }) },
      ])
      expect(await payoutsOf(small.id)).toEqual([])
      // Stripe's webhook settles it: the desk is offered nothing to do by hand.
      const stripeView = (await call(api.get(`/admin/payouts?cooperative_id=${stripeCoop.id}`, bearer(admin)))).data.payouts
      expect(stripeView).toEqual([expect.objectContaining({ id: stripePayout.id, settled_by: "provider", admin_actions: [] })])
      expect(await payoutsOf(unverified.id)).toEqual([])

      // The run's page shows its payouts and its skips; running the period again is refused.
      const page = await call(api.get(`/admin/payout-runs/${res.data.payout_run.id}`, bearer(admin)))
      expect(page.status).toBe(200)
      expect(page.data.payout_run.payouts.map((p: any) => p.cooperative_id)).toEqual(expect.arrayContaining([tea.id, stripeCoop.id]))
      expect(page.data.payout_run.skipped.find((s: any) => s.cooperative_id === unverified.id).message).toMatch(/not been verified/)
      const again = await run("2026-W40")
      expect(again.status).toBe(409)
      expect(again.data.code).toBe("payout_run_completed")
      expect(await payoutsOf(tea.id)).toHaveLength(1)

      // (Each test starts from the seeded database again: this run is the only one here.)
      const list = await call(api.get(`/admin/payout-runs`, bearer(admin)))
      expect(list.data.payout_runs[0]).toMatchObject({ period: "2026-W40", payout_count: res.data.payout_run.payout_count })
    })

    it("two runs of the same period at the same moment pay each cooperative once", async () => {
      const coops = [await cooperative("Song song 1"), await cooperative("Song song 2"), await cooperative("Song song 3")]
      for (const [i, c] of coops.entries()) await earn(c.id, 200_000 + i * 100_000, 20_000)

      const [a, b] = await Promise.all([run("2026-W41"), run("2026-W41")])
      expect([a.status, b.status].every((s) => s === 201 || s === 409)).toBe(true)
      for (const [i, c] of coops.entries()) {
        const payouts = await payoutsOf(c.id)
        expect(payouts.map((p: any) => [p.period, p.amount])).toEqual([["2026-W41", 180_000 + i * 100_000]])
        expect(await payoutEntriesOf(c.id)).toHaveLength(1)
      }
      const [runRow] = await ledger().listPayoutRuns({ period: "2026-W41" })
      expect(runRow.status).toBe("completed")
      expect(runRow.payout_count).toBe((await ledger().listPayouts({ period: "2026-W41" })).length)

      // Underneath, it is the database that refuses: a second payout for the period cannot be written.
      const [first] = await payoutsOf(coops[0].id)
      const second = ledger().recordPayout({
        id: "po_second_attempt", cooperative_id: coops[0].id, run_id: runRow.id, period: "2026-W41", amount: 1000,
        cutoff_at: new Date(runRow.cutoff_at), provider: "bank_transfer",
      })
      await expect(second).rejects.toThrow()
      expect((await payoutsOf(coops[0].id)).map((p: any) => p.id)).toEqual([first.id])
      expect(await ledger().listLedgerEntries({ source_id: "po_second_attempt" })).toEqual([])
    })

    it("a cooperative whose payout cannot be written fails alone: the others are paid, the run is partially completed, and running again pays it", async () => {
      const coops = [await cooperative("Dừng 1"), await cooperative("Dừng 2"), await cooperative("Dừng 3")]
      for (const c of coops) await earn(c.id, 300_000)
      const [before, middle, after] = [...coops].sort((x, y) => (x.id < y.id ? -1 : 1))

      // The database refuses the middle cooperative's payout, as a lost connection or a bad row would.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      await pg.raw(`create or replace function payout_test_crash() returns trigger language plpgsql as $$
        begin if new.cooperative_id = '${middle.id}' then raise exception 'simulated crash'; end if; return new; end $$`)
      await pg.raw(`create trigger payout_test_crash before insert on payout for each row execute function payout_test_crash()`)
      let partial
      try {
        partial = await run("2026-W42")
      } finally {
        await pg.raw(`drop trigger payout_test_crash on payout`)
      }
      expect(partial.status).toBe(201)
      expect(partial.data.payout_run).toMatchObject({
        status: "partially_completed", payout_count: 2, payout_total: 600_000,
        failures: [{ cooperative_id: middle.id, available: 300_000, reason: "payout not recorded (P0001): simulated crash", cooperative: { name: "HTX Dừng 2" } }],
      })
      expect(JSON.stringify(partial.data.payout_run)).not.toContain(middle.bank_account_number)
      expect((await payoutsOf(before.id)).map((p: any) => p.amount)).toEqual([300_000])
      expect(await payoutsOf(middle.id)).toHaveLength(0)
      expect((await payoutsOf(after.id)).map((p: any) => p.amount)).toEqual([300_000])
      expect((await ledger().balances([middle.id])).get(middle.id).available).toBe(300_000)

      // A later run retries it: the period again pays the one that failed, and nobody twice.
      const resumed = await run("2026-W42")
      expect(resumed.status).toBe(201)
      expect(resumed.data.payout_run).toMatchObject({ id: partial.data.payout_run.id, status: "completed", payout_count: 3, payout_total: 900_000, failures: [] })
      for (const c of coops) {
        expect((await payoutsOf(c.id)).map((p: any) => p.amount)).toEqual([300_000])
        expect(await payoutEntriesOf(c.id)).toHaveLength(1)
      }

      // A process killed outright leaves its run "running"; the next run takes it over all the same.
      await earn(middle.id, 200_000)
      const killed = await ledger().createPayoutRuns({ period: "2026-W43", cutoff_at: parsePeriod("2026-W43", "week")!.cutoff, status: "running", started_at: new Date() })
      const taken = await run("2026-W43")
      expect(taken.data.payout_run).toMatchObject({ id: killed.id, status: "completed", payout_count: 1, payout_total: 200_000 })
    })

    it("a transfer Stripe refuses fails that cooperative alone, with Stripe's reason; the others are paid and the next run pays it", async () => {
      const good = await cooperative("Stripe tốt", { stripe: "acct_1GoodCoop" })
      const refused = await cooperative("Stripe từ chối", { stripe: "acct_1RefusedCoop" })
      const bank = await cooperative("Chuyển khoản")
      for (const c of [good, refused, bank]) await earn(c.id, 500_000)
      refusedAccounts.add("acct_1RefusedCoop")
      let first
      try {
        first = await run("2026-W44")
      } finally {
        refusedAccounts.delete("acct_1RefusedCoop")
      }
      expect(first.status).toBe(201)
      const [failedPayout] = await payoutsOf(refused.id)
      expect(first.data.payout_run).toMatchObject({
        status: "partially_completed", payout_count: 2, payout_total: 1_000_000,
        failures: [{ cooperative_id: refused.id, payout_id: failedPayout.id, available: 500_000, reason: expect.stringContaining("No such destination") }],
      })
      expect(failedPayout).toMatchObject({ status: "failed", failure_reason: expect.stringContaining("No such destination"), amount: 500_000 })
      expect((await payoutsOf(good.id))[0]).toMatchObject({ status: "processing", amount: 500_000 })
      expect((await payoutsOf(bank.id))[0]).toMatchObject({ status: "pending", amount: 500_000 })
      // The money never left: it is owed again from that run's cutoff.
      const cutoff = parsePeriod("2026-W44", "week")!.cutoff
      expect((await ledger().balances([refused.id], cutoff)).get(refused.id)).toMatchObject({ available: 500_000, balance: 500_000 })

      const next = await run("2026-W45")
      expect(next.status).toBe(201)
      expect(next.data.payout_run).toMatchObject({ status: "completed", failures: [], payout_count: 1, payout_total: 500_000 })
      const retried = (await payoutsOf(refused.id)).find((p: any) => p.period === "2026-W45")
      expect(retried).toMatchObject({ status: "processing", amount: 500_000 })
      expect(transfers.filter((t) => t.body.destination === "acct_1RefusedCoop").map((t) => [t.key, t.body.amount])).toEqual([[retried.id, "500000"]])
      expect((await payoutsOf(good.id))).toHaveLength(1)
    })

    it("amounts past 2^31 đồng are paid, stored and shown to the đồng", async () => {
      const big = await cooperative("Lớn")
      const bigStripe = await cooperative("Lớn Stripe", { stripe: "acct_1BigCoop" })
      await earn(big.id, 3_300_000_007, 300_000_000)
      await earn(bigStripe.id, 2_200_000_001)
      const res = await run("2026-W40")
      expect(res.status).toBe(201)
      expect(res.data.payout_run).toMatchObject({ status: "completed", payout_count: 2, payout_total: 3_000_000_007 + 2_200_000_001 })

      const [payout] = await payoutsOf(big.id)
      expect(payout.amount).toBe(3_000_000_007)
      expect(new QRPay(payout.vietqr_payload).amount).toBe("3000000007")
      const shown = await call(api.get(`/admin/payouts/${payout.id}`, bearer(admin)))
      expect(shown.data.payout).toMatchObject({ amount: 3_000_000_007, ledger_entries: [{ type: "payout", amount: -3_000_000_007 }] })
      const listed = await call(api.get(`/admin/payouts?cooperative_id=${big.id}`, bearer(admin)))
      expect(listed.data.payouts.map((p: any) => p.amount)).toEqual([3_000_000_007])
      const [stripePayout] = await payoutsOf(bigStripe.id)
      expect(stripePayout).toMatchObject({ amount: 2_200_000_001, status: "processing" })
      expect(transfers.find((t) => t.key === stripePayout.id)!.body.amount).toBe("2200000001")
      const reconciliation = (await call(api.get(`/admin/ledger/reconciliation?cooperative_id=${big.id}`, bearer(admin)))).data.reconciliation
      expect(reconciliation).toMatchObject({ sales: 3_300_000_007, commission: 300_000_000, payouts: 3_000_000_007, balance: 0, balanced: true })
    })

    it("the finance officer pays from the VietQR code and marks it paid once; a failed transfer returns the money once", async () => {
      const paid = await cooperative("Đã trả")
      const bounced = await cooperative("Bị trả lại")
      await earn(paid.id, 150_000)
      await earn(bounced.id, 220_000)
      expect((await run("2026-W43")).status).toBe(201)
      const [p1] = await payoutsOf(paid.id)
      const [p2] = await payoutsOf(bounced.id)

      const svg = await call(api.get(`/admin/payouts/${p1.id}/qr`, bearer(admin)))
      expect(svg.status).toBe(200)
      expect(String(svg.data)).toContain("<svg")
      const png = await api.get(`/admin/payouts/${p1.id}/qr?format=png&size=256`, { ...bearer(admin), responseType: "arraybuffer" })
      expect(png.headers["content-type"]).toBe("image/png")
      expect(png.headers["x-qr-content"]).toBe(p1.vietqr_payload)
      expect(Buffer.from(png.data).subarray(1, 4).toString()).toBe("PNG")

      // Its method (bank transfer) tells the desk the union settles it, and what it may do while it is open.
      expect((await call(api.get(`/admin/payouts/${p1.id}`, bearer(admin)))).data.payout).toMatchObject({
        provider: "bank_transfer", settled_by: "union", admin_actions: ["scan_qr", "mark_paid", "mark_failed"],
      })
      const markPaid = () => call(api.post(`/admin/payouts/${p1.id}/mark-paid`, { reference: "FT26334123456" }, bearer(admin)))
      const done = await markPaid()
      expect(done.status).toBe(200)
      expect(done.data.payout).toMatchObject({ status: "paid", reference: "FT26334123456", cooperative: { name: "HTX Đã trả" }, admin_actions: [] })
      expect(done.data.payout.paid_at).toBeTruthy()
      const twice = await markPaid()
      expect(twice.status).toBe(409)
      expect(twice.data.code).toBe("invalid_payout_transition")
      const failAfterPaid = await call(api.post(`/admin/payouts/${p1.id}/mark-failed`, { reason: "nhầm" }, bearer(admin)))
      expect(failAfterPaid.status).toBe(409)
      expect(failAfterPaid.data.code).toBe("invalid_payout_transition")

      const failed = await call(api.post(`/admin/payouts/${p2.id}/mark-failed`, { reason: "Tài khoản bị khóa" }, bearer(admin)))
      expect(failed.status).toBe(200)
      expect(failed.data.payout).toMatchObject({ status: "failed", failure_reason: "Tài khoản bị khóa" })
      expect(failed.data.payout.ledger_entries.map((e: any) => [e.type, e.amount])).toEqual([["payout", -220_000], ["payout_reversal", 220_000]])
      expect((await call(api.post(`/admin/payouts/${p2.id}/mark-failed`, { reason: "lần nữa" }, bearer(admin)))).status).toBe(409)
      expect((await ledger().balances([bounced.id])).get(bounced.id).available).toBe(220_000)
      expect(await ledger().listLedgerEntries({ payout_id: p2.id, type: "payout_reversal" })).toHaveLength(1)

      // The union's reconciliation carries payouts and their reversals: the paid cooperative is at
      // zero, the bounced one has its money back, and the identity holds for both.
      const reconciliation = async (id: string) =>
        (await call(api.get(`/admin/ledger/reconciliation?cooperative_id=${id}`, bearer(admin)))).data.reconciliation
      expect(await reconciliation(paid.id)).toMatchObject({ sales: 150_000, payouts: 150_000, payout_reversals: 0, balance: 0, balanced: true })
      expect(await reconciliation(bounced.id)).toMatchObject({ sales: 220_000, payouts: 220_000, payout_reversals: 220_000, balance: 220_000, available: 220_000, balanced: true })

      const filtered = await call(api.get(`/admin/payouts?status=paid&period=2026-W43`, bearer(admin)))
      expect(filtered.data.payouts.map((p: any) => p.id)).toEqual([p1.id])
      const byCoop = await call(api.get(`/admin/payouts?cooperative_id=${bounced.id}`, bearer(admin)))
      expect(byCoop.data).toMatchObject({ count: 1, payouts: [{ id: p2.id, status: "failed" }] })
      expect((await call(api.get(`/admin/payouts/${p2.id}`, bearer(admin)))).data.payout).toMatchObject({ id: p2.id, vietqr_payload: p2.vietqr_payload })
    })

    it("Stripe's signed webhook settles a transfer; a forged one is refused and repeats change nothing", async () => {
      const coop = await cooperative("Stripe 2", { stripe: "acct_1TestCoopstall2" })
      await earn(coop.id, 400_000)
      expect((await run("2026-W44")).status).toBe(201)
      const [payout] = await payoutsOf(coop.id)
      expect(payout.status).toBe("processing")

      const stripe = new Stripe("sk_test_unused")
      const send = (type: string, secret = ENV.STRIPE_CONNECT_WEBHOOK_SECRET) => {
        const payload = JSON.stringify({
          id: `evt_${type}`, object: "event", type,
          data: { object: {
            id: payout.reference, object: "transfer", amount: 400000, currency: "vnd", destination: "acct_1TestCoopstall2",
            amount_reversed: type === "transfer.reversed" ? 400000 : 0, metadata: { payout_id: payout.id },
          } },
        })
        const signature = stripe.webhooks.generateTestHeaderString({ payload, secret })
        return call(api.post("/hooks/stripe-connect", payload, { headers: { "content-type": "application/json", "stripe-signature": signature } }))
      }
      const forged = await send("transfer.created", "whsec_someone_else")
      expect(forged.status).toBe(401)
      expect(forged.data.code).toBe("invalid_signature")
      expect((await payoutsOf(coop.id))[0].status).toBe("processing")

      expect((await send("transfer.created")).data).toMatchObject({ received: true, changed: true })
      expect((await send("transfer.created")).data).toMatchObject({ received: true, changed: false })
      expect((await payoutsOf(coop.id))[0]).toMatchObject({ status: "paid", reference: payout.reference })

      expect((await send("transfer.reversed")).data).toMatchObject({ changed: true })
      expect((await send("transfer.reversed")).data).toMatchObject({ changed: false })
      expect((await payoutsOf(coop.id))[0].status).toBe("failed")
      expect((await ledger().balances([coop.id])).get(coop.id).available).toBe(400_000)
      expect((await send("payout.paid")).data).toMatchObject({ ignored: "payout.paid" })
    })

    it("a partial Stripe reversal books what that event reversed, once; partial reversals add up; another transfer, account or currency books nothing", async () => {
      const coop = await cooperative("Hoàn một phần", { stripe: "acct_1PartialCoop" })
      await earn(coop.id, 1_000_000)
      expect((await run("2026-W44")).status).toBe(201)
      const [payout] = await payoutsOf(coop.id)
      const stripe = new Stripe("sk_test_unused")
      // Stripe's event carries the transfer as it is now: its running total reversed and the reversals so far.
      const send = (type: string, eventId: string, amountReversed: number, over: Record<string, unknown> = {}) => {
        const payload = JSON.stringify({
          id: eventId, object: "event", type,
          data: { object: {
            id: payout.reference, object: "transfer", amount: 1_000_000, currency: "vnd", destination: "acct_1PartialCoop",
            amount_reversed: amountReversed, reversed: amountReversed >= 1_000_000,
            reversals: { object: "list", data: amountReversed ? [{ id: `trr_${eventId}`, object: "transfer_reversal", amount: amountReversed, currency: "vnd" }] : [] },
            metadata: { payout_id: payout.id }, ...over,
          } },
        })
        const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: ENV.STRIPE_CONNECT_WEBHOOK_SECRET })
        return call(api.post("/hooks/stripe-connect", payload, { headers: { "content-type": "application/json", "stripe-signature": signature } }))
      }
      const reversals = async () => (await ledger().listLedgerEntries({ payout_id: payout.id, type: "payout_reversal" })).map((e: any) => e.amount).sort((a: number, b: number) => a - b)
      const available = async () => (await ledger().balances([coop.id])).get(coop.id).available

      expect((await send("transfer.created", "evt_created", 0)).data).toMatchObject({ changed: true })
      const first = await send("transfer.reversed", "evt_partial_1", 300_000)
      expect(first.status).toBe(200)
      expect(first.data).toMatchObject({ changed: true, booked: 300_000, reversed_total: 300_000, status: "paid" })
      expect((await payoutsOf(coop.id))[0].status).toBe("paid")
      expect(await reversals()).toEqual([300_000])
      expect(await available()).toBe(300_000)

      // Stripe delivers an event more than once: the second delivery books nothing.
      expect((await send("transfer.reversed", "evt_partial_1", 300_000)).data).toMatchObject({ changed: false, booked: 0 })
      expect(await reversals()).toEqual([300_000])

      // Signed, but not about this payout's money: ignored with a 200 so Stripe stops sending it.
      for (const [what, over, why] of [
        ["another currency", { currency: "usd" }, "not this payout's currency"],
        ["another account", { destination: "acct_1SomeoneElse" }, "not this cooperative's Stripe account"],
        ["another transfer", { id: "tr_not_this_one" }, "not this payout's transfer"],
      ] as const) {
        const res = await send("transfer.reversed", `evt_foreign_${what.replace(/ /g, "_")}`, 900_000, over)
        expect({ what, status: res.status, ignored: res.data.ignored, changed: res.data.changed }).toEqual({ what, status: 200, ignored: why, changed: false })
      }
      expect(await reversals()).toEqual([300_000])
      // Nor does a foreign "transfer.created" settle anything.
      expect((await send("transfer.created", "evt_foreign_created", 0, { destination: "acct_1SomeoneElse" })).data.changed).toBe(false)

      // A second partial reversal: Stripe's total is now 450,000, so this event returned 150,000.
      expect((await send("transfer.reversed", "evt_partial_2", 450_000)).data).toMatchObject({ booked: 150_000, reversed_total: 450_000, status: "paid" })
      expect(await reversals()).toEqual([150_000, 300_000])
      // An older event arriving late (Stripe's total was 300,000 then) books nothing more.
      expect((await send("transfer.reversed", "evt_partial_0", 300_000)).data).toMatchObject({ booked: 0 })

      // Two events about the same reversal at the same moment: the payout's lock lets one book it.
      const both = await Promise.all([send("transfer.reversed", "evt_race_a", 700_000), send("transfer.reversed", "evt_race_b", 700_000)])
      expect(both.map((r) => r.status)).toEqual([200, 200])
      expect(both.map((r) => r.data.booked).sort()).toEqual([0, 250_000])
      expect((await reversals()).reduce((a: number, b: number) => a + b, 0)).toBe(700_000)

      // The rest reversed: the payout fails, and exactly its amount is back, no more.
      expect((await send("transfer.reversed", "evt_full", 1_000_000)).data).toMatchObject({ booked: 300_000, reversed_total: 1_000_000, status: "failed" })
      expect((await payoutsOf(coop.id))[0]).toMatchObject({ status: "failed", failure_reason: "Stripe transfer reversed" })
      expect(await available()).toBe(1_000_000)
      expect((await send("transfer.reversed", "evt_after_full", 1_000_000)).data).toMatchObject({ booked: 0 })
      const reconciliation = (await call(api.get(`/admin/ledger/reconciliation?cooperative_id=${coop.id}`, bearer(admin)))).data.reconciliation
      expect(reconciliation).toMatchObject({ sales: 1_000_000, payouts: 1_000_000, payout_reversals: 1_000_000, balance: 1_000_000, balanced: true })
    })

    it("a cooperative's bank account counts only once the union verified it, and changing it needs verifying again", async () => {
      const withoutAccount = await cooperative("Chưa có tài khoản", { bank: false })
      const none = await call(api.post(`/admin/cooperatives/${withoutAccount.id}/bank-account/verify`, {}, bearer(admin)))
      expect(none.status).toBe(409)
      expect(none.data.code).toBe("no_bank_account")

      // The demo cooperatives' accounts are verified by the seed; Dafusa moves to another bank.
      const [dafusa] = await cooperatives().listCooperatives({ handle: "dafusa-phu-da" })
      expect(dafusa.bank_account_verified_at).toBeTruthy()
      const owner = await demoVendorToken(api, "dafusa-phu-da")
      const account = { bin: "970415", account_number: "106868686868", account_holder: "HTX DAFUSA PHU DA" }
      expect((await call(api.post("/vendor/cooperative/bank-account", account, bearer(owner)))).data.cooperative.bank_account.verified_at).toBeNull()
      await earn(dafusa.id, 180_000)
      const neighbour = await cooperative("Hàng xóm")
      await earn(neighbour.id, 150_000)
      const skipped = await run("2026-W45")
      expect(skipped.data.payout_run.skipped.find((s: any) => s.cooperative_id === dafusa.id)).toMatchObject({ reason: "bank_account_not_verified", available: 180_000 })

      const verified = await call(api.post(`/admin/cooperatives/${dafusa.id}/bank-account/verify`, {}, bearer(admin)))
      expect(verified.status).toBe(200)
      expect(verified.data.cooperative.bank_account).toMatchObject({ account_number: "106868686868", verified_by: expect.stringMatching(/^user_/) })
      // The same account again keeps the verification; another account loses it.
      expect((await call(api.post("/vendor/cooperative/bank-account", account, bearer(owner)))).data.cooperative.bank_account.verified_at).toBeTruthy()
      const changed = await call(api.post("/vendor/cooperative/bank-account", { ...account, account_number: "999999999" }, bearer(owner)))
      expect(changed.data.cooperative.bank_account).toMatchObject({ account_number: "999999999", verified_at: null, verified_by: null })
      await call(api.post(`/admin/cooperatives/${dafusa.id}/bank-account/verify`, {}, bearer(admin)))

      const paid = await run("2026-W46")
      expect(paid.status).toBe(201)
      expect((await payoutsOf(dafusa.id)).map((p: any) => [p.period, p.amount, p.bank_account.account_number])).toEqual([["2026-W46", 180_000, "999999999"]])

      // Only union admins move money: a cooperative's token reaches none of these routes.
      const [payout] = await payoutsOf(dafusa.id)
      for (const [method, url] of [
        ["post", "/admin/payout-runs"], ["get", "/admin/payout-runs"], ["get", "/admin/payouts"], ["get", `/admin/payouts/${payout.id}`],
        ["post", `/admin/payouts/${payout.id}/mark-paid`], ["post", `/admin/payouts/${payout.id}/mark-failed`],
        ["post", `/admin/cooperatives/${dafusa.id}/bank-account/verify`], ["post", `/admin/cooperatives/${dafusa.id}/stripe-account/connect`],
      ] as const) {
        const res = await call(method === "get" ? api.get(url, bearer(owner)) : api.post(url, { reference: "x", reason: "x" }, bearer(owner)))
        expect({ url, status: res.status }).toEqual({ url, status: 401 })
      }
      expect((await payoutsOf(dafusa.id))[0].status).toBe("pending")

      // Its own payouts, newest first; another cooperative's payout is as unknown as a made-up id.
      await earn(dafusa.id, 120_000)
      expect((await run("2026-W47")).status).toBe(201)
      const mine = await call(api.get("/vendor/payouts", bearer(owner)))
      expect(mine.data.payouts.map((p: any) => p.period)).toEqual(["2026-W47", "2026-W46"])
      expect(JSON.stringify(mine.data)).not.toContain("vietqr_payload")
      const one = await call(api.get(`/vendor/payouts/${payout.id}`, bearer(owner)))
      expect(one.data.payout).toMatchObject({ id: payout.id, amount: 180_000, ledger_entries: [{ type: "payout", amount: -180_000 }] })
      const [foreign] = await payoutsOf(neighbour.id)
      const other = await call(api.get(`/vendor/payouts/${foreign.id}`, bearer(owner)))
      expect(other.status).toBe(404)
      expect(other.data.code).toBe("not_found")
    })

    it("Stripe accounts are connected by the union", async () => {
      const coop = await cooperative("Kết nối")
      const bad = await call(api.post(`/admin/cooperatives/${coop.id}/stripe-account/connect`, { stripe_account_id: "tk_123" }, bearer(admin)))
      expect(bad.status).toBe(400)
      const ok = await call(api.post(`/admin/cooperatives/${coop.id}/stripe-account/connect`, { stripe_account_id: "acct_1ABCDEFG" }, bearer(admin)))
      expect(ok.data.cooperative.stripe_account_id).toBe("acct_1ABCDEFG")
      const off = await call(api.post(`/admin/cooperatives/${coop.id}/stripe-account/connect`, { stripe_account_id: null }, bearer(admin)))
      expect(off.data.cooperative.stripe_account_id).toBeNull()
      expect((await call(api.post(`/admin/cooperatives/coop_01UNKNOWN/stripe-account/connect`, { stripe_account_id: null }, bearer(admin)))).status).toBe(404)
    })

    it("refuses what cannot be run or decided with a clear 4xx", async () => {
      expect((await run("2026-W40")).status).toBe(201)
      const cases: [string, Promise<any>, number, string][] = [
        ["malformed period", run("2026-48"), 400, "invalid_period"],
        ["week 54", run("2026-W54"), 400, "invalid_period"],
        ["a month while paying weekly", run("2026-11"), 400, "invalid_period"],
        ["not ended", run("2099-W01"), 400, "period_not_ended"],
        ["earlier than a run already made", run("2026-W39"), 409, "later_period_already_run"],
        ["unknown field", call(api.post("/admin/payout-runs", { period: "2026-W48", force: true }, bearer(admin))), 400, "invalid_request"],
        ["unknown payout", call(api.get("/admin/payouts/po_01UNKNOWN", bearer(admin))), 404, "not_found"],
        ["mark an unknown payout paid", call(api.post("/admin/payouts/po_01UNKNOWN/mark-paid", { reference: "FT1" }, bearer(admin))), 404, "not_found"],
        ["mark paid without reference", call(api.post("/admin/payouts/po_01UNKNOWN/mark-paid", {}, bearer(admin))), 400, "invalid_request"],
        ["mark failed without reason", call(api.post("/admin/payouts/po_01UNKNOWN/mark-failed", {}, bearer(admin))), 400, "invalid_request"],
        ["unknown run", call(api.get("/admin/payout-runs/prun_01UNKNOWN", bearer(admin))), 404, "not_found"],
        ["bad status filter", call(api.get("/admin/payouts?status=lost", bearer(admin))), 400, "invalid_request"],
        ["verify an unknown cooperative", call(api.post("/admin/cooperatives/coop_01UNKNOWN/bank-account/verify", {}, bearer(admin))), 404, "not_found"],
      ]
      for (const [what, promise, status, code] of cases) {
        const res = await promise
        expect({ what, status: res.status, code: res.data?.code }).toEqual({ what, status, code })
      }
      const hook = await call(api.post("/hooks/stripe-connect", "{}", { headers: { "content-type": "application/json" } }))
      expect(hook.status).toBe(401)
    })
  },
})
