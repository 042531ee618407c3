import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CoopstallError, malformedUrl, notFound } from "../../lib/errors"
import { orderHasFulfillment, ownedProductIds, ownedVariantProductId, ownsInventoryItem, ownsOrder, ownsShippingOption } from "../../lib/ownership"
import { ownsLot, ownsLotEvent } from "../../lib/traceability/ownership"
import { cooperativeUserIdOf } from "../../lib/vendor-actor"
import { CERTIFICATION_MODULE, CertificationModuleService } from "../../modules/certification"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import { LEDGER_MODULE, LedgerModuleService } from "../../modules/ledger"
import { REVIEW_MODULE, ReviewModuleService } from "../../modules/review"

export type TenantContext = {
  cooperative: any
  user: any
}

/** A vendor request after the tenant middleware: the caller's cooperative and account, resolved once. */
export type VendorRequest<Body = unknown> = MedusaRequest<Body> & { tenant: TenantContext }

/** Routes a registered sign-in may call before it belongs to any cooperative. */
const ONBOARDING = [
  { method: "POST", path: /^\/vendor\/cooperatives\/?$/ },
  { method: "POST", path: /^\/vendor\/invites\/accept\/?$/ },
]

type OwnershipRule = {
  pattern: RegExp
  what: string
  owns: (container: MedusaContainer, cooperativeId: string, ids: string[]) => Promise<boolean>
}

// Every id that appears in a /vendor path is checked here against the caller's cooperative. A
// foreign id and an unknown id get the same 404, so ids of other cooperatives reveal nothing.
const OWNERSHIP_RULES: OwnershipRule[] = [
  {
    pattern: /^\/vendor\/products\/([^/]+)/,
    what: "Product",
    owns: async (c, coop, [productId]) => (await ownedProductIds(c, coop, [productId])).length === 1,
  },
  {
    pattern: /^\/vendor\/products\/([^/]+)\/variants\/([^/]+)/,
    what: "Variant",
    owns: async (c, coop, [productId, variantId]) => (await ownedVariantProductId(c, coop, variantId)) === productId,
  },
  {
    pattern: /^\/vendor\/inventory\/([^/]+)/,
    what: "Inventory item",
    owns: (c, coop, [inventoryItemId]) => ownsInventoryItem(c, coop, inventoryItemId),
  },
  {
    pattern: /^\/vendor\/users\/([^/]+)/,
    what: "User",
    owns: async (c, coop, [userId]) =>
      (await (c.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperativeUsers({ id: userId, cooperative_id: coop })).length === 1,
  },
  {
    pattern: /^\/vendor\/ocop-ratings\/([^/]+)/,
    what: "OCOP rating",
    owns: async (c, coop, [id]) =>
      (await (c.resolve(CERTIFICATION_MODULE) as CertificationModuleService).listOcopRatings({ id, cooperative_id: coop }, { select: ["id"] })).length === 1,
  },
  {
    pattern: /^\/vendor\/certificates\/([^/]+)/,
    what: "Certificate",
    owns: async (c, coop, [id]) =>
      (await (c.resolve(CERTIFICATION_MODULE) as CertificationModuleService).listCertificates({ id, cooperative_id: coop }, { select: ["id"] })).length === 1,
  },
  {
    pattern: /^\/vendor\/lots\/([^/]+)/,
    what: "Lot",
    owns: (c, coop, [lotId]) => ownsLot(c, coop, lotId),
  },
  {
    pattern: /^\/vendor\/lots\/([^/]+)\/events\/([^/]+)/,
    what: "Trace event",
    owns: (c, coop, [lotId, eventId]) => ownsLotEvent(c, coop, lotId, eventId),
  },
  {
    // Reviews of the cooperative and of its products; only published ones are ever shown to it.
    pattern: /^\/vendor\/reviews\/([^/]+)/,
    what: "Review",
    owns: async (c, coop, [id]) =>
      (await (c.resolve(REVIEW_MODULE) as ReviewModuleService).listShopperReviews({ id, cooperative_id: coop, status: "published" }, { select: ["id"] })).length === 1,
  },
  {
    pattern: /^\/vendor\/orders\/([^/]+)/,
    what: "Order",
    owns: (c, coop, [orderId]) => ownsOrder(c, coop, orderId),
  },
  {
    pattern: /^\/vendor\/orders\/([^/]+)\/fulfillments\/([^/]+)/,
    what: "Fulfillment",
    owns: async (c, coop, [orderId, fulfillmentId]) => (await ownsOrder(c, coop, orderId)) && orderHasFulfillment(c, orderId, fulfillmentId),
  },
  {
    pattern: /^\/vendor\/payouts\/([^/]+)/,
    what: "Payout",
    owns: async (c, coop, [id]) =>
      (await (c.resolve(LEDGER_MODULE) as LedgerModuleService).listPayouts({ id, cooperative_id: coop }, { select: ["id"] })).length === 1,
  },
  {
    pattern: /^\/vendor\/shipping-options\/([^/]+)/,
    what: "Shipping option",
    owns: (c, coop, [optionId]) => ownsShippingOption(c, coop, optionId),
  },
]

function decodeId(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

/** Rules whose pattern matches a path, with the ids they capture (null where undecodable). */
function ownershipChecksFor(path: string) {
  return OWNERSHIP_RULES.flatMap((rule) => {
    const match = rule.pattern.exec(path)
    return match ? [{ rule, ids: match.slice(1).map(decodeId) }] : []
  })
}

/**
 * The single place where a /vendor request learns whose it is. Runs after Medusa's
 * `authenticate("vendor", …)`: resolves the caller's cooperative user and cooperative, lets a
 * not-yet-joined sign-in reach only the onboarding routes, and checks every id in the path.
 */
export async function resolveTenant(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const path = req.originalUrl.split("?")[0]
  const isOnboarding = ONBOARDING.some((r) => r.method === req.method && r.path.test(path))
  const userId = cooperativeUserIdOf((req as AuthenticatedMedusaRequest).auth_context)

  if (!userId) {
    if (isOnboarding) return next()
    return next(
      new CoopstallError(
        403,
        "not_a_cooperative_member",
        "This sign-in does not belong to a cooperative yet: create one (POST /vendor/cooperatives) or accept an invite, then sign in again."
      )
    )
  }
  if (isOnboarding) {
    return next(new CoopstallError(409, "already_member", "This account already belongs to a cooperative."))
  }

  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [user] = await service.listCooperativeUsers({ id: userId }, { relations: ["cooperative"] })
  if (!user?.cooperative) {
    return next(new CoopstallError(401, "unknown_cooperative_user", "This cooperative account no longer exists."))
  }
  ;(req as VendorRequest).tenant = { cooperative: user.cooperative, user }

  for (const { rule, ids } of ownershipChecksFor(path)) {
    if (ids.includes(null)) return next(malformedUrl())
    if (!(await rule.owns(req.scope, user.cooperative.id, ids as string[]))) {
      return next(notFound(rule.what))
    }
  }
  next()
}

/** Only the cooperative's owners change its bank account or manage its users. */
export function requireOwner(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if ((req as VendorRequest).tenant?.user?.role !== "owner") {
    return next(new CoopstallError(403, "owner_only", "Only the cooperative's owner can do this."))
  }
  next()
}
