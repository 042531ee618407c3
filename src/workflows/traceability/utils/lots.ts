import type { InferTypeOf, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { conflict, CoopstallError } from "../../../lib/errors"
import { isUniqueViolation } from "../../../lib/unique-violation"
import type { Lot } from "../../../modules/traceability/models/lot"
import { newLotCode } from "../../../modules/traceability/rules/code"
import { gtinKey, variantGtin } from "../../../modules/traceability/rules/gtin"
import { traceability } from "../read/lots"
import { invalidateTrace } from "../read/view"

// What the lot writes (the create-lot step, the vendor lot routes, the demo) check and do.

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
