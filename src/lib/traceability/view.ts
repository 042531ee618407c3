import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { productQuality, type EffectiveCertificate, type EffectiveOcopRating } from "../quality"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../modules/traceability"
import { normalizeLotCode } from "./code"
import { sortEvents } from "./events"
import { gtinForms, isValidGtin, variantGtin } from "./gtin"
import { digitalLink, shortTraceUrl, storefrontProductUrl } from "./links"
import { renderTracePage } from "./page"

// The public view of a published lot (GET /t/:code, GET /01/{gtin}/10/{lot}, GET /store/trace/:code),
// built once and kept in this process for a short time: a QR code on thousands of packages must not
// cost a dozen queries per scan. An entry lives TRACE_CACHE_TTL_MS (30 s by default), never past the
// moment a rating or certificate on it expires, and is dropped at once when this process writes the lot.

export type TraceView = {
  code: string
  lot: {
    code: string
    lot_number: string
    quantity: number | null
    unit: string | null
    harvested_on: string | null
    packed_on: string | null
    best_before: string | null
    origin: { area: string | null; ward: string | null; province: string | null; growing_area_code: string | null }
    published_at: string | null
  }
  product: { id: string; title: string; subtitle: string | null; handle: string; thumbnail: string | null; images: string[] }
  variant: { id: string; title: string; gtin: string | null }
  cooperative: {
    handle: string; name: string; province: string; ward: string; street_address: string
    phone: string | null; email: string | null; logo_url: string | null
  } | null
  events: {
    id: string; type: string; occurred_at: string; title: string | null; description: string | null
    attachments: { url: string; name: string }[]; corrects_event_id: string | null; corrected_by: string[]
  }[]
  ocop_rating: EffectiveOcopRating | null
  certificates: EffectiveCertificate[]
  on_sale: boolean
  buy_url: string | null
  links: { trace_url: string; digital_link: string | null }
}

type Entry = { view: TraceView | null; html: string | null; lotId: string | null; expiresAt: number }

const MAX_ENTRIES = 5000
const NOT_FOUND_TTL_MS = 5000
const cache = new Map<string, Entry>()
/** GS1 key "{gtin14}|{lot number}" → public code (or null for none). */
const gs1Codes = new Map<string, { code: string | null; expiresAt: number }>()

const ttlMs = () => {
  const raw = process.env.TRACE_CACHE_TTL_MS
  const value = raw === undefined || raw === "" ? 30_000 : Number(raw)
  return Number.isFinite(value) && value >= 0 ? value : 30_000
}

function remember<K, V>(map: Map<K, V>, key: K, value: V) {
  if (map.size >= MAX_ENTRIES && !map.has(key)) map.delete(map.keys().next().value as K)
  map.set(key, value)
}

/** Drops the cached view of a lot (after a write to it or its events in this process). */
export function invalidateTrace(code: string) {
  generation++
  cache.delete(code)
  building.delete(code)
  gs1Codes.clear()
}

/** For tests and the benchmark: forget everything. */
export function clearTraceCache() {
  cache.clear()
  gs1Codes.clear()
}

