import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setUnionManagementStep, type SetUnionManagementInput } from "./steps/set-union-management"
import { validateUnionManagementStep } from "./steps/validate-union-management"

export const UNION_MANAGEMENT_CHANGED = "cooperative.union_management_changed"

/**
 * POST /admin/cooperatives/:id/manage and …/unmanage. Under a lock per cooperative, so two admins
 * clicking at once take the stall on once (the second gets 409) and its owner hears it once.
 */
export const setUnionManagementWorkflow = createWorkflow("set-union-management", (input: SetUnionManagementInput) => {
  const key = transform({ input }, ({ input }) => `cooperative-union-management:${input.cooperative_id}`)
  acquireLockStep({ key, timeout: 5, ttl: 30 })
  validateUnionManagementStep(transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, managed: input.managed })))
  const cooperative = setUnionManagementStep(input)
  emitEventStep({
    eventName: UNION_MANAGEMENT_CHANGED,
    data: transform({ input, cooperative }, ({ input, cooperative }) => ({
      id: input.cooperative_id,
      managed: input.managed,
      actor_id: input.actor_id,
      managed_since: cooperative.managed_since ? new Date(cooperative.managed_since).toISOString() : null,
      // Fixed in the event, so a redelivery carries the same moment (the notification's idempotency key).
      at: new Date().toISOString(),
    })),
  })
  releaseLockStep({ key })
  return new WorkflowResponse(cooperative)
})
