import { uploadFilesStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordStoredFilesStep } from "./steps/record-stored-files"
import { reserveUploadQuotaStep } from "./steps/reserve-upload-quota"

export type StoreCooperativeFilesInput = {
  cooperative_id: string
  quota_bytes: number
  /** Already checked: `name` chosen by the server, `mime_type` detected from the bytes, `content` base64. */
  files: { name: string; mime_type: string; size: number; content: string }[]
}

/**
 * Stores a cooperative's files within its quota: reserve (quota check) → store through the file
 * module → record the keys. A failure after the reservation deletes the rows and any stored files.
 */
export const storeCooperativeFilesWorkflow = createWorkflow("store-cooperative-files", (input: StoreCooperativeFilesInput) => {
  const reservation = transform(input, (i) => ({
    cooperative_id: i.cooperative_id,
    quota_bytes: i.quota_bytes,
    files: i.files.map(({ name, mime_type, size }) => ({ name, mime_type, size })),
  }))
  const uploadIds = reserveUploadQuotaStep(reservation)
  const toStore = transform(input, (i) => ({
    files: i.files.map((f) => ({ filename: f.name, mimeType: f.mime_type, content: f.content, access: "public" as const })),
  }))
  const stored = uploadFilesStep(toStore)
  const fileIds = transform(stored, (files) => files.map((f) => f.id))
  recordStoredFilesStep({ upload_ids: uploadIds, file_ids: fileIds })
  return new WorkflowResponse(stored)
})
