import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { claimLotGtins } from "../workflows/traceability/utils/gtin-backfill"

/** Runs once with `medusa db:migrate`: gives lots created before issue 12 their GTIN (see the lot migration). */
export default async function backfillLotGtins({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { filled, duplicates } = await claimLotGtins(container)
  logger.info(`lot GTINs: ${filled} filled`)
  for (const d of duplicates) {
    logger.warn(`lot GTINs: GTIN ${d.gtin} lot ${d.lot_number} is shared by lots ${d.lot_ids.join(", ")}; ${d.lot_ids[0]} keeps the Digital Link, the others only their /t/ code`)
  }
}
