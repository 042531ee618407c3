import { request } from "../lib/sdk"

export type Uploaded = { id: string; url: string; mime_type: string; size: number }

/** One photo or scan through /vendor/uploads (the server judges the type by the bytes). */
export async function upload(file: File): Promise<Uploaded> {
  const form = new FormData()
  form.append("files", file, file.name)
  const { files } = await request<{ files: Uploaded[] }>("/vendor/uploads", { method: "POST", form })
  return files[0]
}
