import { z } from "zod"
import { canonicalProvince } from "./provinces"
import { normalizeTaxCode } from "./tax-code"
import { nfc } from "./text"
import { vndAmount } from "./money"

// Building blocks shared by the request schemas of every surface.

export const text = (max = 200) =>
  z.string().transform(nfc).pipe(z.string().min(1, "must not be empty").max(max))

export const optionalText = (max = 2000) =>
  z.string().transform(nfc).pipe(z.string().max(max)).nullable().optional()

export const handle = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens, e.g. htx-da-hen")
  .max(80)

export const province = z.string().transform((value, ctx) => {
  const canonical = canonicalProvince(value)
  if (!canonical) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${value}" is not one of Vietnam's 34 provinces and cities (since 1 July 2025)` })
    return z.NEVER
  }
  return canonical
})

export const taxCode = z.string().transform((value, ctx) => {
  const normalized = normalizeTaxCode(value)
  if (!normalized) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: "must be a valid Vietnamese tax code: 10 digits (with a correct check digit), optionally followed by -NNN for a branch",
    })
    return z.NEVER
  }
  return normalized
})

export const phone = z
  .string()
  .transform((v) => v.replace(/[\s.()-]/g, ""))
  .pipe(z.string().regex(/^(\+84|0)\d{9,10}$/, "must be a Vietnamese phone number, e.g. 0912 345 678 or +84 912 345 678"))

export const email = z.string().trim().toLowerCase().pipe(z.string().email("must be an email address"))

export const url = z.string().url("must be a URL").max(2000)

export const bankAccount = z
  .object({
    bin: z.string().regex(/^\d{6}$/, "must be the bank's 6-digit BIN (NAPAS), e.g. 970436 for Vietcombank"),
    account_number: z.string().regex(/^[0-9A-Za-z]{4,19}$/, "must be 4 to 19 letters or digits"),
    account_holder: text(100),
  })
  .strict()

export { vndAmount }
