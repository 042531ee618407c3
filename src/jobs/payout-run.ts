import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runPayoutsWorkflow } from "../workflows/payout/run-payouts"

/**
 * Pays the period that has just ended (PAYOUT_PERIOD: ISO week by default, or month). Default
 * schedule: Mondays 01:00 Vietnam time (Sunday 18:00 UTC), an hour after the week's cutoff. A
 * second trigger of the same period (two workers, a retry) finds the run completed and does nothing.
 */
export default async function payoutRunJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await runPayoutsWorkflow(container).run({ input: { at: new Date().toISOString(), triggered_by: "schedule" } })
  logger.info(result.already_completed ? `payout run ${result.period}: already completed` : `payout run ${result.period}: done (${result.run_id})`)
}

export const config = {
  name: "payout-run",
  schedule: process.env.PAYOUT_SCHEDULE || "0 18 * * 0",
}
