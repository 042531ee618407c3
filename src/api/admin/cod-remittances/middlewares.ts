import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { REMITTANCE_CSV_LIMITS } from "../../../modules/ledger/rules/remittance-csv"
import { validateBody, validateQuery } from "../../../lib/validation"
import { CreateCodRemittanceBody, ListCodRemittancesQuery } from "./validators"

/** The import route's request once `readStatement` has read the body. */
export type StatementRequest = MedusaRequest & { statement: string }

/**
 * The statement import reads its own body: a carrier's CSV (text/csv, text/plain) or JSON { csv },
 * up to the statement's byte limit. Medusa's parsers are off for this route, so a statement larger
 * than a JSON body's strings may be is still read, and the limit is ours.
 */
export function readStatement(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const limit = REMITTANCE_CSV_LIMITS.bytes + 64 * 1024
  const chunks: Buffer[] = []
  let size = 0
  let done = false
  const finish = (err?: unknown) => {
    if (done) return
    done = true
    next(err)
  }
  req.on("data", (chunk: Buffer) => {
    size += chunk.length
    if (size > limit) {
      finish(new CoopstallError(ErrorTypes.PAYLOAD_TOO_LARGE, "statement_too_large", `A statement may be at most ${REMITTANCE_CSV_LIMITS.bytes} bytes; split it.`))
      req.removeAllListeners("data")
      req.resume()
      return
    }
    chunks.push(chunk)
  })
  req.on("error", () => finish(new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "The statement could not be read.")))
  req.on("end", () => {
    if (done) return
    const raw = Buffer.concat(chunks)
    const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase()
    let csv: unknown
    if (type === "application/json") {
      try {
        csv = JSON.parse(raw.toString("utf8"))?.csv
      } catch {
        return finish(new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "The body is not valid JSON.", [{ path: "body", message: "invalid JSON" }]))
      }
    } else if (type === "text/csv" || type === "text/plain" || type === "application/csv") {
      csv = raw.toString("utf8")
    } else {
      return finish(new CoopstallError(ErrorTypes.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send the statement as text/csv, or as JSON { \"csv\": \"…\" }."))
    }
    if (typeof csv !== "string") {
      return finish(new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "The JSON body must carry the statement as { \"csv\": \"…\" }.", [{ path: "csv", message: "must be a string" }]))
    }
    ;(req as StatementRequest).statement = csv
    finish()
  })
}

/** Union admins only (Medusa authenticates every /admin route as a user). */
export const codRemittanceMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/cod-remittances", middlewares: [validateBody(CreateCodRemittanceBody)] },
  { method: ["GET"], matcher: "/admin/cod-remittances", middlewares: [validateQuery(ListCodRemittancesQuery)] },
  { method: ["POST"], matcher: "/admin/cod-remittances/import", bodyParser: false, middlewares: [readStatement] },
]
