import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { ensureMarketplaceBasics } from "../workflows/marketplace/ensure-marketplace-basics"
import { defaultShippingProfileId } from "../workflows/marketplace/read/marketplace"
import { refuseInProduction } from "../lib/config/secrets"
import { cooperativeStockLocationId } from "../workflows/cooperative/read/ownership"
import { toMedusaProduct } from "../workflows/product/utils/product-input"
import { toHandle } from "../lib/text"
import { VENDOR_ACTOR_TYPE } from "../modules/cooperative/vendor-actor"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import { setCooperativeStock } from "../workflows/inventory/set-cooperative-stock"
import { changeCooperativeStatusWorkflow } from "../workflows/cooperative/change-cooperative-status"
import { createCooperativeWorkflow } from "../workflows/cooperative/create-cooperative"
import { createCooperativeProductsWorkflow } from "../workflows/product/create-cooperative-products"
import { moderateProductWorkflow } from "../workflows/product/moderate-product"
import { seedDemoCertification } from "./demo-certification"
import { DEMO_COOPERATIVES, DemoCooperative } from "./demo-catalog"
import { seedDemoImages } from "./demo-images"
import { seedDemoTraceability } from "./demo-traceability"
import logins from "./demo-logins.json"

type Login = { email: string; password: string }

/** An emailpass identity for the actor, registered once; a second run finds the first. */
async function ensureIdentity(container: MedusaContainer, login: Login, actorType: string) {
  const auth = container.resolve(Modules.AUTH)
  const [existing] = await auth.listProviderIdentities({ entity_id: login.email, provider: "emailpass" }, { relations: ["auth_identity"] })
  if (existing) return (existing as any).auth_identity
  const { success, authIdentity, error } = await auth.register("emailpass", {
    body: { email: login.email, password: login.password },
    url: "",
    headers: {},
    query: {},
    protocol: "http",
  } as any)
  if (!success || !authIdentity) throw new Error(`Could not register ${login.email} as ${actorType}: ${error}`)
  return authIdentity
}

async function ensureAdmin(container: MedusaContainer) {
  const users = await container.resolve(Modules.USER).listUsers({ email: logins.admin.email })
  if (users.length) return users[0]
  const identity = await ensureIdentity(container, logins.admin, "user")
  const { result } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: identity.id, userData: { email: logins.admin.email, first_name: "Liên minh", last_name: "HTX" } },
  })
  return result
}

async function ensureCooperative(container: MedusaContainer, demo: DemoCooperative, login: Login & { pending?: boolean }, adminId: string) {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  if ((await service.listCooperatives({ handle: demo.handle })).length) return false

  const identity = await ensureIdentity(container, login, VENDOR_ACTOR_TYPE)
  const { result } = await createCooperativeWorkflow(container).run({
    input: {
      auth_identity_id: identity.id,
      owner_email: login.email,
      owner: { first_name: "Chủ nhiệm", last_name: demo.profile.name },
      cooperative: { handle: demo.handle, email: login.email, ...demo.profile },
    },
  })
  const cooperativeId = result.cooperative.id
  if (!login.pending) {
    await changeCooperativeStatusWorkflow(container).run({
      input: { cooperative_id: cooperativeId, action: "approve", reason: "Hồ sơ đầy đủ (dữ liệu mẫu)", actor_type: "user", actor_id: adminId },
    })
    // The union has checked the demo payout accounts, so a payout run pays them by VietQR.
    if (demo.profile.bank_account_number) {
      await service.updateCooperatives({ id: cooperativeId, bank_account_verified_at: new Date(), bank_account_verified_by: adminId })
    }
  }

  const shippingProfileId = await defaultShippingProfileId(container)
  const { result: products } = await createCooperativeProductsWorkflow(container).run({
    input: {
      cooperative_id: cooperativeId,
      products: demo.products.map(
        (p) =>
          toMedusaProduct(
            { ...p, status: "proposed" },
            { handle: `${toHandle(p.title)}-${demo.handle}`, shipping_profile_id: shippingProfileId }
          ) as any
      ),
    },
  })
  if (login.pending) return true

  for (const product of products) {
    await moderateProductWorkflow(container).run({ input: { product_id: product.id, decision: "publish", admin_id: adminId, notify: false } })
  }
  const locationId = (await cooperativeStockLocationId(container, cooperativeId))!
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["sku", "inventory_items.inventory_item_id"],
    filters: { product_id: products.map((p) => p.id) },
  })
  const stockBySku = new Map(demo.products.flatMap((p) => p.variants.map((v) => [v.sku, v.stock])))
  for (const variant of variants as any[]) {
    for (const item of variant.inventory_items ?? []) {
      await setCooperativeStock(container, {
        cooperative_id: cooperativeId,
        inventory_item_id: item.inventory_item_id,
        location_id: locationId,
        stocked_quantity: stockBySku.get(variant.sku) ?? 0,
      })
    }
  }
  return true
}

/**
 * The demo marketplace of DOMAIN.md, created through the same workflows the API uses. Idempotent:
 * what exists (matched by handle or email) is left alone, so a second start adds nothing twice.
 */
export async function seedDemoMarketplace(container: MedusaContainer) {
  // Every path to the demo data passes here (npm run seed, npm run dev, tests, benchmarks).
  refuseInProduction("The demo marketplace seed")
  const basics = await ensureMarketplaceBasics(container)
  const admin = await ensureAdmin(container)
  const created: string[] = []
  for (const demo of DEMO_COOPERATIVES) {
    const login = logins.cooperatives.find((c) => c.handle === demo.handle)!
    if (await ensureCooperative(container, demo, login, admin.id)) created.push(demo.handle)
  }
  // Also on a database seeded before the pictures existed.
  await seedDemoImages(container)
  await seedDemoCertification(container, admin.id)
  await seedDemoTraceability(container)
  return { ...basics, admin, created }
}
