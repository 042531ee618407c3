import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Stripe from "stripe"
import { QRPay } from "vietnam-qr-pay"
import { hmacSha256 } from "../../src/lib/webhook-signature"
import { complete, readyCart, variantsBySku } from "../checkout"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"
import { useEnv } from "../env"

jest.setTimeout(180_000)

// The union's receiving account and the payment secrets, before the app boots and reads them.
const ENV = {
  VIETQR_BANK_BIN: "970415",
  VIETQR_ACCOUNT_NUMBER: "113366668888",
  VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH",
  VIETQR_WEBHOOK_SECRET: "bank-notify-secret",
  STRIPE_API_KEY: "sk_test_coopstall_never_called",
  STRIPE_WEBHOOK_SECRET: "whsec_coopstall_test",
}
useEnv(ENV)

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
    })

    /** A VietQR purchase of Thanh Nam tea (270.000 ₫ with shipping) and Dafusa oil (125.000 ₫). */
    async function vietQrPurchase(email: string) {
      const cartId = await readyCart(api, pk, regionId, [
        { variant_id: sku["THANHNAM-TX-200"], quantity: 2 },
        { variant_id: sku["DAFUSA-DP-500"], quantity: 1 },
      ], { email, provider_id: "pp_vietqr_vietqr" })
      const { data } = await api.get(`/store/carts/${cartId}?fields=*payment_collection.payment_sessions`, storeHeaders(pk))
      const session = data.cart.payment_collection.payment_sessions[0]
      const done = await complete(api, pk, cartId)
      expect(done.status).toBe(200)
      return { session, group: done.data.order_group }
    }

    const transactionsOf = async (orderId: string) =>
      (await getContainer().resolve("order").listOrderTransactions({ order_id: orderId })).map((t: any) => Number(t.amount))

    it("the storefront gets a VietQR payload with the union's account, the amount and the purchase reference; the union marks the transfer received once", async () => {
      const { session, group } = await vietQrPurchase("chuyen-khoan@example.vn")
      expect(session.provider_id).toBe("pp_vietqr_vietqr")
      expect(session.data).toMatchObject({ bank_bin: "970415", account_number: "113366668888", account_name: "LIEN MINH HTX TINH", amount: 395000 })
      expect(session.data.reference).toMatch(/^CS[A-Z2-9]{8}$/)
      const decoded = new QRPay(session.data.qr_payload)
      expect(decoded.isValid).toBe(true)
      expect([decoded.consumer?.bankBin, decoded.consumer?.bankNumber, decoded.amount, decoded.additionalData?.purpose]).toEqual([
        "970415", "113366668888", "395000", session.data.reference,
      ])

      expect(group.payment).toMatchObject({ provider_id: "pp_vietqr_vietqr", reference: session.data.reference, status: "authorized", captured_amount: 0 })
      const admin = await adminToken(api)
      const paid = await call(api.post(`/admin/order-groups/${group.id}/mark-paid`, {}, bearer(admin)))
      expect(paid.status).toBe(200)
      expect(paid.data.captured).toBe(true)
      expect(paid.data.order_group.payment).toMatchObject({ status: "completed", captured_amount: 395000 })
      // Each cooperative's order records exactly its share of the one payment.
      expect(await transactionsOf(group.orders[0].id)).toEqual([270000])
      expect(await transactionsOf(group.orders[1].id)).toEqual([125000])

      const again = await call(api.post(`/admin/order-groups/${group.id}/mark-paid`, {}, bearer(admin)))
      expect(again.data.captured).toBe(false)
      expect(await transactionsOf(group.orders[0].id)).toEqual([270000])
      const shopper = await call(api.post(`/admin/order-groups/${group.id}/mark-paid`, {}))
      expect(shopper.status).toBe(401)
    })

    it("the bank's signed notification marks the purchase paid; a bad signature, a short amount or an unknown reference change nothing; a paid order canceled is refunded its share", async () => {
      const { session, group } = await vietQrPurchase("ngan-hang@example.vn")
      const send = (body: object, signature?: string) => {
        const raw = JSON.stringify(body)
        return call(
          api.post(`/hooks/vietqr`, raw, {
            headers: { "content-type": "application/json", ...(signature !== undefined ? { "x-vietqr-signature": signature } : {}) },
          })
        )
      }
      const sign = (body: object) => `sha256=${hmacSha256(ENV.VIETQR_WEBHOOK_SECRET, JSON.stringify(body))}`
      const notice = { reference: session.data.reference, amount: 395000, transaction_id: "FT2611230001" }

      expect((await send(notice)).status).toBe(401)
      const forged = await send(notice, `sha256=${hmacSha256("wrong-secret", JSON.stringify(notice))}`)
      expect([forged.status, forged.data.code]).toEqual([401, "invalid_signature"])
      const short = { ...notice, amount: 300000 }
      expect((await send(short, sign(short))).data.code).toBe("amount_short")
      const unknown = { ...notice, reference: "CSNOTHING" }
      expect((await send(unknown, sign(unknown))).status).toBe(404)
      expect((await api.get(`/store/order-groups/${group.id}`, storeHeaders(pk))).data.order_group.payment.status).toBe("authorized")

      const ok = await send(notice, sign(notice))
      expect(ok.status).toBe(200)
      expect(ok.data).toMatchObject({ received: true, order_group_id: group.id, captured: true })
      const retry = await send(notice, sign(notice))
      expect(retry.data.captured).toBe(false)
      expect((await api.get(`/store/order-groups/${group.id}`, storeHeaders(pk))).data.order_group.payment).toMatchObject({ status: "completed", captured_amount: 395000 })

      // Dafusa cancels after the money arrived: its 125.000 ₫ go back, Thanh Nam's share stays.
      const dafusa = await demoVendorToken(api, "dafusa-phu-da")
      const canceled = await call(api.post(`/vendor/orders/${group.orders[1].id}/cancel`, {}, bearer(dafusa)))
      expect(canceled.status).toBe(200)
      expect(canceled.data.refund).toMatchObject({ amount: 125000 })
      const payments = await getContainer().resolve("payment").listPayments({ id: canceled.data.refund.payment_id }, { relations: ["refunds"] })
      expect(payments[0].refunds.map((r: any) => Number(r.amount))).toEqual([125000])
    })

    it("Stripe is registered when its key is set, and its webhook is only believed with Stripe's signature", async () => {
      const paymentModule: any = getContainer().resolve("payment")
      const providers = (await paymentModule.listPaymentProviders({})).map((p: any) => p.id)
      expect(providers).toEqual(expect.arrayContaining(["pp_system_default", "pp_vietqr_vietqr", "pp_stripe_stripe"]))

      const payload = JSON.stringify({
        id: "evt_test_1",
        object: "event",
        type: "payment_intent.amount_capturable_updated",
        data: { object: { id: "pi_test_1", object: "payment_intent", amount: 395000, amount_capturable: 395000, currency: "vnd", metadata: { session_id: "payses_test_1" } } },
      })
      const stripe = new Stripe("sk_test_unused")
      const header = stripe.webhooks.generateTestHeaderString({ payload, secret: ENV.STRIPE_WEBHOOK_SECRET })
      const signed = await paymentModule.getWebhookActionAndData({
        provider: "stripe_stripe",
        payload: { data: JSON.parse(payload), rawData: Buffer.from(payload), headers: { "stripe-signature": header } },
      })
      expect(signed).toMatchObject({ action: "authorized", data: { session_id: "payses_test_1", amount: 395000 } })

      const forged = stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" })
      await expect(
        paymentModule.getWebhookActionAndData({
          provider: "stripe_stripe",
          payload: { data: JSON.parse(payload), rawData: Buffer.from(payload), headers: { "stripe-signature": forged } },
        })
      ).rejects.toThrow(/signature/i)
    })
  },
})
