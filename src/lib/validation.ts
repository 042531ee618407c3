import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z, ZodTypeAny } from "zod"
import { CoopstallError } from "./errors"
import { INPUT_LIMITS } from "./input-guard"

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

function validate(schema: ZodTypeAny, where: "body" | "query") {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = schema.safeParse(req[where] ?? {})
    if (!result.success) return next(toError(result.error.issues, where))
    ;(req as any)[where === "body" ? "validatedBody" : "validatedQuery"] = result.data
    next()
  }
}

/** Parses the body with a (strict) zod schema; the parsed value becomes `req.validatedBody`. */
export const validateBody = (schema: ZodTypeAny) => validate(schema, "body")

/** Parses the query string with a zod schema (z.coerce for numbers); the result becomes `req.validatedQuery`. */
export const validateQuery = (schema: ZodTypeAny) => validate(schema, "query")

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  // 1e308 is an integer to JavaScript, and out of range to PostgreSQL.
  offset: z.coerce.number().int().min(0).max(INPUT_LIMITS.offset).default(0),
}
