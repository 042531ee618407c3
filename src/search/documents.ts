import { container as appContainer } from "@medusajs/framework"
import type { Event, ISearchModuleService, RemoteQueryFunction, SearchTypes } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import CooperativeProductLink from "../links/cooperative-product"
import { effectiveQuality, type EffectiveQuality } from "../workflows/certification/read/quality"
import { foldVietnamese } from "../lib/text"

// What the storefront search indexes hold, built from query.graph rows. Only published products
// of approved cooperatives become documents; graphConsume turns every other id into a delete, so
// an unpublished product or a suspended cooperative's products leave the index. (Medusa imports
// every file of src/search: this one defines no index, only what product.ts and cooperative.ts share.)

type Query = SearchTypes.SearchContainer["query"]
type GraphInput = Parameters<RemoteQueryFunction["graph"]>[0]

/** The rows read with PRODUCT_SOURCE_FIELDS / COOPERATIVE_SOURCE_FIELDS, as far as they are read here. */
type LocationLevelRow = { available_quantity?: number | string | null }
type VariantInventoryRow = { required_quantity?: number | string | null; inventory?: { location_levels?: LocationLevelRow[] | null } | null }
type PriceRow = { amount?: number | string | null; currency_code?: string | null } | null
type VariantRow = {
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  inventory_items?: VariantInventoryRow[] | null
  prices?: PriceRow[] | null
}
export type ProductSourceRow = {
  id: string
  title: string
  subtitle?: string | null
  description?: string | null
  handle: string
  thumbnail?: string | null
  status: string
  created_at?: string | Date | null
  categories?: ({ name?: string | null } | null)[] | null
  sales_channels?: ({ id?: string | null } | null)[] | null
  variants?: VariantRow[] | null
  cooperative: { id: string; handle: string; name: string; province: string; status: string }
}
export type CooperativeSourceRow = {
  id: string
  handle: string
  name: string
  province: string
  description?: string | null
  logo_url?: string | null
  status: string
  created_at?: string | Date | null
  products?: ({ id: string; status?: string | null } | null)[] | null
}
/** Medusa's search events carry free-form data; only ids are read from it. */
type IndexEvent = Event<unknown>

export const PRODUCT_SOURCE_FIELDS = [
  "id", "title", "subtitle", "description", "handle", "thumbnail", "status", "created_at",
  "categories.name", "sales_channels.id",
  "variants.id", "variants.manage_inventory", "variants.allow_backorder",
  "variants.prices.amount", "variants.prices.currency_code",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.location_levels.available_quantity",
  "cooperative.id", "cooperative.handle", "cooperative.name", "cooperative.province", "cooperative.status",
]

export const COOPERATIVE_SOURCE_FIELDS = [
  "id", "handle", "name", "province", "description", "logo_url", "status", "created_at",
  "products.id", "products.status",
]

const CURRENCY = "vnd"

/** Ratings and certificates come from the certification module, read in one call per page. */
async function qualityOf(productIds: string[]): Promise<Map<string, EffectiveQuality>> {
  if (!productIds.length) return new Map()
  return effectiveQuality(appContainer, productIds)
}

function variantInStock(variant: VariantRow): boolean {
  if (!variant.manage_inventory || variant.allow_backorder) return true
  return (variant.inventory_items ?? []).some((item) => {
    const required = Number(item.required_quantity ?? 1) || 1
    const available = (item.inventory?.location_levels ?? []).reduce(
      (sum: number, level) => sum + Number(level.available_quantity ?? 0),
      0
    )
    return available >= required
  }) || false
}

export function isProductListable(row: ProductSourceRow | null | undefined): boolean {
  return row?.status === "published" && row?.cooperative?.status === "approved"
}

