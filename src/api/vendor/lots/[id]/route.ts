import type { MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError, ErrorTypes } from "../../../../lib/errors"
import { isUniqueViolation } from "../../../../lib/unique-violation"
import { retrieveLot, serializeVendorLot } from "../../../../workflows/traceability/read/lots"
import { assertDraft, assertLotNumberFree, lotChanged } from "../../../../workflows/traceability/utils/lots"
import { deleteCooperativeLotWorkflow } from "../../../../workflows/traceability/delete-lot"
import { updateCooperativeLotWorkflow } from "../../../../workflows/traceability/update-lot"
import type { VendorRequest } from "../../tenant"
import { dayOrderIssues, type UpdateLotBody } from "../validators"

/** GET /vendor/lots/:id: the lot with its events and scan count (ownership checked by the tenant middleware). */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  res.json({ lot: await serializeVendorLot(req.scope, await retrieveLot(req.scope, req.params.id)) })
}

/** POST /vendor/lots/:id: edit a draft lot. */
export const POST = async (req: VendorRequest<UpdateLotBody>, res: MedusaResponse) => {
  const body = req.validatedBody as UpdateLotBody
  const lot = await retrieveLot(req.scope, req.params.id)
  assertDraft(lot, "its details cannot change")
  const issues = dayOrderIssues({ ...lot, ...body })
  if (issues.length) {
    throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", `Invalid body. ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues)
  }
  if (body.lot_number && body.lot_number !== lot.lot_number) {
    await assertLotNumberFree(req.scope, { id: lot.id, variant_id: lot.variant_id, gtin: lot.gtin ?? null, lot_number: body.lot_number })
  }
  await updateCooperativeLotWorkflow(req.scope).run({ input: { cooperative_id: req.tenant.cooperative.id, id: lot.id, update: body } }).catch(async (err: unknown) => {
    // A concurrent request took the lot number between the check and the write: the same 409.
    if (body.lot_number && isUniqueViolation(err)) {
      await assertLotNumberFree(req.scope, { id: lot.id, variant_id: lot.variant_id, gtin: lot.gtin ?? null, lot_number: body.lot_number })
    }
    throw err
  })
  lotChanged(lot)
  res.json({ lot: await serializeVendorLot(req.scope, await retrieveLot(req.scope, lot.id)) })
}

/** DELETE /vendor/lots/:id: only a draft lot can be deleted; a published one stays for its packages' QR codes. */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  const lot = await retrieveLot(req.scope, req.params.id)
  assertDraft(lot, "it cannot be deleted because its QR codes may already be on packages")
  await deleteCooperativeLotWorkflow(req.scope).run({ input: { cooperative_id: req.tenant.cooperative.id, id: lot.id } })
  lotChanged(lot)
  res.json({ id: lot.id, object: "lot", deleted: true })
}
