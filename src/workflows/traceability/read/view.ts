import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { EffectiveCertificate, EffectiveOcopRating } from "../../certification/read/certification-view"
import { productQuality } from "../../certification/read/quality"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../../modules/traceability"
import { normalizeLotCode } from "../../../modules/traceability/rules/code"
import { sortEvents } from "../../../modules/traceability/rules/events"
import { gtinKey, isValidGtin, variantGtin } from "../../../modules/traceability/rules/gtin"
import { Lru } from "../../../lib/lru"
import { PublishedLotIndex } from "./published-index"
import { digitalLink, shortTraceUrl, storefrontProductUrl } from "../../../modules/traceability/rules/links"
import { renderTracePage } from "./page"

// The public view of a published lot (GET /t/:code, GET /01/{gtin}/10/{lot}, GET /store/trace/:code),
// built once and kept in this process for a short time: a QR code on thousands of packages must not
// cost a dozen queries per scan. An entry is fresh for TRACE_CACHE_TTL_MS (30 s by default); for one
// more TTL a request still gets it while a single rebuild runs in the background (so no scan waits for
// a rebuild under load, and nothing shown is older than two TTLs). It is never served past the moment
// a rating or certificate on it expires, and is dropped at once when this process writes the lot.

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

/** `refreshAt`: rebuild in the background from then on; `expiresAt`: never served from then on. */
/** `html` is the rendered page, encoded once (UTF-8) so a hit writes bytes without re-encoding them. */
type Entry = { view: TraceView | null; html: Buffer | null; lotId: string | null; refreshAt: number; expiresAt: number }

const NOT_FOUND_TTL_MS = 5000
const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isSafeInteger(value) && value > 0 ? value : fallback
}

// Pages of real lots and answers for unknown codes live apart, each in its own size-capped LRU: a
// flood of made-up codes can fill only the second, never push a real page out of the first.
const pages = new Lru<string, Entry>(envInt("TRACE_CACHE_MAX_PAGES", 5000))
/** Unknown codes and GS1 keys ("gtin14|lot number"), with the instant until which they stay unknown. */
const unknown = new Lru<string, number>(envInt("TRACE_NEGATIVE_CACHE_MAX", 10_000))
/** Published lots' codes and GS1 keys: a code missing here is unknown without asking the database. */
const published = new PublishedLotIndex()
/** Page builds (each a handful of queries): for tests and the benchmark. */
let pageBuilds = 0

const ttlMs = () => {
  const raw = process.env.TRACE_CACHE_TTL_MS
  const value = raw === undefined || raw === "" ? 30_000 : Number(raw)
  return Number.isFinite(value) && value >= 0 ? value : 30_000
}
const notFoundTtlMs = () => Math.min(NOT_FOUND_TTL_MS, ttlMs())

/** Sizes and database work of the trace-page caches in this process. */
export function traceCacheStats() {
  return {
    pages: pages.size,
    pages_max: pages.max,
    unknown: unknown.size,
    unknown_max: unknown.max,
    building: building.size,
    published_index: published.size,
    index_refreshes: published.refreshes,
    page_builds: pageBuilds,
  }
}

/** Drops the cached view of a lot (after a write to it or its events in this process). */
export function invalidateTrace(code: string) {
  generation++
  pages.delete(code)
  building.delete(code)
  unknown.clear()
  published.markStale()
}

/** A lot was just published in this process: its code and GS1 key are known at once. */
export function tracePublished(lot: { code: string; gtin?: string | null; lot_number: string }) {
  published.add(lot)
  invalidateTrace(lot.code)
}

/**
 * Drops the cached views of these products' lots, for writes elsewhere that change what a page shows
 * (e.g. a rating verified or revoked in this process). Other processes catch up within two TTLs.
 */
export function invalidateTraceForProducts(productIds: string[]) {
  const ids = new Set(productIds)
  for (const [code, entry] of [...pages.entries()]) {
    if (entry.view && ids.has(entry.view.product.id)) invalidateTrace(code)
  }
}

/** Whether `key` was found unknown less than a few seconds ago. */
function knownUnknown(key: string, now: number) {
  const until = unknown.peek(key)
  if (until === undefined) return false
  if (until > now) return true
  unknown.delete(key)
  return false
}

