import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UPLOAD_MODULE, UploadModuleService } from "../../../modules/upload"

/** Ties each reserved row to the key the file provider gave its file (same order as reserved). */
export const recordStoredFilesStep = createStep(
  "record-stored-files",
  async (input: { upload_ids: string[]; file_ids: string[] }, { container }) => {
    const service: UploadModuleService = container.resolve(UPLOAD_MODULE)
    await service.updateUploads(input.upload_ids.map((id, i) => ({ id, file_id: input.file_ids[i] })))
    return new StepResponse(undefined)
  }
)
