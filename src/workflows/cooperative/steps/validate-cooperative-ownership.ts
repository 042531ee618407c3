import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notFound } from "../../../lib/errors"
import {
  cooperativeShippingProfileId,
  cooperativeStockLocationId,
  orderHasFulfillment,
  ownedVariantProductId,
  ownsInventoryItem,
  ownsOrder,
  ownsShippingOption,
} from "../read/ownership"
import { ownsLot, ownsLotEvent } from "../../traceability/read/ownership"
import { cooperativeUserIdInAppMetadata } from "../../../modules/cooperative/vendor-actor"
import { CERTIFICATION_MODULE, CertificationModuleService } from "../../../modules/certification"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { REVIEW_MODULE, ReviewModuleService } from "../../../modules/review"

/** A record a workflow is about to change, named by what it is and (for nested records) its parent. */
export type CooperativeRecord =
  | { kind: "cooperative"; id: string }
  | { kind: "cooperative_user"; id: string }
  | { kind: "auth_identity"; id: string; user_id: string }
  | { kind: "inventory_item"; id: string }
  | { kind: "stock_location"; id: string }
  | { kind: "variant"; id: string }
  | { kind: "lot"; id: string }
  | { kind: "trace_event"; id: string; lot_id: string }
  | { kind: "order"; id: string }
  | { kind: "fulfillment"; id: string; order_id: string }
  | { kind: "shipping_profile"; id: string }
  | { kind: "service_zone"; id: string }
  | { kind: "shipping_option"; id: string }
  | { kind: "ocop_rating"; id: string }
  | { kind: "certificate"; id: string }
  | { kind: "review"; id: string }

export type ValidateCooperativeOwnershipInput = { cooperative_id: string; records: CooperativeRecord[] }

type Check = {
  what: string
  /** Ids the check needs besides `id` (a nested record's parent). */
  parents?: string[]
  /** `record` carries the id and, for a nested record, its parents' ids (checked non-empty before). */
  owns: (c: MedusaContainer, cooperativeId: string, record: { id: string; [parent: string]: string }) => Promise<boolean>
}

const cooperatives = (c: MedusaContainer): CooperativeModuleService => c.resolve(COOPERATIVE_MODULE)
const certification = (c: MedusaContainer): CertificationModuleService => c.resolve(CERTIFICATION_MODULE)

// Who owns what, for this step and for the /vendor middleware's path ids (src/api/vendor/access.ts
// reads these checks), with the same names in the 404 ("Lot was not found.") on both.
export const CHECKS: Record<CooperativeRecord["kind"], Check> = {
  cooperative: {
    what: "Cooperative",
    owns: async (c, coop, { id }) => id === coop && (await cooperatives(c).listCooperatives({ id }, { select: ["id"] })).length === 1,
  },
  cooperative_user: {
    what: "User",
    owns: async (c, coop, { id }) => (await cooperatives(c).listCooperativeUsers({ id, cooperative_id: coop }, { select: ["id"] })).length === 1,
  },
  auth_identity: {
    // The sign-in of one of the cooperative's users: its app metadata names that user.
    what: "User",
    parents: ["user_id"],
    owns: async (c, coop, { id, user_id }) => {
      if (!(await CHECKS.cooperative_user.owns(c, coop, { id: user_id }))) return false
      const [identity] = await c.resolve(Modules.AUTH).listAuthIdentities({ id: [id] }, { select: ["id", "app_metadata"] })
      return !!identity && cooperativeUserIdInAppMetadata(identity.app_metadata) === user_id
    },
  },
  inventory_item: { what: "Inventory item", owns: (c, coop, { id }) => ownsInventoryItem(c, coop, id) },
  stock_location: { what: "Stock location", owns: async (c, coop, { id }) => (await cooperativeStockLocationId(c, coop)) === id },
  variant: { what: "Variant", owns: async (c, coop, { id }) => (await ownedVariantProductId(c, coop, id)) !== null },
  lot: { what: "Lot", owns: (c, coop, { id }) => ownsLot(c, coop, id) },
  trace_event: { what: "Trace event", parents: ["lot_id"], owns: (c, coop, { id, lot_id }) => ownsLotEvent(c, coop, lot_id, id) },
  order: { what: "Order", owns: (c, coop, { id }) => ownsOrder(c, coop, id) },
  fulfillment: {
    what: "Fulfillment",
    parents: ["order_id"],
    owns: async (c, coop, { id, order_id }) => (await ownsOrder(c, coop, order_id)) && orderHasFulfillment(c, order_id, id),
  },
  shipping_profile: { what: "Shipping profile", owns: async (c, coop, { id }) => (await cooperativeShippingProfileId(c, coop)) === id },
  service_zone: {
    // A service zone of the fulfilment set at the cooperative's own warehouse.
    what: "Service zone",
    owns: async (c, coop, { id }) => {
      const locationId = await cooperativeStockLocationId(c, coop)
      if (!locationId) return false
      const { data } = await c.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "stock_location",
        fields: ["fulfillment_sets.service_zones.id"],
        filters: { id: locationId },
      })
      return data[0]?.fulfillment_sets?.some((set) => set?.service_zones?.some((zone) => zone?.id === id)) ?? false
    },
  },
  shipping_option: { what: "Shipping option", owns: (c, coop, { id }) => ownsShippingOption(c, coop, id) },
  ocop_rating: {
    what: "OCOP rating",
    owns: async (c, coop, { id }) => (await certification(c).listOcopRatings({ id, cooperative_id: coop }, { select: ["id"] })).length === 1,
  },
  certificate: {
    what: "Certificate",
    owns: async (c, coop, { id }) => (await certification(c).listCertificates({ id, cooperative_id: coop }, { select: ["id"] })).length === 1,
  },
  review: {
    // Only published reviews are ever shown to the cooperative, so only those can be acted on.
    what: "Review",
    owns: async (c, coop, { id }) =>
      (await (c.resolve(REVIEW_MODULE) as ReviewModuleService).listShopperReviews({ id, cooperative_id: coop, status: "published" }, { select: ["id"] })).length === 1,
  },
}

/**
 * The first step of every workflow that changes a cooperative's data: each record it will touch
 * belongs to the acting cooperative, or the workflow stops before writing anything. Defence in
 * depth behind the /vendor middleware, so one missed route rule cannot become a cross-tenant write.
 * A foreign id and an unknown id get the same 404.
 */
export const validateCooperativeOwnershipStep = createStep(
  "validate-cooperative-ownership",
  async (input: ValidateCooperativeOwnershipInput, { container }) => {
    if (typeof input.cooperative_id !== "string" || !input.cooperative_id) throw notFound("Cooperative")
    for (const record of input.records) {
      const check = CHECKS[record.kind]
      if (!check) throw notFound("Record")
      // A missing or blank id is refused like an unknown one: passed to a lookup it would mean "no
      // filter" (a cooperative with one lot would "own" a lot with no id).
      const ids = ["id", ...(check.parents ?? [])].map((key) => (record as Record<string, unknown>)[key])
      if (!ids.every((v) => typeof v === "string" && v.length > 0) || !(await check.owns(container, input.cooperative_id, record))) {
        throw notFound(check.what)
      }
    }
    return new StepResponse(undefined)
  }
)
