import type { MedusaContainer } from "@medusajs/framework/types"
import { expireCertificationsWorkflow } from "../workflows/certification/expire-certifications"

/** Daily at 00:05 Vietnam time (17:05 UTC), just after the day on which items stop being valid has begun. */
export default async function expireCertificationsJob(container: MedusaContainer) {
  await expireCertificationsWorkflow(container).run({ input: { at: new Date() } })
}

export const config = {
  name: "expire-certifications",
  schedule: process.env.CERTIFICATION_EXPIRY_SCHEDULE || "5 17 * * *",
}
