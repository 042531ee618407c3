import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../modules/traceability"
import { NOT_FOUND_PAGE } from "./page"
import { traceByCode } from "./view"

/** Answers the public page of a published lot and counts the scan (in memory; flushed in batches). */
export async function sendTracePage(req: MedusaRequest, res: MedusaResponse, code: string | null) {
  const entry = code ? await traceByCode(req.scope, code) : null
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Content-Security-Policy", "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
  if (!entry?.view || !entry.html || !entry.lotId) {
    res.setHeader("Cache-Control", "no-store")
    res.status(404).end(NOT_FOUND_PAGE)
    return
  }
  ;(req.scope.resolve(TRACEABILITY_MODULE) as TraceabilityModuleService).recordScan(entry.lotId)
  res.setHeader("Cache-Control", "private, max-age=60")
  res.status(200).end(entry.html)
}
