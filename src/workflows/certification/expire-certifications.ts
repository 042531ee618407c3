import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CERTIFICATION_CHANGED_EVENTS, CERTIFICATION_EXPIRING_EVENTS, changesOf } from "./events"
import { expireCertificationsStep } from "./steps/expire-certifications"

/**
 * The daily run: items past their expiry become `expired` (the store already hides them from that
 * instant; this makes the status say so), and items expiring within 30 days are announced once.
 */
export const expireCertificationsWorkflow = createWorkflow("expire-certifications", (input: { at: Date }) => {
  const { changes, reminders } = expireCertificationsStep(input)
  for (const subject of ["ocop_rating", "certificate"] as const) {
    emitEventStep({
      eventName: CERTIFICATION_CHANGED_EVENTS[subject],
      data: transform({ changes }, ({ changes }) => changesOf(changes, subject)),
    }).config({ name: `emit-${subject}-expired` })
    emitEventStep({
      eventName: CERTIFICATION_EXPIRING_EVENTS[subject],
      data: transform({ reminders }, ({ reminders }) => reminders.filter((r) => r.subject_type === subject)),
    }).config({ name: `emit-${subject}-expiring` })
  }
  return new WorkflowResponse({ changes, reminders })
})
