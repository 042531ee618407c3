// Seeds the catalog `npm run bench` measures: BENCH_COOPERATIVES approved cooperatives and
// BENCH_PRODUCTS published products (1–3 VND-priced variants each), every product linked to one
// cooperative and sold on the marketplace sales channel. Run by scripts/bench.mjs on a fresh
// database: `medusa exec ./bench/seed.ts`. It prints one `BENCH_SEED_RESULT {json}`
// line (publishable key, sample ids, timings) and writes the same JSON to .data/bench/seed.json.
// Cooperatives are written straight into their module as approved (no warehouses, no approval
// workflow per cooperative) and products are created published: the benchmark measures reads.
// BENCH_LOTS (300) published lots with seven trace events each back the /t/:code routes.
import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { ensureMarketplaceBasics } from "../src/workflows/marketplace/ensure-marketplace-basics"
import { newLotCode } from "../src/modules/traceability/rules/code"
import { seedCheckoutCooperatives } from "./checkout-seed"
import { PROVINCES } from "../src/lib/provinces"
import { taxCodeCheckDigit } from "../src/lib/tax-code"
import { toHandle } from "../src/lib/text"
import { COOPERATIVE_MODULE } from "../src/modules/cooperative"
import type CooperativeModuleService from "../src/modules/cooperative/service"
import { TRACEABILITY_MODULE, TRACE_EVENT_TYPES, TraceabilityModuleService } from "../src/modules/traceability"

const PRODUCT_BATCH = 250
const LINK_BATCH = 1000
const WARDS = ["Xã Phú Hộ", "Phường Thuận Hóa", "Xã Tân Cương", "Phường Xuân Hương", "Xã Mộc Châu", "Xã Bản Liền", "Phường Tân Lập"]
const COOP_KINDS = ["Chè", "Nông nghiệp", "Dịch vụ nông nghiệp", "Mật ong", "Gạo sạch", "Rau an toàn", "Cà phê", "Nấm"]
const COOP_PLACES = ["Phú Hộ", "Tân Cương", "Đá Hen", "Bảo Lộc", "Suối Giàng", "Mộc Châu", "Bản Liền", "Cầu Đất", "Buôn Đôn", "Thuận An", "Hương Trà", "Ba Vì"]
const PRODUCT_WORDS = [
  "Trà xanh", "Chè Shan tuyết", "Dầu phộng", "Đậu phụ", "Hành lá", "Gạo ST25", "Mật ong",
  "Cà phê Robusta", "Nấm hương", "Tiêu đen", "Miến dong", "Măng khô", "Mắm tôm", "Bưởi Đoan Hùng",
  "Hồng treo gió", "Chè búp", "Gạo nếp cái hoa vàng", "Bột sắn dây", "Hạt điều rang muối", "Tỏi Lý Sơn",
]
const PRODUCT_QUALIFIERS = ["hữu cơ", "đặc sản", "OCOP 4 sao", "loại 1", "truyền thống", "thượng hạng", "sấy lạnh", "nguyên chất"]
const PACK_SIZES = ["100g", "250g", "500g", "1kg", "2kg", "Hộp quà"]

// Deterministic data from run to run (mulberry32).
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = rng(20250701)
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))

/** A distinct 10-digit tax code with a valid check digit for the n-th cooperative. */
function taxCode(n: number): string {
  for (let k = 0; ; k++) {
    const nine = String(600000000 + n * 97 + k).padStart(9, "0").slice(-9)
    const check = taxCodeCheckDigit(nine)
    if (check !== null) return nine + check
  }
}

function readSize(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}