async function buildView(container: MedusaContainer, code: string, now: Date): Promise<{ view: TraceView; lotId: string } | null> {
  const trace: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const [lot] = await trace.listLots({ code, status: "published" }, { relations: ["events"] })
  if (!lot) return null

  // A lot's cooperative is the one that owns its product when the lot was created (products never
  // change hands), so everything else can be read at once.
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: [product] }, [cooperative], quality] = await Promise.all([
    query.graph({
      entity: "product",
      fields: ["id", "title", "subtitle", "handle", "thumbnail", "status", "images.url", "variants.id", "variants.title", "variants.ean", "variants.barcode", "variants.upc"],
      filters: { id: lot.product_id },
    }),
    container.resolve<CooperativeModuleService>(COOPERATIVE_MODULE).listCooperatives({ id: lot.cooperative_id }),
    productQuality(container, [lot.product_id], now),
  ])
  if (!product) return null
  const variant: any = (product.variants ?? []).find((v: any) => v?.id === lot.variant_id) ?? { id: lot.variant_id, title: "" }

  const events = sortEvents(lot.events ?? [])
  const onSale = product.status === "published" && cooperative?.status === "approved"
  const q = quality.get(lot.product_id) ?? { ocop_rating: null, certificates: [] }

  const view: TraceView = {
    code: lot.code,
    lot: {
      code: lot.code,
      lot_number: lot.lot_number,
      quantity: lot.quantity ?? null,
      unit: lot.unit ?? null,
      harvested_on: lot.harvested_on ?? null,
      packed_on: lot.packed_on ?? null,
      best_before: lot.best_before ?? null,
      origin: {
        area: lot.origin_area ?? null,
        ward: lot.origin_ward ?? null,
        province: lot.origin_province ?? null,
        growing_area_code: lot.growing_area_code ?? null,
      },
      published_at: lot.published_at ? new Date(lot.published_at).toISOString() : null,
    },
    product: {
      id: product.id,
      title: product.title,
      subtitle: product.subtitle ?? null,
      handle: product.handle,
      thumbnail: product.thumbnail ?? null,
      images: (product.images ?? []).map((i: any) => i?.url).filter(Boolean),
    },
    variant: { id: variant.id, title: variant.title, gtin: variantGtin(variant) },
    cooperative: cooperative
      ? {
          handle: cooperative.handle,
          name: cooperative.name,
          province: cooperative.province,
          ward: cooperative.ward,
          street_address: cooperative.street_address,
          phone: cooperative.phone ?? null,
          email: cooperative.email ?? null,
          logo_url: cooperative.logo_url ?? null,
        }
      : null,
    events: events.map((e: any) => ({
      id: e.id,
      type: e.type,
      occurred_at: new Date(e.occurred_at).toISOString(),
      title: e.title ?? null,
      description: e.description ?? null,
      attachments: Array.isArray(e.attachments) ? e.attachments : [],
      corrects_event_id: e.corrects_event_id ?? null,
      corrected_by: events.filter((c: any) => c.corrects_event_id === e.id).map((c: any) => c.id),
    })),
    ocop_rating: q.ocop_rating,
    certificates: q.certificates,
    on_sale: onSale,
    buy_url: onSale ? storefrontProductUrl(product.handle) : null,
    links: { trace_url: shortTraceUrl(lot.code), digital_link: digitalLink(lot, variant) },
  }
  return { view, lotId: lot.id }
}

/** When a cached view must be rebuilt: after the TTL, and no later than the first expiry it shows. */
export function viewExpiresAt(view: Pick<TraceView, "ocop_rating" | "certificates">, now: number) {
  const instants = [view.ocop_rating?.expires_at, ...view.certificates.map((c) => c.expires_at)]
    .filter(Boolean)
    .map((v) => new Date(v as string).getTime())
  return Math.min(now + ttlMs(), ...instants)
}

/** Builds in progress: concurrent requests for an expired entry share one build. */
const building = new Map<string, Promise<Entry>>()
/** Bumped by every invalidation, so a build that started before a write is not cached after it. */
let generation = 0

function entryFor(container: MedusaContainer, code: string): Entry | Promise<Entry> {
  const cached = cache.get(code)
  if (cached && cached.expiresAt > Date.now()) return cached
  let pending = building.get(code)
  if (!pending) {
    pending = rebuild(container, code).finally(() => building.delete(code))
    building.set(code, pending)
  }
  return pending
}

async function rebuild(container: MedusaContainer, code: string): Promise<Entry> {
  const now = Date.now()
  const startedAt = generation
  const built = await buildView(container, code, new Date(now))
  const entry: Entry = built
    ? { view: built.view, lotId: built.lotId, html: renderTracePage(built.view), expiresAt: viewExpiresAt(built.view, now) }
    : { view: null, lotId: null, html: null, expiresAt: now + Math.min(NOT_FOUND_TTL_MS, ttlMs()) }
  if (ttlMs() > 0 && startedAt === generation) remember(cache, code, entry)
  return entry
}

/** The public view of a published lot by its code (any case), or null. */
export async function traceByCode(container: MedusaContainer, rawCode: string) {
  const code = normalizeLotCode(rawCode)
  if (!code) return { view: null, html: null, lotId: null }
  return entryFor(container, code)
}

/** The public code of the published lot a GS1 Digital Link names, or null. */
export async function codeForDigitalLink(container: MedusaContainer, gtin: string, lotNumber: string): Promise<string | null> {
  if (!isValidGtin(gtin) || !lotNumber || lotNumber.length > 20) return null
  const forms = gtinForms(gtin)
  const key = `${forms[0]}|${lotNumber}`
  const now = Date.now()
  const cached = gs1Codes.get(key)
  if (cached && cached.expiresAt > now) return cached.code

  const variants = await container
    .resolve(Modules.PRODUCT)
    .listProductVariants({ $or: [{ ean: forms }, { barcode: forms }, { upc: forms }] } as any, { select: ["id"] })
  let code: string | null = null
  if (variants.length) {
    const trace: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    const [lot] = await trace.listLots(
      { variant_id: variants.map((v: any) => v.id), lot_number: lotNumber, status: "published" },
      { select: ["code"], take: 1 }
    )
    code = lot?.code ?? null
  }
  if (ttlMs() > 0) remember(gs1Codes, key, { code, expiresAt: now + (code ? ttlMs() : Math.min(NOT_FOUND_TTL_MS, ttlMs())) })
  return code
}
