import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { emailCooperativeInvite } from "../../../notifications/invites"
import { messageOf } from "../../../lib/errors"

/**
 * Emails the invitation with its link, here because only this workflow holds the token. Best
 * effort: the invite stands when the mail server is down (the owner also has the token from the
 * answer), and the failure is logged without the token.
 */
export const emailCooperativeInviteStep = createStep("email-cooperative-invite", async (input: { invite_id: string; token: string }, { container }) => {
  try {
    await emailCooperativeInvite(container, input.invite_id, input.token)
  } catch (err) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`invite ${input.invite_id}: the invitation email was not sent: ${messageOf(err)}`)
  }
  return new StepResponse(undefined)
})
