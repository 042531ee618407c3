import type { InferTypeOf, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { conflict, CoopstallError, notFound } from "../errors"
import { isUniqueViolation } from "../unique-violation"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../modules/traceability"
import type { Lot } from "../../modules/traceability/models/lot"
import { newLotCode } from "./code"
import { sortEvents } from "./events"
import { gtinKey, variantGtin } from "./gtin"
import { digitalLink, shortTraceUrl, qrTarget } from "./links"
import { invalidateTrace } from "./view"

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

export function assertDraft(lot: { status: string }, what: string) {
  if (lot.status !== "draft") {
    throw conflict("lot_published", `This lot is published: ${what}. Published lots keep their data; add a trace event instead.`)
  }
}

/** The GTIN-14 a new lot of this variant is created under, or null when the variant has no valid GTIN. */
export async function lotGtinForVariant(container: MedusaContainer, variantId: string): Promise<string | null> {
  const [variant] = await container.resolve(Modules.PRODUCT).listProductVariants({ id: variantId }, { select: ["id", "ean", "barcode", "upc"] })
  const gtin = variant ? variantGtin(variant) : null
  return gtin ? gtinKey(gtin) : null
}

/**
 * 409 unless the lot number is free for this variant and, across all cooperatives, for this GTIN:
 * a GS1 Digital Link (GTIN + lot number) must name one lot. The unique indexes back this up in a race.
 */
export async function assertLotNumberFree(
  container: MedusaContainer,
  lot: { variant_id: string; gtin: string | null; lot_number: string; id?: string }
) {
  const service = traceability(container)
  const others = (rows: { id: string }[]) => rows.filter((r) => r.id !== lot.id)
  if (others(await service.listLots({ variant_id: lot.variant_id, lot_number: lot.lot_number }, { select: ["id"] })).length) {
    throw lotNumberTaken(lot.lot_number)
  }
  if (lot.gtin && others(await service.listLots({ gtin: lot.gtin, lot_number: lot.lot_number }, { select: ["id"] })).length) {
    throw gtinLotNumberTaken(lot.gtin, lot.lot_number)
  }
}

/** Creates a lot with a fresh random code under its variant's GTIN; a (vanishingly rare) code collision is retried. */
/** A new lot's fields; the create-lot step and the demo script pass validated values. */
type NewLot = Partial<Omit<InferTypeOf<typeof Lot>, "id" | "gtin" | "code" | "lot_number" | "events">> & { variant_id: string; lot_number?: string | null }

export async function createLotWithCode(container: MedusaContainer, data: NewLot) {
  const service = traceability(container)
  const gtin = await lotGtinForVariant(container, data.variant_id)
  if (data.lot_number) await assertLotNumberFree(container, { variant_id: data.variant_id, gtin, lot_number: data.lot_number })
  for (let attempt = 0; ; attempt++) {
    const code = newLotCode()
    try {
      return await service.createLots({ ...data, gtin, code, lot_number: data.lot_number ?? code })
    } catch (err) {
      // Medusa reports a unique-index violation as INVALID_DATA "… already exists", not DUPLICATE_ERROR.
      if (!isUniqueViolation(err) || attempt >= 4) throw err
      // A concurrent request may have taken the lot number between the check and the insert.
      await assertLotNumberFree(container, { variant_id: data.variant_id, gtin, lot_number: data.lot_number ?? code })
    }
  }
}

export const lotNumberTaken = (lotNumber: string) =>
  new CoopstallError(409, "lot_number_taken", `This variant already has a lot numbered ${lotNumber}.`, [{ path: "lot_number", message: "already used for this variant" }])

export const gtinLotNumberTaken = (gtin: string, lotNumber: string) =>
  new CoopstallError(
    409,
    "gtin_lot_number_taken",
    `A lot numbered ${lotNumber} already exists for GTIN ${gtin}; a GS1 code must name one lot, so choose another lot number.`,
    [{ path: "lot_number", message: "already used for this GTIN" }]
  )

/** Forget the cached public view of a lot after a write. */
export const lotChanged = (lot: { code: string }) => invalidateTrace(lot.code)
