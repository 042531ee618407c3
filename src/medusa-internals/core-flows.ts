import type {
  BigNumberInput,
  CampaignBudgetUsageContext,
  CreateOrderAdjustmentDTO,
  CreateOrderLineItemDTO,
  CreateOrderLineItemTaxLineDTO,
  UsageComputedActions,
} from "@medusajs/framework/types"
import type { StepFunction } from "@medusajs/framework/workflows-sdk"
import { expectFunction, loadPackageFile, probe } from "./shape"

// Pieces of @medusajs/core-flows that its completeCartWorkflow uses but its package `exports` does
// not publish. Our marketplace completion (src/workflows/checkout/complete-cooperative-cart.ts)
// reuses them rather than copying them, so an upgrade keeps the cart → order mapping identical to
// vanilla completion. Loaded by file path on purpose; typed here after core-flows' own .d.ts files
// (cart/utils/prepare-line-item-data.d.ts, promotion/steps/register-usage.d.ts).

const PACKAGE = "@medusajs/core-flows"
const FILES = {
  fields: "dist/cart/utils/fields.js",
  prepare: "dist/cart/utils/prepare-line-item-data.js",
  registerUsage: "dist/promotion/steps/register-usage.js",
} as const

/** What prepareLineItemData reads (Medusa's PrepareLineItemDataInput; item and variant are cart graph rows). */
export type PrepareLineItemDataInput = {
  item?: Record<string, unknown>
  isCustomPrice?: boolean
  variant?: Record<string, unknown>
  taxLines?: CreateOrderLineItemTaxLineDTO[]
  adjustments?: CreateOrderAdjustmentDTO[]
  cartId?: string
  unitPrice?: BigNumberInput
  isTaxInclusive: boolean
}
export type PreparedTaxLine = {
  description: string | undefined
  tax_rate_id: string | undefined
  code: string
  rate: BigNumberInput
  provider_id: string | undefined
  metadata: Record<string, unknown> | null
  data: Record<string, unknown> | null
}
export type PreparedAdjustment = {
  code: string | undefined
  amount: BigNumberInput
  description: string | undefined
  promotion_id: string | undefined
  provider_id: string | undefined
  is_tax_inclusive: boolean | undefined
}
export type RegisterUsageStepInput = { computedActions: UsageComputedActions[]; registrationContext: CampaignBudgetUsageContext }

type CoreFlowsInternals = {
  completeCartFields: string[]
  prepareLineItemData: (data: PrepareLineItemDataInput) => CreateOrderLineItemDTO
  prepareTaxLinesData: (data: CreateOrderLineItemTaxLineDTO[]) => PreparedTaxLine[]
  prepareAdjustmentsData: (data: CreateOrderAdjustmentDTO[]) => PreparedAdjustment[]
  registerUsageStep: StepFunction<RegisterUsageStepInput, null>
}

/** A missing file leaves its exports undefined: the start-up check (checkCoreFlowsInternals) refuses to start first. */
function load<K extends keyof typeof FILES>(file: K): Record<string, unknown> {
  return loadPackageFile(PACKAGE, FILES[file]).module ?? {}
}

const fields = load("fields")
const prepare = load("prepare")
const registerUsage = load("registerUsage")

export const completeCartFields = fields.completeCartFields as CoreFlowsInternals["completeCartFields"]
export const prepareLineItemData = prepare.prepareLineItemData as CoreFlowsInternals["prepareLineItemData"]
export const prepareTaxLinesData = prepare.prepareTaxLinesData as CoreFlowsInternals["prepareTaxLinesData"]
export const prepareAdjustmentsData = prepare.prepareAdjustmentsData as CoreFlowsInternals["prepareAdjustmentsData"]
export const registerUsageStep = registerUsage.registerUsageStep as CoreFlowsInternals["registerUsageStep"]

/** The files exist and export what we take from them, with the arities we call them with. */
export function checkCoreFlowsInternals(): string[] {
  return probe(() => {
    const problems: string[] = []
    const f = loadPackageFile(PACKAGE, FILES.fields)
    if (!f.module) problems.push(f.problem!)
    else if (!Array.isArray(f.module.completeCartFields) || !f.module.completeCartFields.every((x) => typeof x === "string")) {
      problems.push(`${FILES.fields}: completeCartFields is not a list of field paths`)
    } else {
      // The order mapping reads these off the cart; without them it would silently build empty orders.
      const needed = ["items.*", "shipping_methods.*", "region.*", "currency_code"]
      const missing = needed.filter((n) => !(f.module!.completeCartFields as string[]).includes(n))
      if (missing.length) problems.push(`${FILES.fields}: completeCartFields lacks ${missing.join(", ")}`)
    }
    const p = loadPackageFile(PACKAGE, FILES.prepare)
    if (!p.module) problems.push(p.problem!)
    else {
      problems.push(...expectFunction(p.module, "prepareLineItemData", 1, FILES.prepare))
      problems.push(...expectFunction(p.module, "prepareTaxLinesData", 1, FILES.prepare))
      problems.push(...expectFunction(p.module, "prepareAdjustmentsData", 1, FILES.prepare))
    }
    const r = loadPackageFile(PACKAGE, FILES.registerUsage)
    if (!r.module) problems.push(r.problem!)
    else {
      problems.push(...expectFunction(r.module, "registerUsageStep", null, FILES.registerUsage))
      if (r.module.registerUsageStepId !== "register-usage") problems.push(`${FILES.registerUsage}: registerUsageStepId is not "register-usage"`)
    }
    return problems
  })
}
