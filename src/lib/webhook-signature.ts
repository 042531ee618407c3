import { createHmac, timingSafeEqual } from "node:crypto"

/** Hex HMAC-SHA256 of the exact bytes received. */
export const hmacSha256 = (secret: string, body: Buffer | string) => createHmac("sha256", secret).update(body).digest("hex")

/** Constant-time check of a `sha256=<hex>` (or bare hex) signature header against the raw body. */
export function validHmacSignature(secret: string, body: Buffer | string, header: string | undefined): boolean {
  if (!header) return false
  const given = Buffer.from(header.replace(/^sha256=/, ""), "hex")
  const expected = Buffer.from(hmacSha256(secret, body), "hex")
  return given.length === expected.length && timingSafeEqual(given, expected)
}
