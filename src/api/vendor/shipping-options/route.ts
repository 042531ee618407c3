import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { conflict } from "../../../lib/errors"
import { cooperativeShippingProfileId } from "../../../workflows/cooperative/read/ownership"
import { COOPERATIVE_RATE_PROVIDER_ID } from "../../../modules/fulfillment-cooperative-rate"
import { createCooperativeShippingOptionWorkflow } from "../../../workflows/shipping/create-cooperative-shipping-option"
import type { VendorRequest } from "../tenant"
import { listCooperativeShippingOptions } from "./view"
import type { z } from "zod"
import type { CreateShippingOptionBody } from "../validators"

/** GET /vendor/shipping-options: the options shoppers can choose for this cooperative's part of a cart. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const profileId = await cooperativeShippingProfileId(req.scope, req.tenant.cooperative.id)
  res.json({ shipping_options: profileId ? await listCooperativeShippingOptions(req.scope, profileId) : [] })
}

/** POST /vendor/shipping-options `{ name, amount, free_above?, description? }`: a rate of the cooperative's own, from its warehouse. */
export const POST = async (req: VendorRequest<z.infer<typeof CreateShippingOptionBody>>, res: MedusaResponse) => {
  const body = req.validatedBody
  const cooperativeId = req.tenant.cooperative.id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cooperative",
    fields: ["shipping_profile.id", "stock_location.fulfillment_sets.service_zones.id"],
    filters: { id: cooperativeId },
  })
  const cooperative = data[0]
  const zoneId = cooperative?.stock_location?.fulfillment_sets?.[0]?.service_zones?.[0]?.id
  if (!zoneId || !cooperative?.shipping_profile?.id) {
    throw conflict("no_warehouse", "The cooperative has no warehouse yet: it gets one when the union approves it.")
  }
  const { result: created } = await createCooperativeShippingOptionWorkflow(req.scope).run({
    input: {
      cooperative_id: cooperativeId,
      option: {
        name: body.name,
        service_zone_id: zoneId,
        shipping_profile_id: cooperative.shipping_profile.id,
        provider_id: COOPERATIVE_RATE_PROVIDER_ID,
        price_type: "calculated",
        data: { amount: body.amount, free_above: body.free_above ?? null },
        type: { label: body.name, description: body.description ?? "", code: "cooperative-rate" },
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    },
  })
  const [option] = await listCooperativeShippingOptions(req.scope, cooperative.shipping_profile.id, [created.id])
  res.status(201).json({ shipping_option: option })
}
