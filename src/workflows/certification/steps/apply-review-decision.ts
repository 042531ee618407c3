import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CERTIFICATION_MODULE, CertificationModuleService, CertificationSubject, ReviewAction } from "../../../modules/certification"
import type { Actor } from "../../../modules/certification/service"

export type ReviewDecisionInput = Actor & { subject_type: CertificationSubject; id: string; action: ReviewAction; note: string | null }

/** verify / reject / revoke, in one transaction of the certification module (which also supersedes an older rating). */
export const applyReviewDecisionStep = createStep(
  "apply-review-decision",
  async (input: ReviewDecisionInput, { container }) => {
    const service: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)
    const { changes, undo } = await service.decide({ ...input, at: new Date() })
    return new StepResponse(changes, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    await (container.resolve(CERTIFICATION_MODULE) as CertificationModuleService).undoDecision(undo)
  }
)
