import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CERTIFICATION_MODULE, CertificationModuleService } from "../../../modules/certification"

/** Marks items past their expiry as expired and collects those due for a reminder. */
export const expireCertificationsStep = createStep(
  "expire-certifications",
  async (input: { at: Date }, { container }) => {
    const service: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)
    const at = new Date(input.at)
    const { changes, undo } = await service.expireDue(at)
    const reminders = await service.takeExpiryReminders(at)
    return new StepResponse({ changes, reminders }, { undo, reminded: reminders })
  },
  async (state, { container }) => {
    if (!state) return
    const service: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)
    for (const undo of state.undo) await service.undoDecision(undo)
    const ratings = state.reminded.filter((r) => r.subject_type === "ocop_rating").map((r) => ({ id: r.id, expiry_reminded_at: null }))
    const certificates = state.reminded.filter((r) => r.subject_type === "certificate").map((r) => ({ id: r.id, expiry_reminded_at: null }))
    if (ratings.length) await service.updateOcopRatings(ratings)
    if (certificates.length) await service.updateCertificates(certificates)
  }
)
