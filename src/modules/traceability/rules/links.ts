import { printedGtin, variantGtin } from "./gtin"

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

/**
 * The GS1 Digital Link of a lot: the GTIN the lot was created under (lot.gtin, GTIN-14), printed as
 * its variant writes it. A lot without one (its variant had no GTIN then) has none: a link built
 * from a GTIN added later would not resolve to it.
 */
export function digitalLink(lot: { lot_number: string; gtin?: string | null }, variant?: Parameters<typeof variantGtin>[0] | null): string | null {
  return lot.gtin ? `${publicTraceBase()}/01/${printedGtin(lot.gtin, variant)}/10/${encodeURIComponent(lot.lot_number)}` : null
}

/** What a lot's QR code encodes: its GS1 Digital Link if it has a GTIN, else the short link. */
export function qrTarget(lot: { code: string; lot_number: string; gtin?: string | null }, variant?: Parameters<typeof variantGtin>[0] | null): string {
  return digitalLink(lot, variant) ?? shortTraceUrl(lot.code)
}
