import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../../modules/traceability"
import { gtinKey, variantGtin } from "../../../modules/traceability/rules/gtin"

/**
 * Fills `lot.gtin` for lots that have none, from their variant's GTIN. Where several lots share a
 * GTIN and lot number (possible before the unique index), the first published lot, else the first
 * created, gets it; the others stay without one and are reported, so the migration never fails and
 * a GS1 code keeps resolving to the lot whose page was public first.
 */
export async function claimLotGtins(container: MedusaContainer) {
  const trace: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const lots = await trace.listLots({}, { select: ["id", "variant_id", "lot_number", "gtin", "status", "published_at", "created_at"] })
  const variantIds = [...new Set(lots.map((l) => l.variant_id))]
  const variants = variantIds.length
    ? await container.resolve(Modules.PRODUCT).listProductVariants({ id: variantIds }, { select: ["id", "ean", "barcode", "upc"], withDeleted: true })
    : []
  const gtinOf = new Map(variants.map((v) => [v.id, variantGtin(v)] as const))

  const time = (d: Date | string | null | undefined) => (d ? new Date(d).getTime() : Number.MAX_SAFE_INTEGER)
  const ordered = [...lots].sort((a, b) => time(a.published_at) - time(b.published_at) || time(a.created_at) - time(b.created_at))
  const owner = new Map<string, string>()
  const shared = new Map<string, { gtin: string; lot_number: string; lot_ids: string[] }>()
  for (const lot of ordered) {
    const raw = lot.gtin ?? gtinOf.get(lot.variant_id)
    if (!raw) continue
    const key = `${gtinKey(raw)}|${lot.lot_number}`
    if (!owner.has(key)) owner.set(key, lot.id)
    else {
      const entry = shared.get(key) ?? { gtin: gtinKey(raw), lot_number: lot.lot_number, lot_ids: [owner.get(key)!] }
      entry.lot_ids.push(lot.id)
      shared.set(key, entry)
    }
  }
  const updates = lots
    .filter((l) => !l.gtin)
    .flatMap((l) => {
      const raw = gtinOf.get(l.variant_id)
      return raw && owner.get(`${gtinKey(raw)}|${l.lot_number}`) === l.id ? [{ id: l.id, gtin: gtinKey(raw) }] : []
    })
  if (updates.length) await trace.updateLots(updates)
  return { filled: updates.length, duplicates: [...shared.values()] }
}
