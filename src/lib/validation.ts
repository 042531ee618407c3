import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z, ZodTypeAny } from "zod"
import { CoopstallError } from "./errors"

function toError(issues: z.ZodIssue[], where: "body" | "query") {
  const errors = issues.map((issue) => {
    const path = issue.path.join(".") || where
    const message =
      issue.code === "unrecognized_keys"
        ? `Unknown field(s): ${issue.keys.join(", ")}`
        : issue.message
    return { path, message }
  })
  const summary = errors.map((e) => `${e.path}: ${e.message}`).join("; ")
  return new CoopstallError(400, "invalid_request", `Invalid ${where}. ${summary}`, errors)
}

/** Parses the body with a (strict) zod schema; the parsed value replaces `req.validatedBody`. */
export function validateBody(schema: ZodTypeAny) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = schema.safeParse(req.body ?? {})
    if (!result.success) return next(toError(result.error.issues, "body"))
    ;(req as any).validatedBody = result.data
    next()
  }
}

/** Parses the query string with a zod schema (use z.coerce for numbers). */
export function validateQuery(schema: ZodTypeAny) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = schema.safeParse(req.query ?? {})
    if (!result.success) return next(toError(result.error.issues, "query"))
    ;(req as any).validatedQuery = result.data
    next()
  }
}

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
}
