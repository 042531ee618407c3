import path from "path"

// Pieces of @medusajs/core-flows that its completeCartWorkflow uses but its package `exports` does
// not publish. Our completion reuses them rather than copying them, so an upgrade of Medusa keeps
// the cart → order mapping identical to vanilla completion. Loaded by file path on purpose.
const root = path.dirname(require.resolve("@medusajs/core-flows"))
const load = (file: string) => require(path.join(root, file))

export const { completeCartFields } = load("cart/utils/fields.js") as { completeCartFields: string[] }
export const { prepareLineItemData, prepareTaxLinesData, prepareAdjustmentsData } = load("cart/utils/prepare-line-item-data.js")
export const { registerUsageStep } = load("promotion/steps/register-usage.js")
