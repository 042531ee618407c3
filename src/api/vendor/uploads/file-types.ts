import type { fileTypeFromBuffer } from "file-type" with { "resolution-mode": "import" }

/** What a cooperative may upload (evidence scans, photos), by the type its bytes show, with the extension it is stored under. */
export const EVIDENCE_TYPES: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
}

// file-type is an ES module; a dynamic import loads it from this CommonJS build (as the Meilisearch client).
let detector: Promise<typeof fileTypeFromBuffer> | undefined

export type Sniffed = { detected: string | null; accepted: { mime: string; ext: string } | null }

/**
 * The file's type as its bytes show it (the `file-type` library reads magic numbers and structure),
 * whatever its name or declared type says; `accepted` only for the allow-list.
 */
export async function sniffEvidenceType(bytes: Buffer): Promise<Sniffed> {
  detector ??= import("file-type").then((m) => m.fileTypeFromBuffer)
  const found = await (await detector)(bytes)
  const ext = found ? EVIDENCE_TYPES[found.mime] : undefined
  return { detected: found?.mime ?? null, accepted: found && ext ? { mime: found.mime, ext } : null }
}