export function productDocument(row: ProductSourceRow, quality?: EffectiveQuality) {
  const prices = (row.variants ?? [])
    .flatMap((v) => v.prices ?? [])
    .filter((p) => p?.currency_code === CURRENCY && p.amount !== null && p.amount !== undefined)
    .map((p) => Number(p?.amount))
  const categories = (row.categories ?? []).map((c) => c?.name).filter((name): name is string => Boolean(name))
  const cooperative = row.cooperative
  const stars = quality?.ocop_stars ?? null
  return {
    id: row.id as string,
    title: row.title as string,
    subtitle: row.subtitle ?? null,
    description: row.description ?? null,
    handle: row.handle as string,
    thumbnail: row.thumbnail ?? null,
    status: row.status as string,
    sales_channel_ids: (row.sales_channels ?? []).map((s) => s?.id).filter(Boolean),
    cooperative_id: cooperative.id as string,
    cooperative_handle: cooperative.handle as string,
    cooperative_name: cooperative.name as string,
    cooperative_status: cooperative.status as string,
    province: cooperative.province as string,
    categories,
    ocop_stars: stars,
    certificate_types: quality?.certificate_types ?? [],
    min_price: prices.length ? Math.min(...prices) : null,
    max_price: prices.length ? Math.max(...prices) : null,
    in_stock: (row.variants ?? []).some(variantInStock),
    created_at: row.created_at ? new Date(row.created_at).toISOString() : null,
    // Unaccented copy of the short fields: pg_trgm's typo matching compares trigrams with the
    // text as stored, so without it `tra xnah` is compared with `trà xanh` and finds nothing useful.
    folded: foldVietnamese([row.title, row.subtitle, cooperative.name, ...categories].filter(Boolean).join(" ")),
  }
}

export async function productDocuments(rows: ProductSourceRow[]) {
  const listable = rows.filter(isProductListable)
  const quality = await qualityOf(listable.map((r) => r.id))
  return listable.map((row) => productDocument(row, quality.get(row.id)))
}

export function isCooperativeListable(row: CooperativeSourceRow | null | undefined): boolean {
  return row?.status === "approved"
}

