import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { notFound } from "../../../lib/errors"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../../modules/traceability"
import { sortEvents } from "../../../modules/traceability/rules/events"
import { variantGtin } from "../../../modules/traceability/rules/gtin"
import { digitalLink, shortTraceUrl, qrTarget } from "../../../modules/traceability/rules/links"

export const traceability = (container: MedusaContainer): TraceabilityModuleService => container.resolve(TRACEABILITY_MODULE)

/** A lot with its events in the order they happened. */
export async function retrieveLot(container: MedusaContainer, id: string) {
  const [lot] = await traceability(container).listLots({ id }, { relations: ["events"] })
  if (!lot) throw notFound("Lot", id)
  return { ...lot, events: sortEvents(lot.events ?? []) }
}

async function variantsById(container: MedusaContainer, ids: string[]) {
  const variants = ids.length
    ? await container.resolve(Modules.PRODUCT).listProductVariants({ id: [...new Set(ids)] }, { select: ["id", "title", "sku", "ean", "barcode", "upc", "product_id"] })
    : []
  return new Map(variants.map((v) => [v.id, v] as const))
}

/** The variant fields a vendor's lot view shows. */
type LotVariant = { id: string; title?: string | null; sku?: string | null } & Parameters<typeof variantGtin>[0]
/** The lot fields read here; the rest of the row is passed through. */
type LotLike = { variant_id: string; code: string; lot_number: string; gtin?: string | null; deleted_at?: unknown; events?: EventLike[] | null }
type EventLike = { lot?: unknown; lot_id?: unknown; deleted_at?: unknown }

function shapeEvent<E extends EventLike>(event: E) {
  const { lot, lot_id, deleted_at, ...rest } = event
  return rest
}

function shapeLot<L extends LotLike>(lot: L, variant: LotVariant | undefined) {
  const { events, deleted_at, ...rest } = lot
  return {
    ...rest,
    variant: variant ? { id: variant.id, title: variant.title, sku: variant.sku, gtin: variantGtin(variant) } : null,
    links: {
      trace_url: shortTraceUrl(lot.code),
      digital_link: digitalLink(lot, variant),
      qr_encodes: qrTarget(lot, variant),
    },
    ...(events ? { events: events.map(shapeEvent) } : {}),
  }
}

/** Lots as a cooperative's staff see them: with variant, public links and (for one lot) events. */
export async function serializeVendorLots<L extends LotLike>(container: MedusaContainer, lots: L[]) {
  const variants = await variantsById(container, lots.map((l) => l.variant_id))
  return lots.map((lot) => shapeLot(lot, variants.get(lot.variant_id)))
}

export async function serializeVendorLot<L extends LotLike>(container: MedusaContainer, lot: L) {
  return (await serializeVendorLots(container, [lot]))[0]
}
