import {
  acquireLockStep,
  createRemoteLinkStep,
  createShippingOptionsWorkflow,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { defaultShippingProfileId, marketplaceSalesChannelId, vietnamRegionId } from "../marketplace/read/marketplace"
import { COOPERATIVE_MODULE, CooperativeAction, isSelling } from "../../modules/cooperative"
import { COOPERATIVE_RATE_PROVIDER_ID } from "../../modules/fulfillment-cooperative-rate"
import { createCooperativeWarehouseStep } from "./steps/create-cooperative-warehouse"
import { setCooperativeProductsListedStep } from "./steps/set-cooperative-products-listed"
import { setCooperativeStatusStep } from "./steps/set-cooperative-status"
import { validateCooperativeTransitionStep } from "./steps/validate-cooperative-transition"
import { ActorRef } from "./types"

export const STANDARD_SHIPPING_VND = 30000

export type ChangeCooperativeStatusInput = ActorRef & {
  cooperative_id: string
  action: CooperativeAction
  reason: string
}

const marketplaceContextStep = createStep("load-marketplace-context", async (_: void, { container }) => {
  return new StepResponse({
    sales_channel_id: await marketplaceSalesChannelId(container),
    // Only for cooperatives registered before each got a shipping profile of its own.
    fallback_shipping_profile_id: await defaultShippingProfileId(container),
    region_id: await vietnamRegionId(container),
  })
})

/**
 * approve / reject / suspend / reinstate. The first step validates the transition (409 otherwise);
 * becoming approved gives the cooperative a warehouse the first time and lists its products;
 * leaving approved unlists them. Every change is recorded with its reason and its author.
 */
export const changeCooperativeStatusWorkflow = createWorkflow(
  "change-cooperative-status",
  (input: ChangeCooperativeStatusInput) => {
    // Two admins approving at the same moment must not both pass validation and build two warehouses.
    const lockKey = transform({ input }, ({ input }) => `cooperative-status:${input.cooperative_id}`)
    acquireLockStep({ key: lockKey, timeout: 5, ttl: 60 })
    const { cooperative, from, to } = validateCooperativeTransitionStep({
      cooperative_id: input.cooperative_id,
      action: input.action,
    })

    const updated = setCooperativeStatusStep(
      transform({ input, from, to }, ({ input, from, to }) => ({
        cooperative_id: input.cooperative_id,
        from,
        to,
        reason: input.reason,
        actor_type: input.actor_type,
        actor_id: input.actor_id,
      }))
    )

    const { data: existing } = useQueryGraphStep({
      entity: "cooperative",
      fields: ["id", "stock_location.id", "shipping_profile.id"],
      filters: { id: input.cooperative_id },
    }).config({ name: "load-cooperative-warehouse" })

    const needsWarehouse = transform({ existing, to }, ({ existing, to }) => isSelling(to) && !existing[0]?.stock_location)

    when("cooperative-needs-warehouse", { needsWarehouse }, ({ needsWarehouse }) => needsWarehouse).then(() => {
      const context = marketplaceContextStep()
      const warehouse = createCooperativeWarehouseStep({ cooperative })
      createRemoteLinkStep(
        transform({ warehouse, context, cooperative }, ({ warehouse, context, cooperative }) => [
          { [COOPERATIVE_MODULE]: { cooperative_id: cooperative.id }, [Modules.STOCK_LOCATION]: { stock_location_id: warehouse.location.id } },
          { [Modules.STOCK_LOCATION]: { stock_location_id: warehouse.location.id }, [Modules.FULFILLMENT]: { fulfillment_set_id: warehouse.fulfillment_set_id } },
          { [Modules.STOCK_LOCATION]: { stock_location_id: warehouse.location.id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" } },
          { [Modules.STOCK_LOCATION]: { stock_location_id: warehouse.location.id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: COOPERATIVE_RATE_PROVIDER_ID } },
          { [Modules.SALES_CHANNEL]: { sales_channel_id: context.sales_channel_id }, [Modules.STOCK_LOCATION]: { stock_location_id: warehouse.location.id } },
        ] as LinkDefinition[])
      )
      createShippingOptionsWorkflow.runAsStep({
        input: transform({ warehouse, context, cooperative, existing }, ({ warehouse, context, cooperative, existing }) => [
          {
            name: `Giao hàng tiêu chuẩn – ${cooperative.name}`,
            service_zone_id: warehouse.service_zone_id,
            shipping_profile_id: existing[0]?.shipping_profile?.id ?? context.fallback_shipping_profile_id,
            provider_id: "manual_manual",
            price_type: "flat" as const,
            type: { label: "Tiêu chuẩn", description: "Giao trong 2–4 ngày", code: "standard" },
            prices: [
              { currency_code: "vnd", amount: STANDARD_SHIPPING_VND },
              { region_id: context.region_id, amount: STANDARD_SHIPPING_VND },
            ],
            rules: [
              { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
              { attribute: "is_return", value: "false", operator: "eq" as const },
            ],
          },
        ]),
      })
    })

    setCooperativeProductsListedStep(
      transform({ input, to }, ({ input, to }) => ({ cooperative_id: input.cooperative_id, listed: isSelling(to) }))
    )

    emitEventStep({
      eventName: "cooperative.status_changed",
      data: transform({ input, from, to }, ({ input, from, to }) => ({
        id: input.cooperative_id,
        action: input.action,
        from,
        to,
        reason: input.reason,
      })),
    })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(updated)
  }
)
