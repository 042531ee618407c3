import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../modules/traceability"
import { NOT_FOUND_PAGE } from "../../workflows/traceability/read/page"
import { ScanDeduper } from "./scan-dedup"
import { traceByCode } from "../../workflows/traceability/read/view"

const NOT_FOUND_BYTES = Buffer.from(NOT_FOUND_PAGE, "utf8")
const scans = new ScanDeduper()

/** Entries the scan de-duplication holds now (bounded; for tests and the benchmark). */
export const scanDedupSize = () => scans.size

/**
 * Answers the public page of a published lot and counts the scan (in memory; flushed in batches),
 * once per visitor per TRACE_SCAN_DEDUP_MS: reloading a page or a script hammering it adds nothing.
 */
export async function sendTracePage(req: MedusaRequest, res: MedusaResponse, code: string | null) {
  const entry = code ? await traceByCode(req.scope, code) : null
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Content-Security-Policy", "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
  if (!entry?.view || !entry.html || !entry.lotId) {
    res.setHeader("Cache-Control", "no-store")
    res.status(404).end(NOT_FOUND_BYTES)
    return
  }
  // req.ip honours Express's "trust proxy" (Medusa sets 1: the address the nearest proxy reports).
  const address = req.ip || req.socket?.remoteAddress || "unknown"
  const userAgent = String(req.headers["user-agent"] ?? "").slice(0, 512)
  if (scans.shouldCount(entry.lotId, address, userAgent)) {
    ;(req.scope.resolve(TRACEABILITY_MODULE) as TraceabilityModuleService).recordScan(entry.lotId)
  }
  res.setHeader("Cache-Control", "private, max-age=60")
  res.status(200).end(entry.html)
}
