import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import { changeCooperativeStatusWorkflow } from "../workflows/cooperative/change-cooperative-status"
import { isAbandoned, pendingExpiryDays } from "../workflows/cooperative/utils/abandoned-registrations"

/**
 * A pending registration nobody touched for COOPERATIVE_PENDING_EXPIRY_DAYS (default 60) is rejected
 * with the reason "abandoned", so it stops holding its tax code and handle (the unique indexes skip
 * rejected rows). Its accounts stay until the union releases it (POST /admin/cooperatives/:id/release).
 * Daily at 02:00 Vietnam time.
 */
export default async function expireAbandonedRegistrations(container: MedusaContainer) {
  const days = pendingExpiryDays()
  if (!days) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const now = new Date()
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const pending = await service.listCooperatives({ status: "pending" }, { select: ["id", "updated_at"] })
  for (const cooperative of pending.filter((c) => isAbandoned((c as { updated_at: Date | string }).updated_at, now, days))) {
    await changeCooperativeStatusWorkflow(container)
      .run({
        input: {
          cooperative_id: cooperative.id,
          action: "reject",
          reason: `Abandoned: no change for ${days} days`,
          actor_type: "system",
          actor_id: "expire-abandoned-registrations",
        },
      })
      .then(() => logger.info(`registration ${cooperative.id}: rejected as abandoned`))
      // Approved meanwhile, or locked by an admin's decision: leave it.
      .catch((err) => logger.warn(`registration ${cooperative.id}: not expired (${err?.message ?? err})`))
  }
}

export const config = {
  name: "expire-abandoned-registrations",
  schedule: process.env.COOPERATIVE_EXPIRY_SCHEDULE || "0 19 * * *",
}
