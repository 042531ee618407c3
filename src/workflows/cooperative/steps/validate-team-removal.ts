import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError } from "../../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

export type TeamRemovalInput = { cooperative_id: string; user_id: string; removed_by: string }

/**
 * Read under the cooperative's team lock: whoever removes must still be one of its owners, and is
 * not the one removed. Two owners removing each other at once would otherwise both pass the
 * request's check (made before either removal) and leave the cooperative without an owner.
 */
export const validateTeamRemovalStep = createStep("validate-team-removal", async (input: TeamRemovalInput, { container }) => {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const users = await service.listCooperativeUsers({ cooperative_id: input.cooperative_id }, { select: ["id", "role"] })
  const remover = users.find((u) => u.id === input.removed_by)
  if (!remover || remover.role !== "owner") {
    throw new CoopstallError(403, "owner_only", "Only the cooperative's owner can do this (your owner account was removed meanwhile).")
  }
  if (input.user_id === input.removed_by) {
    throw new CoopstallError(409, "cannot_remove_self", "You cannot remove your own account.")
  }
  return new StepResponse(undefined)
})
