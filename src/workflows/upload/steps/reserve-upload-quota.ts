import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { UPLOAD_MODULE, UploadModuleService } from "../../../modules/upload"
import type { UploadReservation } from "../../../modules/upload/service"

export type ReserveUploadQuotaInput = { cooperative_id: string; quota_bytes: number; files: UploadReservation[] }

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

/** Counts the files against the cooperative's storage quota before they are stored; undone by deleting the rows. */
export const reserveUploadQuotaStep = createStep(
  "reserve-upload-quota",
  async (input: ReserveUploadQuotaInput, { container }) => {
    const service: UploadModuleService = container.resolve(UPLOAD_MODULE)
    const result = await service.reserve(input.cooperative_id, input.files, input.quota_bytes)
    if (!result.ok) {
      const incoming = input.files.reduce((sum, f) => sum + f.size, 0)
      throw new CoopstallError(
        ErrorTypes.PAYLOAD_TOO_LARGE,
        "storage_quota_exceeded",
        `Your cooperative's files may take at most ${mb(input.quota_bytes)}; ${mb(result.used)} are used and these files need ${mb(incoming)}.`
      )
    }
    return new StepResponse(result.ids, result.ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: UploadModuleService = container.resolve(UPLOAD_MODULE)
    await service.deleteUploads(ids)
  }
)
