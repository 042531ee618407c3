import type { MedusaResponse } from "@medusajs/framework/http"
import { conflict } from "../../../../lib/errors"
import { cooperativeShippingProfileId } from "../../../../workflows/cooperative/read/ownership"
import { deleteCooperativeShippingOptionWorkflow } from "../../../../workflows/shipping/delete-cooperative-shipping-option"
import { updateCooperativeShippingOptionWorkflow } from "../../../../workflows/shipping/update-cooperative-shipping-option"
import type { VendorRequest } from "../../tenant"
import { listCooperativeShippingOptions } from "../view"
import type { z } from "zod"
import type { UpdateShippingOptionBody } from "../../validators"

async function load(req: VendorRequest) {
  const profileId = (await cooperativeShippingProfileId(req.scope, req.tenant.cooperative.id))!
  const [option] = await listCooperativeShippingOptions(req.scope, profileId, [req.params.id])
  return { profileId, option }
}

export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  res.json({ shipping_option: (await load(req)).option })
}

/** POST /vendor/shipping-options/:id: change the name, the amount or the free-above threshold (null: never free). */
export const POST = async (req: VendorRequest<z.infer<typeof UpdateShippingOptionBody>>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { profileId, option } = await load(req)
  if (!option.editable) {
    throw conflict("standard_option", "The marketplace's standard option has a fixed rate: add an option of your own instead.")
  }
  await updateCooperativeShippingOptionWorkflow(req.scope).run({
    input: {
      cooperative_id: req.tenant.cooperative.id,
      id: option.id,
      update: {
        ...(body.name ? { name: body.name } : {}),
        data: {
          amount: body.amount ?? option.amount,
          free_above: body.free_above !== undefined ? body.free_above : option.free_above,
        },
      },
    },
  })
  const [updated] = await listCooperativeShippingOptions(req.scope, profileId, [option.id])
  res.json({ shipping_option: updated })
}

export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  await deleteCooperativeShippingOptionWorkflow(req.scope).run({ input: { cooperative_id: req.tenant.cooperative.id, id: req.params.id } })
  res.json({ id: req.params.id, object: "shipping_option", deleted: true })
}
