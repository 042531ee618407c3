import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cooperativeStockLocationId } from "../src/workflows/cooperative/read/ownership"
import { changeCooperativeStatusWorkflow } from "../src/workflows/cooperative/change-cooperative-status"
import { createCooperativeWorkflow } from "../src/workflows/cooperative/create-cooperative"
import { setCooperativeStock } from "../src/workflows/inventory/set-cooperative-stock"
import { createCooperativeProductsWorkflow } from "../src/workflows/product/create-cooperative-products"

export const CHECKOUT_COOPERATIVES = 3
const STOCK = 1_000_000

/**
 * The cooperatives the checkout benchmark buys from, built the way real ones are: registered,
 * approved (warehouse, shipping profile, 30.000 ₫ option), one published product with managed
 * stock at their own warehouse. Returns one variant id per cooperative.
 */
export async function seedCheckoutCooperatives(container: MedusaContainer, taxCode: (n: number) => string): Promise<string[]> {
  const auth = container.resolve(Modules.AUTH)
  const variantIds: string[] = []
  for (let n = 1; n <= CHECKOUT_COOPERATIVES; n++) {
    const email = `checkout-${n}@bench.coopstall.vn`
    const { authIdentity } = await auth.register("emailpass", {
      body: { email, password: "bench-checkout" },
      url: "",
      headers: {},
      query: {},
      protocol: "http",
    } as any)
    const { result } = await createCooperativeWorkflow(container).run({
      input: {
        auth_identity_id: authIdentity!.id,
        owner_email: email,
        owner: { first_name: "Chủ nhiệm", last_name: `HTX ${n}` },
        cooperative: {
          handle: `bench-checkout-htx-${n}`,
          name: `HTX Thanh toán ${n}`,
          legal_name: `Hợp tác xã Thanh toán ${n}`,
          tax_code: taxCode(100000 + n),
          province: "Phú Thọ",
          ward: "Xã Phú Hộ",
          street_address: `Thôn ${n}`,
          phone: `0912${String(100000 + n).slice(-6)}`,
          email,
        } as any,
      },
    })
    const cooperativeId = result.cooperative.id
    await changeCooperativeStatusWorkflow(container).run({
      input: { cooperative_id: cooperativeId, action: "approve", reason: "bench", actor_type: "system", actor_id: "bench" },
    })
    const { result: products } = await createCooperativeProductsWorkflow(container).run({
      input: {
        cooperative_id: cooperativeId,
        products: [
          {
            title: `Trà thanh toán ${n}`,
            handle: `bench-checkout-tra-${n}`,
            status: "published",
            options: [{ title: "Quy cách", values: ["Hộp 200g"] }],
            variants: [
              {
                title: "Hộp 200g",
                sku: `BENCH-CHECKOUT-${n}`,
                manage_inventory: true,
                options: { "Quy cách": "Hộp 200g" },
                prices: [{ currency_code: "vnd", amount: 100000 + n * 10000 }],
              },
            ],
          } as any,
        ],
      },
    })
    const locationId = (await cooperativeStockLocationId(container, cooperativeId))!
    const { data: variants } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { product_id: products.map((p) => p.id) },
    })
    for (const variant of variants as any[]) {
      for (const item of variant.inventory_items ?? []) {
        await setCooperativeStock(container, { cooperative_id: cooperativeId, inventory_item_id: item.inventory_item_id, location_id: locationId, stocked_quantity: STOCK })
      }
      variantIds.push(variant.id)
    }
  }
  return variantIds
}
