import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import QRCode from "qrcode"
import { CoopstallError, ErrorTypes } from "../../../../../lib/errors"
import { retrievePayout } from "../../../../../workflows/payout/read/payout-detail"

/**
 * GET /admin/payouts/:id/qr?format=svg|png&size=512: the VietQR code the finance officer scans with
 * the union's banking app (account, amount and message filled in). The payload is also in
 * X-QR-Content. Stripe payouts have none (404 no_vietqr).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { format, size } = req.validatedQuery as { format: "svg" | "png"; size: number }
  const payout = await retrievePayout(req.scope, req.params.id)
  if (!payout.vietqr_payload) throw new CoopstallError(ErrorTypes.NOT_FOUND, "no_vietqr", "This payout is not a bank transfer and has no VietQR code.")
  const options = { errorCorrectionLevel: "M" as const, margin: 4 }
  res.setHeader("X-QR-Content", payout.vietqr_payload)
  res.setHeader("Cache-Control", "private, no-store")
  res.setHeader("Content-Disposition", `inline; filename="payout-${payout.id}.${format}"`)
  if (format === "png") {
    res.setHeader("Content-Type", "image/png")
    res.end(await QRCode.toBuffer(payout.vietqr_payload, { ...options, type: "png", width: size }))
  } else {
    res.setHeader("Content-Type", "image/svg+xml; charset=utf-8")
    res.end(await QRCode.toString(payout.vietqr_payload, { ...options, type: "svg" }))
  }
}
