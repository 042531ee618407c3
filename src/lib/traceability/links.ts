import { variantGtin } from "./gtin"

/** Where QR codes point: PUBLIC_TRACE_URL, else MEDUSA_BACKEND_URL, else the dev server. */
export function publicTraceBase(): string {
  return (process.env.PUBLIC_TRACE_URL || process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")
}

/** The storefront a "buy" link opens (STOREFRONT_URL/products/{handle}); null when not configured. */
export function storefrontProductUrl(handle: string): string | null {
  const base = (process.env.STOREFRONT_URL ?? "http://localhost:8000").replace(/\/+$/, "")
  return base ? `${base}/products/${encodeURIComponent(handle)}` : null
}

export const shortTraceUrl = (code: string) => `${publicTraceBase()}/t/${code}`

/** The GS1 Digital Link of a lot, when its variant has a valid GTIN. */
export function digitalLink(lot: { lot_number: string }, variant: Parameters<typeof variantGtin>[0]): string | null {
  const gtin = variantGtin(variant)
  return gtin ? `${publicTraceBase()}/01/${gtin}/10/${encodeURIComponent(lot.lot_number)}` : null
}

/** What a lot's QR code encodes: the GS1 Digital Link if the variant has a GTIN, else the short link. */
export function qrTarget(lot: { code: string; lot_number: string }, variant: Parameters<typeof variantGtin>[0]): string {
  return digitalLink(lot, variant) ?? shortTraceUrl(lot.code)
}
