// The secrets that sign admin, staff and customer tokens (JWT_SECRET) and session cookies
// (COOKIE_SECRET). Anyone who knows one can sign in as anyone, so production must never run on a
// value that is published: the development default, the examples in .env.template and docs, or
// the usual placeholders. Medusa itself refuses to start in production only when a secret is
// missing; a fallback in medusa-config.ts defeated that, hence this check.

/** Used outside production only, so `npm run dev` and the tests need no configuration. */
export const DEVELOPMENT_SECRET = "supersecret"

export const MIN_SECRET_LENGTH = 32

// Compared case-insensitively, after trimming. Everything ever written in .env.template, the README
// or Medusa's own templates belongs here.
const KNOWN_DEFAULTS = [
  DEVELOPMENT_SECRET,
  "secret",
  "changeme",
  "change-me",
  "change_me",
  "changethis",
  "password",
  "jwt_secret",
  "jwt-secret",
  "jwtsecret",
  "cookie_secret",
  "cookie-secret",
  "cookiesecret",
  "medusa",
  "coopstall",
  "your-secret",
  "your_secret",
  "yoursecret",
  "replace-me",
  "test",
  "development",
]

type Env = Record<string, string | undefined>

/** NODE_ENV values Medusa treats as production (its own isProduction()). */
export function isProductionEnv(env: Env = process.env): boolean {
  return ["production", "prod"].includes(env.NODE_ENV ?? "")
}

/** Why a value must not sign anything in production, or null when it may. */
export function unsafeSecretReason(value: string | undefined): string | null {
  const v = (value ?? "").trim()
  if (!v) return "is not set"
  if (KNOWN_DEFAULTS.includes(v.toLowerCase())) return "is a published default"
  if (v.length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters`
  // "aaaa…" or "1212…" pass the length rule but are guessed as fast as a short secret.
  if (new Set(v).size < 8) return "repeats too few different characters"
  return null
}

export class UnsafeSecretsError extends Error {
  constructor(problems: string[]) {
    super(
      `Refusing to start in production: ${problems.join("; ")}. ` +
        `Set each to its own random value of at least ${MIN_SECRET_LENGTH} characters ` +
        `(for example: openssl rand -base64 48). See docs/security/secrets-and-sign-in.md.`
    )
    this.name = "UnsafeSecretsError"
  }
}

/**
 * The two secrets for projectConfig.http. Outside production a missing one falls back to
 * DEVELOPMENT_SECRET (a constant, so every process of a test run agrees). In production an
 * unsafe one throws, which Medusa's config loader reports before exiting with status 1, before
 * anything listens. `medusa build` reads the config too but signs nothing, so an image can be
 * built without its secrets; the built server checks them again when it starts.
 */
export function httpSecrets(
  env: Env = process.env,
  argv: string[] = process.argv
): { jwtSecret: string; cookieSecret: string } {
  if (!isProductionEnv(env) || argv[2] === "build") {
    return {
      jwtSecret: env.JWT_SECRET || DEVELOPMENT_SECRET,
      cookieSecret: env.COOKIE_SECRET || DEVELOPMENT_SECRET,
    }
  }
  const problems = (["JWT_SECRET", "COOKIE_SECRET"] as const).flatMap((name) => {
    const reason = unsafeSecretReason(env[name])
    return reason ? [`${name} ${reason}`] : []
  })
  if (problems.length) throw new UnsafeSecretsError(problems)
  return { jwtSecret: env.JWT_SECRET!.trim(), cookieSecret: env.COOKIE_SECRET!.trim() }
}

/** For scripts that must never touch a production database, such as the demo seed. */
export function refuseInProduction(what: string, env: Env = process.env) {
  if (isProductionEnv(env)) {
    throw new Error(`${what} never runs with NODE_ENV=${env.NODE_ENV}: it would write demo accounts with published passwords.`)
  }
}
