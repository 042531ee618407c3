import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Module } from "@medusajs/framework/utils"
import { assertMedusaInternals, assertMedusaTables, MEDUSA_TOUCH_POINTS, medusaVersion, type TouchPoint } from ".."
import type { SqlRunner } from "../catalog-change-log-tables"

// The start-up check of the Medusa fence, as a module with nothing but a loader: module loaders
// run while the application boots, after the database connection is up and before the API is
// mounted or a workflow is defined, and a loader that throws stops the boot ("Loaders for module
// medusa_internals failed: Medusa 2.x.y does not have …"), so the server never serves on a Medusa
// whose internals moved. Registered in medusa-config.ts. Not run by `db:migrate`'s migration step
// (module loaders are skipped there), so an upgrade can still migrate before it is fixed.

export const MEDUSA_INTERNALS_MODULE = "medusa_internals"

/** Runs every touch point's checks: code shapes first, then the tables it uses by name. */
export async function checkMedusaInternalsAtStartup(db: SqlRunner | undefined, points: readonly TouchPoint[] = MEDUSA_TOUCH_POINTS) {
  assertMedusaInternals(points)
  if (db) await assertMedusaTables(db, points)
}

async function medusaInternalsLoader({ container, logger }: LoaderOptions) {
  const db = container.resolve<SqlRunner | undefined>(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true })
  await checkMedusaInternalsAtStartup(db)
  logger?.debug?.(`Medusa ${medusaVersion()}: ${MEDUSA_TOUCH_POINTS.length} internal touch points checked`)
}

/** Holds nothing; the module exists for its loader. */
class MedusaInternalsService {}

export default Module(MEDUSA_INTERNALS_MODULE, { service: MedusaInternalsService, loaders: [medusaInternalsLoader] })
