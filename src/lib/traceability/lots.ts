import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { conflict, CoopstallError, notFound } from "../errors"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../modules/traceability"
import { newLotCode } from "./code"
import { sortEvents } from "./events"
import { variantGtin } from "./gtin"
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
  return new Map(variants.map((v: any) => [v.id, v]))
}

function shapeEvent(event: any) {
  const { lot, lot_id, deleted_at, ...rest } = event
  return rest
}

function shapeLot(lot: any, variant: any) {
  const { events, deleted_at, ...rest } = lot
  return {
    ...rest,
    variant: variant ? { id: variant.id, title: variant.title, sku: variant.sku, gtin: variantGtin(variant) } : null,
    links: {
      trace_url: shortTraceUrl(lot.code),
      digital_link: variant ? digitalLink(lot, variant) : null,
      qr_encodes: qrTarget(lot, variant ?? {}),
    },
    ...(events ? { events: events.map(shapeEvent) } : {}),
  }
}

/** Lots as a cooperative's staff see them: with variant, public links and (for one lot) events. */
export async function serializeVendorLots(container: MedusaContainer, lots: any[]) {
  const variants = await variantsById(container, lots.map((l) => l.variant_id))
  return lots.map((lot) => shapeLot(lot, variants.get(lot.variant_id)))
}

export async function serializeVendorLot(container: MedusaContainer, lot: any) {
  return (await serializeVendorLots(container, [lot]))[0]
}

export function assertDraft(lot: { status: string }, what: string) {
  if (lot.status !== "draft") {
    throw conflict("lot_published", `This lot is published: ${what}. Published lots keep their data; add a trace event instead.`)
  }
}

/** Creates a lot with a fresh random code; a (vanishingly rare) code collision is retried. */
export async function createLotWithCode(container: MedusaContainer, data: Record<string, any>) {
  const service = traceability(container)
  if (data.lot_number) {
    const taken = await service.listLots({ variant_id: data.variant_id, lot_number: data.lot_number }, { select: ["id"] })
    if (taken.length) throw lotNumberTaken(data.lot_number)
  }
  for (let attempt = 0; ; attempt++) {
    const code = newLotCode()
    try {
      return await service.createLots({ ...data, code, lot_number: data.lot_number ?? code } as any)
    } catch (err: any) {
      if (err?.type !== MedusaError.Types.DUPLICATE_ERROR || attempt >= 4) throw err
      if (data.lot_number) {
        const taken = await service.listLots({ variant_id: data.variant_id, lot_number: data.lot_number }, { select: ["id"] })
        if (taken.length) throw lotNumberTaken(data.lot_number)
      }
    }
  }
}

export const lotNumberTaken = (lotNumber: string) =>
  new CoopstallError(409, "lot_number_taken", `This variant already has a lot numbered ${lotNumber}.`, [{ path: "lot_number", message: "already used for this variant" }])

/** Forget the cached public view of a lot after a write. */
export const lotChanged = (lot: { code: string }) => invalidateTrace(lot.code)
