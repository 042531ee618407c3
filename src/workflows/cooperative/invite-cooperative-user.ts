import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { tokensMayBeLogged } from "../../lib/log-safety"
import { createCooperativeInviteStep } from "./steps/create-cooperative-invite"
import { emailCooperativeInviteStep } from "./steps/email-cooperative-invite"
import { validateCooperativeOwnershipStep } from "./steps/validate-cooperative-ownership"
import { validateCooperativeUniquenessStep } from "./steps/validate-cooperative-uniqueness"

export const inviteCooperativeUserWorkflow = createWorkflow(
  "invite-cooperative-user",
  (input: { cooperative_id: string; email: string; role: "owner" | "staff"; invited_by: string }) => {
    // The invite is filed under cooperative_id; whoever sends it must be one of that cooperative's users.
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({
        cooperative_id: input.cooperative_id,
        records: [
          { kind: "cooperative" as const, id: input.cooperative_id },
          { kind: "cooperative_user" as const, id: input.invited_by },
        ],
      }))
    )
    validateCooperativeUniquenessStep({ user_email: input.email })
    const created = createCooperativeInviteStep(input)
    emailCooperativeInviteStep(transform({ created }, ({ created }) => ({ invite_id: created.invite.id, token: created.token })))
    emitEventStep({
      eventName: "cooperative.invite_created",
      // The token rides along only in development, where the local notification provider prints it
      // so a developer can accept invites; elsewhere events (kept in Redis by the Redis event bus)
      // and notifications (stored and logged) never see it.
      data: transform({ created }, ({ created }) => ({
        id: created.invite.id,
        ...(tokensMayBeLogged() ? { token: created.token } : {}),
      })),
    })
    return new WorkflowResponse(created)
  }
)