function rememberUnknown(key: string, now: number) {
  if (ttlMs() > 0) unknown.set(key, now + notFoundTtlMs())
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

/**
 * How long a view built at `now` may be served: fresh until one TTL, stale (while it is rebuilt) until
 * two, and in no case at or after the first expiry instant of a rating or certificate it shows.
 */
export function viewLifetime(view: Pick<TraceView, "ocop_rating" | "certificates">, now: number) {
  const firstExpiry = Math.min(
    ...[view.ocop_rating?.expires_at, ...view.certificates.map((c) => c.expires_at)]
      .filter(Boolean)
      .map((v) => new Date(v as string).getTime())
  )
  return { refreshAt: Math.min(now + ttlMs(), firstExpiry), expiresAt: Math.min(now + 2 * ttlMs(), firstExpiry) }
}

/** Builds in progress: concurrent requests for an expired entry share one build. */
const building = new Map<string, Promise<Entry>>()
/** Bumped by every invalidation, so a build that started before a write is not cached after it. */
let generation = 0

const NOT_FOUND: Entry = { view: null, html: null, lotId: null, refreshAt: 0, expiresAt: 0 }

function startBuild(container: MedusaContainer, code: string): Promise<Entry> {
  let pending = building.get(code)
  if (!pending) {
    const started: Promise<Entry> = rebuild(container, code).finally(() => {
      if (building.get(code) === started) building.delete(code)
    })
    building.set(code, (pending = started))
  }
  return pending
}

async function entryFor(container: MedusaContainer, code: string): Promise<Entry> {
  const now = Date.now()
  const cached = pages.get(code)
  if (cached && cached.expiresAt > now) {
    // Stale but still allowed: answer it and let one background build replace it.
    if (cached.refreshAt <= now) startBuild(container, code).catch(() => {})
    return cached
  }
  if (!cached && !(await isPublishedCode(container, code, now))) return NOT_FOUND
  return startBuild(container, code)
}

/** Whether a code names a published lot, answered from memory for all but the first miss every few seconds. */
async function isPublishedCode(container: MedusaContainer, code: string, now: number) {
  if (published.hasCode(code)) return true
  if (knownUnknown(code, now)) return false
  await published.refresh(container, notFoundTtlMs())
  if (published.hasCode(code)) return true
  rememberUnknown(code, now)
  return false
}

async function rebuild(container: MedusaContainer, code: string): Promise<Entry> {
  const now = Date.now()
  const startedAt = generation
  pageBuilds++
  const built = await buildView(container, code, new Date(now))
  if (!built) {
    // In the index but not showable (its product is gone): remembered as unknown, like a made-up code.
    pages.delete(code)
    rememberUnknown(code, now)
    return NOT_FOUND
  }
  const entry: Entry = { view: built.view, lotId: built.lotId, html: Buffer.from(renderTracePage(built.view), "utf8"), ...viewLifetime(built.view, now) }
  if (ttlMs() > 0 && startedAt === generation) pages.set(code, entry)
  return entry
}

/** The public view of a published lot by its code (any case), or null. */
export async function traceByCode(container: MedusaContainer, rawCode: string) {
  const code = normalizeLotCode(rawCode)
  if (!code) return { view: null, html: null, lotId: null }
  return entryFor(container, code)
}

/**
 * The public code of the published lot a GS1 Digital Link names, or null. Lots carry the GTIN they
 * were created under and (GTIN, lot number) is unique, so one link always names the same lot; it is
 * looked up in the in-memory index like a short code.
 */
export async function codeForDigitalLink(container: MedusaContainer, gtin: string, lotNumber: string): Promise<string | null> {
  if (!isValidGtin(gtin) || !lotNumber || lotNumber.length > 20) return null
  const key = gtinKey(gtin)
  const now = Date.now()
  const found = published.codeFor(key, lotNumber)
  if (found) return found
  const unknownKey = `${key}|${lotNumber}`
  if (knownUnknown(unknownKey, now)) return null
  await published.refresh(container, notFoundTtlMs())
  const code = published.codeFor(key, lotNumber)
  if (!code) rememberUnknown(unknownKey, now)
  return code
}
