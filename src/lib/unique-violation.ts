import { MedusaError } from "@medusajs/framework/utils"

/** A write refused by a unique index: someone else already wrote the same thing. */
export function isUniqueViolation(err: unknown): boolean {
  const e = (err && typeof err === "object" ? err : {}) as { type?: unknown; code?: unknown; message?: unknown; cause?: { code?: unknown } | null }
  return (
    e.type === MedusaError.Types.DUPLICATE_ERROR ||
    e.code === "23505" ||
    e.cause?.code === "23505" ||
    /duplicate key value violates unique constraint|already exists/i.test(String(e.message ?? ""))
  )
}
