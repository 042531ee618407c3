import type { MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import QRCode from "qrcode"
import { qrTarget } from "../../../../../modules/traceability/rules/links"
import { retrieveLot } from "../../../../../workflows/traceability/read/lots"
import type { VendorRequest } from "../../../tenant"

/**
 * GET /vendor/lots/:id/qr?format=svg|png[&size=512]: the QR code to print on the lot's packages. It
 * encodes the GS1 Digital Link https://HOST/01/{GTIN}/10/{LOT} when the variant has a valid GTIN,
 * else https://HOST/t/{code}; HOST is PUBLIC_TRACE_URL. The encoded URL is also in X-QR-Content.
 */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { format, size } = req.validatedQuery as { format: "svg" | "png"; size: number }
  const lot = await retrieveLot(req.scope, req.params.id)
  const [variant] = await req.scope
    .resolve(Modules.PRODUCT)
    .listProductVariants({ id: lot.variant_id }, { select: ["id", "ean", "barcode", "upc"] })
  const target = qrTarget(lot, variant ?? {})
  const options = { errorCorrectionLevel: "M" as const, margin: 4 }
  res.setHeader("X-QR-Content", target)
  res.setHeader("Content-Disposition", `inline; filename="lot-${lot.code}.${format}"`)
  res.setHeader("Cache-Control", "private, no-cache")
  if (format === "png") {
    res.setHeader("Content-Type", "image/png")
    res.end(await QRCode.toBuffer(target, { ...options, type: "png", width: size }))
  } else {
    res.setHeader("Content-Type", "image/svg+xml; charset=utf-8")
    res.end(await QRCode.toString(target, { ...options, type: "svg" }))
  }
}
