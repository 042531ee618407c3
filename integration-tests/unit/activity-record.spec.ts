import { matchVendorRoute } from "../../src/api/vendor/access"
import { recordOf } from "../../src/api/vendor/activity-recorder"
import { cooperativeUserIdOf, unionActingOf } from "../../src/modules/cooperative/vendor-actor"

const record = (method: string, path: string, body: unknown = null) => {
  const match = matchVendorRoute(method, path)
  if (!match.ok) throw match.error
  return recordOf(match.route, path, body, "coop_1")
}

describe("what an activity row says a write was about", () => {
  it("names the first id of the path, with a nested id as detail", () => {
    expect(record("POST", "/vendor/products/prod_1")).toEqual({ record_type: "product", record_id: "prod_1", detail_id: null })
    expect(record("POST", "/vendor/products/prod_1/variants/variant_2")).toEqual({ record_type: "product", record_id: "prod_1", detail_id: "variant_2" })
    expect(record("POST", "/vendor/orders/order_1/fulfillments/ful_2/ship")).toEqual({ record_type: "order", record_id: "order_1", detail_id: "ful_2" })
    expect(record("POST", "/vendor/inventory/iitem_1")).toEqual({ record_type: "inventory_item", record_id: "iitem_1", detail_id: null })
  })

  it("names what a write without an id created, from its answer", () => {
    expect(record("POST", "/vendor/products", { product: { id: "prod_9", title: "Chè" } })).toEqual({ record_type: "product", record_id: "prod_9", detail_id: null })
    expect(record("POST", "/vendor/uploads", { files: [{ id: "upl_1" }, { id: "upl_2" }] })).toEqual({ record_type: "upload", record_id: "upl_1", detail_id: null })
    expect(record("POST", "/vendor/cooperative", { cooperative: { id: "coop_1" } })).toEqual({ record_type: "cooperative", record_id: "coop_1", detail_id: null })
    expect(record("POST", "/vendor/lots", "not an object")).toEqual({ record_type: "lot", record_id: null, detail_id: null })
  })
})

describe("the union's acting claim", () => {
  const acting = { cooperative_id: "coop_1", admin_user_id: "user_1", admin_email: "a@lm.vn", managed_since: "2026-12-01T00:00:00.000Z" }
  const context = (extra: object) => ({ actor_id: "user_1", actor_type: "vendor", auth_identity_id: "", app_metadata: {}, ...extra }) as any

  it("is read only from a vendor token, and never as a cooperative user's id", () => {
    expect(unionActingOf(context({ union_acting: acting }))).toEqual(acting)
    expect(cooperativeUserIdOf(context({ union_acting: acting }))).toBeNull()
    expect(unionActingOf({ ...context({ union_acting: acting }), actor_type: "user" })).toBeNull()
    expect(unionActingOf(context({ union_acting: { ...acting, cooperative_id: 7 } }))).toBeNull()
    expect(cooperativeUserIdOf(context({ union_acting: "garbage" }))).toBeNull()
    expect(cooperativeUserIdOf(context({}))).toBe("user_1")
  })
})
