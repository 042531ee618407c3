import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notFound } from "../../../lib/errors"
import { ownedVariantProductId } from "../../cooperative/read/ownership"
import { traceability } from "../read/lots"
import { createLotWithCode } from "../utils/lots"

export type CreateLotStepInput = { cooperative_id: string; lot: Record<string, any> & { variant_id: string } }

/** A draft lot of one of the cooperative's variants; its product is read from the variant, never taken from the caller. */
export const createLotStep = createStep(
  "create-lot-with-code",
  async ({ cooperative_id, lot }: CreateLotStepInput, { container }) => {
    const productId = await ownedVariantProductId(container, cooperative_id, lot.variant_id)
    if (!productId) throw notFound("Variant")
    const created = await createLotWithCode(container, { ...lot, cooperative_id, product_id: productId, status: "draft" })
    return new StepResponse(created, created.id)
  },
  async (lotId, { container }) => {
    if (lotId) await traceability(container).deleteLots(lotId)
  }
)
