import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteReleasedSignInsStep, releaseCooperativeUsersStep } from "./steps/release-cooperative-users"
import { setCooperativeStatusStep } from "./steps/set-cooperative-status"
import { validateCooperativeReleaseStep } from "./steps/validate-cooperative-release"
import { ActorRef } from "./types"

export type ReleaseCooperativeRegistrationInput = ActorRef & { cooperative_id: string; reason: string }

/**
 * The union frees a registration that is rejected, or pending and abandoned (or filed by someone who
 * is not the cooperative): a pending one is rejected first, so its tax code and handle stop holding
 * (the unique indexes skip rejected rows); then its accounts are removed and their sign-ins deleted,
 * so the real cooperative can register with the same tax code, handle and emails. The record stays,
 * with its status history, for the audit.
 */
export const releaseCooperativeRegistrationWorkflow = createWorkflow(
  "release-cooperative-registration",
  (input: ReleaseCooperativeRegistrationInput) => {
    // The same lock as status changes: an approval and a release of one registration never interleave.
    const lockKey = transform({ input }, ({ input }) => `cooperative-status:${input.cooperative_id}`)
    acquireLockStep({ key: lockKey, timeout: 5, ttl: 60 })
    const { from } = validateCooperativeReleaseStep({ cooperative_id: input.cooperative_id })

    when("release-rejects-pending", { from }, ({ from }) => from === "pending").then(() => {
      setCooperativeStatusStep(
        transform({ input }, ({ input }) => ({
          cooperative_id: input.cooperative_id,
          from: "pending" as const,
          to: "rejected" as const,
          reason: `Released by the union: ${input.reason}`,
          actor_type: input.actor_type,
          actor_id: input.actor_id,
        }))
      )
      emitEventStep({
        eventName: "cooperative.status_changed",
        data: transform({ input }, ({ input }) => ({
          id: input.cooperative_id, action: "reject", from: "pending", to: "rejected", reason: input.reason,
        })),
      }).config({ name: "emit-release-rejection" })
    })

    const released = releaseCooperativeUsersStep(
      transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, released_by: input.actor_id }))
    )
    releaseLockStep({ key: lockKey })
    deleteReleasedSignInsStep(transform({ released }, ({ released }) => released.users))
    return new WorkflowResponse(transform({ released }, ({ released }) => released.cooperative))
  }
)
