/**
 * Secrets (invite and reset tokens, passwords, bearer tokens) may reach a log line only in
 * development, where printing an invite token is how a developer accepts invites locally. Any other
 * NODE_ENV, including unset, counts as not development.
 */
export const tokensMayBeLogged = () => process.env.NODE_ENV === "development"

/** Keys whose values are secrets wherever they appear in a payload. */
const SECRET_KEY = /token|password|passwd|secret|authorization|api[-_]?key|cookie|session/i

/**
 * A copy of `value` with every secret-looking field replaced by "[redacted]" (nested objects and
 * arrays too), and any bearer token inside a string masked. Used on anything about to be logged.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 20) return "[redacted]"
  if (typeof value === "string") return value.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]")
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1))
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redactSecrets(v, depth + 1)])
    )
  }
  return value
}
