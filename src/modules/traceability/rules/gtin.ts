// GTINs (GS1 AI 01) as printed on Vietnamese packages: GTIN-13 with the 893 prefix is usual, but
// GTIN-8, GTIN-12 (UPC) and GTIN-14 occur, and a Digital Link may carry any of them.

const GTIN_LENGTHS = new Set([8, 12, 13, 14])

/** The GS1 mod-10 check digit for the digits before it. */
function checkDigit(body: string): number {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48
    sum += digit * (i % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

/** Whether `value` is a GTIN-8/12/13/14 whose check digit is right. */
export function isValidGtin(value: string | null | undefined): value is string {
  if (!value || !/^\d+$/.test(value) || !GTIN_LENGTHS.has(value.length)) return false
  return checkDigit(value.slice(0, -1)) === Number(value[value.length - 1])
}

/** A GTIN completed with its check digit: `withCheckDigit("893604512001")` → a valid GTIN-13. */
export function withCheckDigit(body: string): string {
  return body + checkDigit(body)
}

/** Every way the same GTIN can be written (8, 12, 13 or 14 digits, left-padded with zeros). */
export function gtinForms(gtin: string): string[] {
  const g14 = gtin.padStart(14, "0")
  const forms = [g14]
  for (const length of [13, 12, 8]) {
    const lead = g14.slice(0, 14 - length)
    if (/^0*$/.test(lead)) forms.push(g14.slice(14 - length))
  }
  return forms
}

/** The variant's GTIN for the Digital Link: its EAN, else its barcode, else its UPC, if valid. */
export function variantGtin(variant: { ean?: string | null; barcode?: string | null; upc?: string | null }): string | null {
  for (const candidate of [variant.ean, variant.barcode, variant.upc]) {
    const trimmed = candidate?.trim()
    if (isValidGtin(trimmed)) return trimmed
  }
  return null
}

/** The form a GTIN is stored and compared in: GTIN-14 (an 8-, 12- or 13-digit GTIN left-padded with zeros). */
export const gtinKey = (gtin: string) => gtin.padStart(14, "0")

/** How to print a lot's stored GTIN-14: as its variant writes it when that is the same GTIN, else as GTIN-14. */
export function printedGtin(key: string, variant?: Parameters<typeof variantGtin>[0] | null): string {
  const own = variant ? variantGtin(variant) : null
  return own && gtinKey(own) === key ? own : key
}
