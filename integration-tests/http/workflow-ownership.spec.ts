import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { refusalOf } from "../../src/lib/errors"
import { CERTIFICATION_MODULE } from "../../src/modules/certification"
import { COOPERATIVE_MODULE } from "../../src/modules/cooperative"
import { COOPERATIVE_RATE_PROVIDER_ID } from "../../src/modules/fulfillment-cooperative-rate"
import { REVIEW_MODULE } from "../../src/modules/review"
import { TRACEABILITY_MODULE } from "../../src/modules/traceability"
import { complete, readyCart, variantsBySku } from "../checkout"
import { bearer, call, demoLogin, demoVendorToken, seedMarketplace } from "../helpers"

jest.setTimeout(300_000)

// The workflows (and the links they read through) are loaded once the app has booted: at import time
// Medusa's link registry does not exist yet.
const loadWorkflows = () => ({
  ...(require("../../src/workflows/cooperative/read/ownership") as typeof import("../../src/workflows/cooperative/read/ownership")),
  ...(require("../../src/workflows/certification/resubmit-certification") as typeof import("../../src/workflows/certification/resubmit-certification")),
  ...(require("../../src/workflows/cooperative/invite-cooperative-user") as typeof import("../../src/workflows/cooperative/invite-cooperative-user")),
  ...(require("../../src/workflows/cooperative/remove-cooperative-user") as typeof import("../../src/workflows/cooperative/remove-cooperative-user")),
  ...(require("../../src/workflows/cooperative/update-cooperative") as typeof import("../../src/workflows/cooperative/update-cooperative")),
  ...(require("../../src/workflows/inventory/set-cooperative-stock") as typeof import("../../src/workflows/inventory/set-cooperative-stock")),
  ...(require("../../src/workflows/order/cancel-cooperative-fulfillment") as typeof import("../../src/workflows/order/cancel-cooperative-fulfillment")),
  ...(require("../../src/workflows/order/cancel-cooperative-order") as typeof import("../../src/workflows/order/cancel-cooperative-order")),
  ...(require("../../src/workflows/order/create-cooperative-fulfillment") as typeof import("../../src/workflows/order/create-cooperative-fulfillment")),
  ...(require("../../src/workflows/order/deliver-cooperative-fulfillment") as typeof import("../../src/workflows/order/deliver-cooperative-fulfillment")),
  ...(require("../../src/workflows/order/fail-cooperative-delivery") as typeof import("../../src/workflows/order/fail-cooperative-delivery")),
  ...(require("../../src/workflows/order/ship-cooperative-order") as typeof import("../../src/workflows/order/ship-cooperative-order")),
  ...(require("../../src/workflows/review/reply-to-review") as typeof import("../../src/workflows/review/reply-to-review")),
  ...(require("../../src/workflows/shipping/create-cooperative-shipping-option") as typeof import("../../src/workflows/shipping/create-cooperative-shipping-option")),
  ...(require("../../src/workflows/shipping/delete-cooperative-shipping-option") as typeof import("../../src/workflows/shipping/delete-cooperative-shipping-option")),
  ...(require("../../src/workflows/shipping/update-cooperative-shipping-option") as typeof import("../../src/workflows/shipping/update-cooperative-shipping-option")),
  ...(require("../../src/workflows/traceability/create-lot") as typeof import("../../src/workflows/traceability/create-lot")),
  ...(require("../../src/workflows/traceability/create-trace-event") as typeof import("../../src/workflows/traceability/create-trace-event")),
  ...(require("../../src/workflows/traceability/delete-lot") as typeof import("../../src/workflows/traceability/delete-lot")),
  ...(require("../../src/workflows/traceability/delete-trace-event") as typeof import("../../src/workflows/traceability/delete-trace-event")),
  ...(require("../../src/workflows/traceability/publish-lot") as typeof import("../../src/workflows/traceability/publish-lot")),
  ...(require("../../src/workflows/traceability/update-lot") as typeof import("../../src/workflows/traceability/update-lot")),
  ...(require("../../src/workflows/traceability/update-trace-event") as typeof import("../../src/workflows/traceability/update-trace-event")),
})
let w: ReturnType<typeof loadWorkflows>

