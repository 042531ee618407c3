import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refuseInProduction } from "../lib/config/secrets"
import { seedDemoMarketplace } from "./demo-marketplace"

export default async function seed({ container }: ExecArgs) {
  refuseInProduction("The demo seed (npm run seed)")
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { created, publishableKey } = await seedDemoMarketplace(container)
  logger.info(
    created.length
      ? `Demo marketplace: created ${created.join(", ")}.`
      : "Demo marketplace already seeded; nothing added."
  )
  logger.info(`Publishable key: ${publishableKey.token}`)
}