export default async function benchSeed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const cooperatives: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const productCount = readSize("BENCH_PRODUCTS", 5000)
  const coopCount = readSize("BENCH_COOPERATIVES", 300)
  const started = Date.now()

  const { region, salesChannel, publishableKey, shippingProfile } = await ensureMarketplaceBasics(container)
  const basics = {
    regionId: region.id,
    salesChannelId: salesChannel.id,
    publishableKey: publishableKey.token,
    shippingProfileId: shippingProfile.id,
  }

  // Medusa's store product route drops the sales-channel filter when the store has a single sales
  // channel; the vanilla baseline must pay for that filter just like a real marketplace does.
  const { data: allChannels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
  if (allChannels.length < 2) {
    await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: "Bench spare channel" }] },
    })
  }
  const salesChannelCount = Math.max(allChannels.length, 2)

  const existing = await cooperatives.listCooperatives({ handle: "bench-htx-1" }, { take: 1 })
  if (existing.length) {
    throw new Error("This database already holds a bench catalog; `npm run bench` expects a fresh database.")
  }

  // Cooperatives.
  const coopInput = Array.from({ length: coopCount }, (_, i) => {
    const n = i + 1
    const province = PROVINCES[i % PROVINCES.length]
    const name = `Hợp tác xã ${pick(COOP_KINDS)} ${pick(COOP_PLACES)} ${n}`
    return {
      handle: `bench-htx-${n}`,
      name,
      legal_name: `${name} (${province})`,
      tax_code: taxCode(n),
      province,
      ward: pick(WARDS),
      street_address: `Thôn ${int(1, 12)}, ${pick(COOP_PLACES)}`,
      phone: `09${String(10000000 + n).slice(-8)}`,
      email: `htx${n}@bench.coopstall.vn`,
      founded_year: int(1995, 2024),
      member_count: int(7, 250),
      description: `Hợp tác xã tại ${province}, sản xuất ${pick(PRODUCT_WORDS).toLowerCase()}.`,
      status: "approved" as const,
    }
  })
  const createdCoops: { id: string }[] = []
  for (let i = 0; i < coopInput.length; i += 500) {
    createdCoops.push(...(await cooperatives.createCooperatives(coopInput.slice(i, i + 500))))
  }
  const coopsDone = Date.now()
  logger.info(`bench-seed: ${createdCoops.length} cooperatives in ${coopsDone - started} ms`)

  // What the storefront starter's pages filter and show: categories, collections, images, and
  // managed stock (every fourth product) at a warehouse of the marketplace sales channel.
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: COOP_KINDS.map((name) => ({ name, handle: toHandle(name), is_active: true })) },
  })
  const { result: collections } = await createCollectionsWorkflow(container).run({
    input: { collections: ["Quà Tết", "Đặc sản vùng cao", "OCOP nổi bật"].map((title) => ({ title, handle: toHandle(title) })) },
  })
  const { result: locations } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Kho bench" }] } })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: locations[0].id, add: [basics.salesChannelId] } })

  // Products, in batches through the standard workflow (prices, options, sales channel links).
  const productIds: string[] = []
  const links: Record<string, Record<string, string>>[] = []
  for (let offset = 0; offset < productCount; offset += PRODUCT_BATCH) {
    const batch = Array.from({ length: Math.min(PRODUCT_BATCH, productCount - offset) }, (_, k) => {
      const n = offset + k + 1
      const title = `${pick(PRODUCT_WORDS)} ${pick(PRODUCT_QUALIFIERS)} ${n}`
      const sizes = [...PACK_SIZES].sort(() => random() - 0.5).slice(0, int(1, 3))
      const base = int(9, 130) * 5000
      return {
        title,
        handle: `${toHandle(title)}-b${n}`,
        subtitle: `Sản phẩm của hợp tác xã số ${(n % coopCount) + 1}`,
        description: `${title}: sản phẩm nông nghiệp Việt Nam, đóng gói tại hợp tác xã.`,
        status: "published" as const,
        weight: int(100, 2000),
        shipping_profile_id: basics.shippingProfileId,
        sales_channels: [{ id: basics.salesChannelId }],
        category_ids: [categories[n % categories.length].id],
        collection_id: n % 2 ? collections[n % collections.length].id : undefined,
        thumbnail: `https://cdn.coopstall.vn/bench/${n}-0.jpg`,
        images: [0, 1].map((i) => ({ url: `https://cdn.coopstall.vn/bench/${n}-${i}.jpg` })),
        options: [{ title: "Quy cách", values: sizes }],
        variants: sizes.map((size, j) => ({
          title: size,
          sku: `BENCH-${n}-${j + 1}`,
          manage_inventory: n % 4 === 0,
          options: { "Quy cách": size },
          prices: [{ currency_code: "vnd", amount: Math.min(650000, Math.max(45000, base + j * 35000)) }],
        })),
      }
    })
    const { result } = await createProductsWorkflow(container).run({ input: { products: batch } })
    result.forEach((product, k) => {
      productIds.push(product.id)
      const coop = createdCoops[(offset + k) % createdCoops.length]
      links.push({ [COOPERATIVE_MODULE]: { cooperative_id: coop.id }, [Modules.PRODUCT]: { product_id: product.id } })
    })
    logger.info(`bench-seed: ${productIds.length}/${productCount} products (${Math.round((Date.now() - coopsDone) / 1000)} s)`)
  }
  const productsDone = Date.now()

  const { data: managed } = await query.graph({
    entity: "product_variant",
    fields: ["inventory_items.inventory_item_id"],
    filters: { manage_inventory: true, product_id: productIds } as any,
  })
  const levels = (managed as any[]).flatMap((v) =>
    (v.inventory_items ?? []).map((i: any) => ({ inventory_item_id: i.inventory_item_id, location_id: locations[0].id, stocked_quantity: int(0, 500) }))
  )
  for (let i = 0; i < levels.length; i += LINK_BATCH) {
    await container.resolve(Modules.INVENTORY).createInventoryLevels(levels.slice(i, i + LINK_BATCH))
  }
  logger.info(`bench-seed: ${levels.length} inventory levels`)

  for (let i = 0; i < links.length; i += LINK_BATCH) {
    await link.create(links.slice(i, i + LINK_BATCH))
  }
  const linksDone = Date.now()

  // Published lots with a seven-step timeline, on the first variant of the first BENCH_LOTS products.
  const trace: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const lotCount = Math.min(readSize("BENCH_LOTS", 300), productIds.length)
  const { data: lotVariants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id"],
    filters: { product_id: productIds.slice(0, lotCount), sku: productIds.slice(0, lotCount).map((_, i) => `BENCH-${i + 1}-1`) } as any,
  })
  const lotInput = lotVariants.map((v: any) => {
    const code = newLotCode()
    const n = productIds.indexOf(v.product_id)
    return {
      code, lot_number: code, cooperative_id: createdCoops[n % createdCoops.length].id, product_id: v.product_id, variant_id: v.id,
      quantity: int(50, 2000), unit: "gói", harvested_on: "2026-10-01", packed_on: "2026-10-10", best_before: "2027-10-10",
      origin_area: `Vùng trồng ${pick(COOP_PLACES)}`, origin_ward: pick(WARDS), origin_province: PROVINCES[n % PROVINCES.length],
      growing_area_code: `VT-${n + 1}`, status: "published" as const, published_at: new Date(),
    }
  })
  const lots: { id: string; code: string }[] = []
  for (let i = 0; i < lotInput.length; i += 500) lots.push(...((await trace.createLots(lotInput.slice(i, i + 500) as any[])) as any[]))
  const steps = TRACE_EVENT_TYPES.filter((t) => t !== "shipping" && t !== "other")
  const eventInput = lots.flatMap((lot) =>
    steps.map((type, k) => ({
      lot_id: lot.id,
      type,
      occurred_at: new Date(Date.UTC(2026, 5 + k, 1, 0, 30)),
      title: `Bước ${k + 1}`,
      description: `Ghi chép bước ${k + 1} của lô ${lot.code}: làm theo quy trình của hợp tác xã.`,
    }))
  )
  for (let i = 0; i < eventInput.length; i += 1000) await trace.createTraceEvents(eventInput.slice(i, i + 1000) as any)
  const lotsDone = Date.now()
  logger.info(`bench-seed: ${lots.length} published lots with ${eventInput.length} trace events in ${lotsDone - linksDone} ms`)
  // The checkout benchmark's cooperatives, through the real registration and approval workflows.
  const checkoutVariantIds = await seedCheckoutCooperatives(container, taxCode)
  const checkoutDone = Date.now()
  logger.info(`bench-seed: ${checkoutVariantIds.length} checkout cooperatives in ${checkoutDone - linksDone} ms`)

  const result = {
    products: productIds.length,
    cooperatives: createdCoops.length,
    publishable_key: basics.publishableKey,
    region_id: basics.regionId,
    sales_channel_id: basics.salesChannelId,
    sales_channels_in_store: salesChannelCount,
    sample_product_id: productIds[Math.floor(productIds.length / 2)],
    sample_cooperative_handle: coopInput[Math.floor(coopInput.length / 2)].handle,
    lots: lots.length,
    trace_codes: lots.map((l) => l.code),
    checkout_variant_ids: checkoutVariantIds,
    timings_ms: {
      cooperatives: coopsDone - started,
      products: productsDone - coopsDone,
      links: linksDone - productsDone,
      lots: lotsDone - linksDone,
      total: lotsDone - started,
    },
  }
  const out = path.resolve(process.cwd(), ".data/bench/seed.json")
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, JSON.stringify(result, null, 2))
  logger.info(`bench-seed: done in ${result.timings_ms.total} ms`)
  process.stdout.write(`BENCH_SEED_RESULT ${JSON.stringify(result)}\n`)
}