const A = "dafusa-phu-da"
const B = "htx-che-da-hen"

/** How a workflow run ended: refused with an HTTP status and code, or done. */
async function outcome(run: () => Promise<unknown>) {
  try {
    await run()
    return "done"
  } catch (err: any) {
    const refusal = refusalOf(err)
    return refusal ? `${refusal.status} ${refusal.code}` : `? ${err?.code ?? err?.message}`
  }
}

// Defence in depth: the workflows behind /vendor are run here straight from the container, with no
// middleware in front, as cooperative A naming cooperative B's records. Each must refuse with the
// same 404 the middleware gives, and nothing of B's may change.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let ids: Record<"a" | "b", Record<string, string>>
    let lineItemOfB: { id: string; quantity: number }

    async function fixturesOf(handle: string, tag: string) {
      const container = getContainer()
      const token = await demoVendorToken(api, handle)
      const me = (await api.get("/vendor/me", bearer(token))).data
      const cooperativeId = me.cooperative.id
      const product = (await api.get("/vendor/products?limit=1", bearer(token))).data.products[0]
      const inventory = (await api.get("/vendor/inventory", bearer(token))).data.inventory[0]
      const lot = (await api.get("/vendor/lots?limit=1", bearer(token))).data.lots[0]
      const event = (await api.get(`/vendor/lots/${lot.id}`, bearer(token))).data.lot.events[0]
      const order = (await api.get("/vendor/orders", bearer(token))).data.orders[0]
      const option = (await api.get("/vendor/shipping-options", bearer(token))).data.shipping_options[0]
      const locationId = (await w.cooperativeStockLocationId(container, cooperativeId))!
      const { data: locations } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "stock_location",
        fields: ["fulfillment_sets.service_zones.id"],
        filters: { id: locationId },
      })
      const [identity] = await container
        .resolve(Modules.AUTH)
        .listProviderIdentities({ entity_id: demoLogin(handle).email, provider: "emailpass" })
      // Quality claims and a published review, made through the modules as the isolation spec does.
      const certification: any = container.resolve(CERTIFICATION_MODULE)
      const claim = { cooperative_id: cooperativeId, evidence_file_id: "x", evidence_url: "x", expires_at: new Date(Date.now() + 86_400_000) }
      const rating = await certification.createOcopRatings({
        ...claim, product_id: product.id, status: "rejected", stars: 3, product_group: "food", issuing_authority: "UBND", decision_number: `9/${tag}`, decision_date: "2026-01-01",
      })
      const certificate = await certification.createCertificates({
        ...claim, type: "other", code: `WF-${tag}`, issuing_body: "X", holder_name: "X", issued_on: "2026-01-01", valid_until: "2027-06-01", products: [{ product_id: product.id }],
      })
      const review = await (container.resolve(REVIEW_MODULE) as any).createShopperReviews({
        subject_type: "product", subject_id: product.id, product_id: product.id, cooperative_id: cooperativeId, order_id: `order_wf_${tag}`,
        customer_id: `cus_wf_${tag}`, author_name: "Khách", rating: 4, title: "Ngon", body: "Ngon", status: "published", published_at: new Date(),
      })
      return {
        token,
        cooperative: cooperativeId,
        user: me.user.id,
        auth_identity: identity.auth_identity_id!,
        variant: product.variants[0].id,
        inventory_item: inventory.inventory_item_id,
        stock_location: locationId,
        lot: lot.id,
        event: event.id,
        order: order.id,
        fulfillment: order.fulfillments[0]?.id,
        shipping_option: option.id,
        shipping_profile: (await w.cooperativeShippingProfileId(container, cooperativeId))!,
        service_zone: (locations[0] as any).fulfillment_sets[0].service_zones[0].id,
        ocop_rating: rating.id,
        certificate: certificate.id,
        review: review.id,
      }
    }

    /** Everything of B's that a refused workflow could have touched, read straight from the modules. */
    async function recordsOfB() {
      const c = getContainer()
      const b = ids.b
      const query = c.resolve(ContainerRegistrationKeys.QUERY)
      const traceability: any = c.resolve(TRACEABILITY_MODULE)
      const cooperatives: any = c.resolve(COOPERATIVE_MODULE)
      const certification: any = c.resolve(CERTIFICATION_MODULE)
      const inventory = c.resolve(Modules.INVENTORY)
      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["id", "status", "canceled_at", "fulfillments.id", "fulfillments.shipped_at", "fulfillments.delivered_at", "fulfillments.canceled_at", "fulfillments.metadata"],
        filters: { id: b.order },
      })
      return {
        lots: await traceability.listLots({ cooperative_id: b.cooperative }, { relations: ["events"], withDeleted: true }),
        lots_of_variant: await traceability.listLots({ variant_id: b.variant }, { select: ["id"], withDeleted: true }),
        order: orders,
        shipping_options: await c.resolve(Modules.FULFILLMENT).listShippingOptions(
          { shipping_profile_id: b.shipping_profile },
          { select: ["id", "name", "data", "service_zone_id", "deleted_at"], withDeleted: true }
        ),
        levels_of_item: await inventory.listInventoryLevels({ inventory_item_id: b.inventory_item }),
        levels_at_location: await inventory.listInventoryLevels({ location_id: b.stock_location }),
        cooperative: await cooperatives.retrieveCooperative(b.cooperative),
        users: await cooperatives.listCooperativeUsers({ cooperative_id: b.cooperative }, { withDeleted: true }),
        invites_by_b_users: await cooperatives.listCooperativeInvites({ invited_by: b.user }),
        sign_in: (await c.resolve(Modules.AUTH).listAuthIdentities({ id: [b.auth_identity] }, { select: ["id", "app_metadata"] }))[0],
        rating: await certification.listOcopRatings({ id: b.ocop_rating }),
        certificate: await certification.listCertificates({ id: b.certificate }, { relations: ["products"] }),
        review: await (c.resolve(REVIEW_MODULE) as any).listShopperReviews({ id: b.review }),
      }
    }

    beforeAll(async () => {
      w = loadWorkflows()
      const { publishableKey, regionId } = await seedMarketplace(getContainer())
      // One purchase across both cooperatives; B packs its order, A leaves its own unpacked.
      const sku = await variantsBySku(api, publishableKey)
      const cartId = await readyCart(api, publishableKey, regionId, [
        { variant_id: sku["DAFUSA-DP-500"], quantity: 1 },
        { variant_id: sku["DAHEN-CB-200"], quantity: 1 },
      ])
      expect((await complete(api, publishableKey, cartId)).status).toBe(200)
      const tokenB = await demoVendorToken(api, B)
      const orderB = (await api.get("/vendor/orders", bearer(tokenB))).data.orders[0]
      lineItemOfB = { id: orderB.items[0].id, quantity: 1 }
      await api.post(`/vendor/orders/${orderB.id}/fulfillments`, {}, bearer(tokenB))
      ids = { a: await fixturesOf(A, "a"), b: await fixturesOf(B, "b") }
    })

    it("every write workflow run as cooperative A on B's records refuses with not_found before writing, and B's records stay as they were", async () => {
      const c = getContainer()
      const { a, b } = ids
      const coop = a.cooperative
      const cases: [string, () => Promise<unknown>][] = [
        ["stock: B's item at B's warehouse", () => w.setCooperativeStockWorkflow(c).run({ input: { cooperative_id: coop, inventory_item_id: b.inventory_item, location_id: b.stock_location, stocked_quantity: 0 } })],
        ["stock: B's item at A's warehouse", () => w.setCooperativeStockWorkflow(c).run({ input: { cooperative_id: coop, inventory_item_id: b.inventory_item, location_id: a.stock_location, stocked_quantity: 0 } })],
        ["stock: A's item at B's warehouse", () => w.setCooperativeStockWorkflow(c).run({ input: { cooperative_id: coop, inventory_item_id: a.inventory_item, location_id: b.stock_location, stocked_quantity: 0 } })],
        ["lot: create for B's variant", () => w.createCooperativeLotWorkflow(c).run({ input: { cooperative_id: coop, lot: { variant_id: b.variant, lot_number: "WF-1" } } })],
        ["lot: update B's lot", () => w.updateCooperativeLotWorkflow(c).run({ input: { cooperative_id: coop, id: b.lot, update: { origin_area: "hacked", quantity: 1 } } })],
        ["lot: publish B's lot", () => w.publishCooperativeLotWorkflow(c).run({ input: { cooperative_id: coop, id: b.lot } })],
        ["lot: delete B's lot", () => w.deleteCooperativeLotWorkflow(c).run({ input: { cooperative_id: coop, id: b.lot } })],
        ["event: add to B's lot", () => w.createCooperativeTraceEventWorkflow(c).run({ input: { cooperative_id: coop, lot_id: b.lot, event: { type: "other", occurred_at: new Date(), title: "hacked" } } })],
        ["event: add to A's lot correcting B's event", () => w.createCooperativeTraceEventWorkflow(c).run({ input: { cooperative_id: coop, lot_id: a.lot, event: { type: "other", occurred_at: new Date(), corrects_event_id: b.event } } })],
        ["event: update B's event on B's lot", () => w.updateCooperativeTraceEventWorkflow(c).run({ input: { cooperative_id: coop, lot_id: b.lot, id: b.event, update: { title: "hacked" } } })],
        ["event: update B's event named under A's lot", () => w.updateCooperativeTraceEventWorkflow(c).run({ input: { cooperative_id: coop, lot_id: a.lot, id: b.event, update: { title: "hacked" } } })],
        ["event: delete B's event on B's lot", () => w.deleteCooperativeTraceEventWorkflow(c).run({ input: { cooperative_id: coop, lot_id: b.lot, id: b.event } })],
        ["event: delete B's event named under A's lot", () => w.deleteCooperativeTraceEventWorkflow(c).run({ input: { cooperative_id: coop, lot_id: a.lot, id: b.event } })],
        ["order: cancel B's order", () => w.cancelCooperativeOrderWorkflow(c).run({ input: { cooperative_id: coop, order_id: b.order, canceled_by: a.user } })],
        ["order: pack B's order", () => w.createCooperativeFulfillmentWorkflow(c).run({ input: { cooperative_id: coop, order_id: b.order, items: [lineItemOfB], created_by: a.user } })],
        ["order: pack A's order from B's warehouse", () => w.createCooperativeFulfillmentWorkflow(c).run({ input: { cooperative_id: coop, order_id: a.order, items: [], location_id: b.stock_location, created_by: a.user } })],
        ["order: ship B's fulfilment", () => w.shipCooperativeOrderWorkflow(c).run({ input: { cooperative_id: coop, order_id: b.order, fulfillment_id: b.fulfillment, carrier: "X", tracking_number: "X1", created_by: a.user } })],
        ["order: ship B's fulfilment named under A's order", () => w.shipCooperativeOrderWorkflow(c).run({ input: { cooperative_id: coop, order_id: a.order, fulfillment_id: b.fulfillment, carrier: "X", tracking_number: "X1", created_by: a.user } })],
        ["order: deliver B's fulfilment", () => w.deliverCooperativeFulfillmentWorkflow(c).run({ input: { cooperative_id: coop, order_id: b.order, fulfillment_id: b.fulfillment } })],
        ["order: deliver B's fulfilment named under A's order", () => w.deliverCooperativeFulfillmentWorkflow(c).run({ input: { cooperative_id: coop, order_id: a.order, fulfillment_id: b.fulfillment } })],
        ["order: record B's parcel as came back", () => w.failCooperativeDeliveryWorkflow(c).run({ input: { cooperative_id: coop, order_id: b.order, fulfillment_id: b.fulfillment, reason: "refused", return_shipping_cost: 1, recorded_by: a.user } })],
        ["order: record B's parcel as came back, named under A's order", () => w.failCooperativeDeliveryWorkflow(c).run({ input: { cooperative_id: coop, order_id: a.order, fulfillment_id: b.fulfillment, reason: "refused", return_shipping_cost: 1, recorded_by: a.user } })],
        ["order: cancel B's fulfilment", () => w.cancelCooperativeFulfillmentWorkflow(c).run({ input: { cooperative_id: coop, order_id: b.order, fulfillment_id: b.fulfillment, canceled_by: a.user } })],
        ["order: cancel B's fulfilment named under A's order", () => w.cancelCooperativeFulfillmentWorkflow(c).run({ input: { cooperative_id: coop, order_id: a.order, fulfillment_id: b.fulfillment, canceled_by: a.user } })],
        ...[
          ["shipping: create on B's profile and zone", b.shipping_profile, b.service_zone],
          ["shipping: create on A's profile in B's zone", a.shipping_profile, b.service_zone],
          ["shipping: create on B's profile in A's zone", b.shipping_profile, a.service_zone],
        ].map(([name, profile, zone]): [string, () => Promise<unknown>] => [
          name,
          () => w.createCooperativeShippingOptionWorkflow(c).run({
            input: {
              cooperative_id: coop,
              option: {
                name: "hacked", service_zone_id: zone, shipping_profile_id: profile, provider_id: COOPERATIVE_RATE_PROVIDER_ID,
                price_type: "calculated", data: { amount: 1, free_above: null }, type: { label: "x", description: "", code: "cooperative-rate" },
              } as any,
            },
          }),
        ]),
        ["shipping: update B's option", () => w.updateCooperativeShippingOptionWorkflow(c).run({ input: { cooperative_id: coop, id: b.shipping_option, update: { name: "hacked" } } })],
        ["shipping: delete B's option", () => w.deleteCooperativeShippingOptionWorkflow(c).run({ input: { cooperative_id: coop, id: b.shipping_option } })],
        ["users: remove B's owner", () => w.removeCooperativeUserWorkflow(c).run({ input: { cooperative_id: coop, user_id: b.user, auth_identity_id: b.auth_identity, removed_by: a.user } })],
        ["users: untie B's sign-in while naming A's user", () => w.removeCooperativeUserWorkflow(c).run({ input: { cooperative_id: coop, user_id: a.user, auth_identity_id: b.auth_identity, removed_by: a.user } })],
        ["invites: invite into A in the name of B's owner", () => w.inviteCooperativeUserWorkflow(c).run({ input: { cooperative_id: coop, email: "wf-moi@example.vn", role: "owner", invited_by: b.user } })],
        ["reviews: answer B's review", () => w.replyToReviewWorkflow(c).run({ input: { cooperative_id: coop, id: b.review, body: "hacked", user_id: a.user } })],
        ["ocop: resubmit B's rating", () => w.resubmitCertificationWorkflow(c).run({ input: { subject_type: "ocop_rating", cooperative_id: coop, id: b.ocop_rating, fields: { stars: 5 }, actor_type: "vendor", actor_id: a.user } })],
        ["certificates: resubmit B's certificate", () => w.resubmitCertificationWorkflow(c).run({ input: { subject_type: "certificate", cooperative_id: coop, id: b.certificate, fields: { issuing_body: "hacked" }, actor_type: "vendor", actor_id: a.user } })],
      ]
      const before = JSON.stringify(await recordsOfB())
      const results: Record<string, string> = {}
      for (const [name, run] of cases) results[name] = await outcome(run)
      expect(results).toEqual(Object.fromEntries(cases.map(([name]) => [name, "404 not_found"])))
      expect(JSON.parse(JSON.stringify(await recordsOfB()))).toEqual(JSON.parse(before))
    })

    it("unknown ids and a missing cooperative get the same refusal as foreign ones", async () => {
      const c = getContainer()
      const { a } = ids
      const results = {
        lot: await outcome(() => w.updateCooperativeLotWorkflow(c).run({ input: { cooperative_id: a.cooperative, id: "lot_01UNKNOWN", update: { quantity: 1 } } })),
        event: await outcome(() => w.deleteCooperativeTraceEventWorkflow(c).run({ input: { cooperative_id: a.cooperative, lot_id: a.lot, id: "trev_01UNKNOWN" } })),
        order: await outcome(() => w.cancelCooperativeOrderWorkflow(c).run({ input: { cooperative_id: a.cooperative, order_id: "order_01UNKNOWN", canceled_by: a.user } })),
        option: await outcome(() => w.deleteCooperativeShippingOptionWorkflow(c).run({ input: { cooperative_id: a.cooperative, id: "so_01UNKNOWN" } })),
        // A blank cooperative or id must not read as "no filter" and match everything.
        no_cooperative: await outcome(() => w.updateCooperativeLotWorkflow(c).run({ input: { cooperative_id: "", id: a.lot, update: { quantity: 1 } } })),
        blank_id: await outcome(() => w.updateCooperativeLotWorkflow(c).run({ input: { cooperative_id: a.cooperative, id: undefined as any, update: { quantity: 1 } } })),
        blank_parent: await outcome(() => w.deleteCooperativeTraceEventWorkflow(c).run({ input: { cooperative_id: a.cooperative, lot_id: undefined as any, id: a.event } })),
        unknown_cooperative: await outcome(() => w.updateCooperativeWorkflow(c).run({ input: { cooperative_id: "coop_01UNKNOWN", update: { description: "x" } } })),
      }
      expect(results).toEqual({
        lot: "404 not_found", event: "404 not_found", order: "404 not_found", option: "404 not_found",
        no_cooperative: "404 not_found", blank_id: "404 not_found", blank_parent: "404 not_found", unknown_cooperative: "404 not_found",
      })
      const [lot] = await (c.resolve(TRACEABILITY_MODULE) as any).listLots({ id: a.lot }, { relations: ["events"] })
      expect(lot.quantity).not.toBe(1)
      expect(lot.events.map((e: any) => e.id)).toContain(a.event)
    })

    it("a profile update always lands on the acting cooperative, whatever id its body names", async () => {
      const c = getContainer()
      const { a, b } = ids
      const cooperatives: any = c.resolve(COOPERATIVE_MODULE)
      const bBefore = await cooperatives.retrieveCooperative(b.cooperative)
      const { result } = await w.updateCooperativeWorkflow(c).run({ input: { cooperative_id: a.cooperative, update: { id: b.cooperative, description: "Đậu phụ sạch Phú Đa" } } })
      expect(result.id).toBe(a.cooperative)
      expect((await cooperatives.retrieveCooperative(a.cooperative)).description).toBe("Đậu phụ sạch Phú Đa")
      expect(await cooperatives.retrieveCooperative(b.cooperative)).toEqual(bBefore)
    })

    it("through HTTP, a cooperative still corrects its own rejected certificate and sends it back to the union's queue", async () => {
      const { a } = ids
      const res = await call(api.post(`/vendor/certificates/${a.certificate}`, { issuing_body: "Trung tâm Chứng nhận Huế" }, bearer(a.token)))
      expect([res.status, res.data.certificate?.status, res.data.certificate?.issuing_body]).toEqual([200, "submitted", "Trung tâm Chứng nhận Huế"])
      const foreign = await call(api.post(`/vendor/certificates/${ids.b.certificate}`, { issuing_body: "x" }, bearer(a.token)))
      expect([foreign.status, foreign.data.code]).toEqual([404, "not_found"])
    })
  },
})
