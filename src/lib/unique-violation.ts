import { MedusaError } from "@medusajs/framework/utils"

/** A write refused by a unique index: someone else already wrote the same thing. */
export function isUniqueViolation(err: any): boolean {
  return (
    err?.type === MedusaError.Types.DUPLICATE_ERROR ||
    err?.code === "23505" ||
    err?.cause?.code === "23505" ||
    /duplicate key value violates unique constraint|already exists/i.test(String(err?.message ?? ""))
  )
}