export async function cooperativeDocuments(rows: CooperativeSourceRow[]) {
  const listable = rows.filter(isCooperativeListable)
  const published = new Map(
    listable.map((row) => [row.id, (row.products ?? []).filter((p) => p?.status === "published").map((p) => p!.id)])
  )
  const quality = await qualityOf([...published.values()].flat())
  return listable.map((row) => {
    const productIds = published.get(row.id) ?? []
    return {
      id: row.id as string,
      handle: row.handle as string,
      name: row.name as string,
      description: row.description ?? null,
      logo_url: row.logo_url ?? null,
      province: row.province as string,
      status: row.status as string,
      product_count: productIds.length,
      ocop_product_count: productIds.filter((id) => (quality.get(id)?.ocop_stars ?? 0) >= 3).length,
      created_at: row.created_at ? new Date(row.created_at).toISOString() : null,
      folded: foldVietnamese(row.name ?? ""),
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Which documents an event touches.

const liveIndexes = new Set<string>()

/** Whether an index has a version serving reads; once it has, it keeps one (a rebuild swaps). */
async function isLive(name: string): Promise<boolean> {
  if (liveIndexes.has(name)) return true
  const search = appContainer.resolve<ISearchModuleService>(Modules.SEARCH, { allowUnregistered: true })
  if (!search) return true
  const info = (await search.listIndexes()).find((index) => index.name === name)
  if (info?.status !== "ready") return false
  liveIndexes.add(name)
  return true
}

/**
 * Skips events while an index has no live version yet (before its first seed, e.g. during
 * `npm run dev`'s demo seed or a bulk import): the seed that makes it live reads them anyway,
 * and Medusa would otherwise read the rows and then fail the write, once per event.
 */
export function whenLive<C extends (event: IndexEvent, context: SearchTypes.SearchIngestionContext) => Promise<unknown[]>>(consume: C): C {
  return (async (event: IndexEvent, context: SearchTypes.SearchIngestionContext) =>
    (await isLive(context.index.name)) ? consume(event, context) : []) as C
}

/** One field of an event's free-form data, if it is an object. */
const field = (data: unknown, key: string): unknown =>
  data !== null && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined

const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String)

/** Event data may be one object or a list of them (Medusa batches some events). */
const eventIds = (event: IndexEvent): string[] => {
  const data = event?.data
  if (Array.isArray(data)) return data.flatMap((d) => ids(field(d, "id")))
  return ids(field(data, "id"))
}

async function productIdsOfVariants(query: Query, variantIds: string[]): Promise<string[]> {
  if (!variantIds.length) return []
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id"],
    filters: { id: variantIds },
    withDeleted: true,
  } as GraphInput)
  return data.map((v: { product_id?: string | null }) => v.product_id).filter((id): id is string => Boolean(id))
}

async function productIdsOfInventoryItems(query: Query, inventoryItemIds: string[]): Promise<string[]> {
  if (!inventoryItemIds.length) return []
  const { data } = await query.graph({
    entity: "product_variant_inventory_item",
    fields: ["variant_id"],
    filters: { inventory_item_id: inventoryItemIds },
  } as GraphInput)
  return productIdsOfVariants(query, data.map((row: { variant_id: string }) => row.variant_id))
}

/** One side of the cooperative ↔ product link for ids of the other side. */
async function linked(query: Query, by: "cooperative_id" | "product_id", ids: string[]): Promise<string[]> {
  if (!ids.length) return []
  const other = by === "cooperative_id" ? "product_id" : "cooperative_id"
  const { data } = await query.graph({
    entity: CooperativeProductLink.entryPoint,
    fields: [other],
    filters: { [by]: ids },
  } as GraphInput)
  return [...new Set(data.map((row: Record<string, string>) => row[other]))]
}

const unique = (values: string[]) => [...new Set(values)]

export const PRODUCT_EVENTS = [
  "product.created", "product.updated", "product.deleted",
  "product-variant.created", "product-variant.updated", "product-variant.deleted",
  "inventory-level.created", "inventory-level.updated", "inventory-level.deleted",
  "cooperative.status_changed", "cooperative.updated",
  "ocop_rating.changed", "certificate.changed",
]

export async function productIdsForEvent(event: IndexEvent, context: SearchTypes.SearchIngestionContext): Promise<string[]> {
  const { query } = context.container
  const name: string = event.name
  if (name.startsWith("product-variant.")) return unique(await productIdsOfVariants(query, eventIds(event)))
  if (name.startsWith("product.")) return eventIds(event)
  if (name.startsWith("inventory-level.")) {
    const { data } = await query.graph({
      entity: "inventory_level",
      fields: ["inventory_item_id"],
      filters: { id: eventIds(event) },
      withDeleted: true,
    } as GraphInput)
    return unique(await productIdsOfInventoryItems(query, data.map((l: { inventory_item_id: string }) => l.inventory_item_id)))
  }
  if (name.startsWith("cooperative.")) return linked(query, "cooperative_id", eventIds(event))
  if (name === "ocop_rating.changed" || name === "certificate.changed") {
    const data = Array.isArray(event.data) ? event.data : [event.data]
    return unique(data.flatMap((d) => ids(field(d, "product_ids"))))
  }
  return []
}

export const COOPERATIVE_EVENTS = [
  "cooperative.created", "cooperative.updated", "cooperative.status_changed", "cooperative.deleted",
  "product.created", "product.updated", "product.deleted",
  "ocop_rating.changed", "certificate.changed",
]

export async function cooperativeIdsForEvent(event: IndexEvent, context: SearchTypes.SearchIngestionContext): Promise<string[]> {
  const { query } = context.container
  const name: string = event.name
  if (name.startsWith("cooperative.")) return eventIds(event)
  if (name.startsWith("product.")) return linked(query, "product_id", eventIds(event))
  if (name === "ocop_rating.changed" || name === "certificate.changed") {
    const data = Array.isArray(event.data) ? event.data : [event.data]
    return unique(data.flatMap((d) => ids(field(d, "cooperative_id"))))
  }
  return []
}
