import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createHash } from "node:crypto"
import { isIP } from "node:net"
import { ipKeyGenerator, rateLimit, type Options, type RateLimitRequestHandler, type Store } from "express-rate-limit"
import { RedisStore } from "rate-limit-redis"
import { CoopstallError, ErrorTypes } from "../../lib/errors"

// Password sign-in, registration and reset requests are limited per account (the email in the
// body) and per client address, so a password cannot be guessed at speed from one machine, nor a
// common password sprayed over many accounts. Counts live in Redis when REDIS_URL is set, so every
// server process shares them; in memory otherwise (one process).

type Env = Record<string, string | undefined>

export type SignInLimits = {
  windowMs: number
  /** Failed sign-ins (and registrations refused for an existing email) per account per window. */
  failuresPerAccount: number
  /** Failed sign-ins and registrations per client address per window, over all accounts. */
  failuresPerAddress: number
  /** Registration requests per client address per window, successful or not. */
  registrationsPerAddress: number
  /** Password-reset requests per account and per address per window (all count: the answer never says). */
  resetsPerAccount: number
  resetsPerAddress: number
  /** Proxies in front of the server whose X-Forwarded-For entries are believed; 0 = none. */
  trustProxyHops: number
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  windowMs: 15 * 60_000,
  failuresPerAccount: 10,
  failuresPerAddress: 50,
  registrationsPerAddress: 30,
  resetsPerAccount: 5,
  resetsPerAddress: 20,
  trustProxyHops: 0,
}

const ENV_NAMES: Record<keyof SignInLimits, string> = {
  windowMs: "SIGN_IN_WINDOW_MINUTES",
  failuresPerAccount: "SIGN_IN_FAILURES_PER_ACCOUNT",
  failuresPerAddress: "SIGN_IN_FAILURES_PER_ADDRESS",
  registrationsPerAddress: "REGISTRATIONS_PER_ADDRESS",
  resetsPerAccount: "PASSWORD_RESETS_PER_ACCOUNT",
  resetsPerAddress: "PASSWORD_RESETS_PER_ADDRESS",
  trustProxyHops: "TRUST_PROXY_HOPS",
}

/** The limits from the environment; a value that is not a whole number stops the server at start. */
export function signInLimitsFromEnv(env: Env = process.env): SignInLimits {
  const limits = { ...DEFAULT_SIGN_IN_LIMITS }
  for (const key of Object.keys(ENV_NAMES) as (keyof SignInLimits)[]) {
    const raw = env[ENV_NAMES[key]]?.trim()
    if (!raw) continue
    const n = Number(raw)
    const min = key === "trustProxyHops" ? 0 : 1
    if (!Number.isSafeInteger(n) || n < min) {
      throw new Error(`${ENV_NAMES[key]}=${raw} is not a whole number of at least ${min}.`)
    }
    limits[key] = key === "windowMs" ? n * 60_000 : n
  }
  return limits
}

/**
 * The address a request came from. Medusa sets Express's `trust proxy` to 1, so `req.ip` is
 * whatever a client writes in X-Forwarded-For when no proxy stands in front: one attacker would
 * be a thousand addresses. The socket's address is used unless TRUST_PROXY_HOPS says how many
 * proxies (each appending one entry) stand in front; then the entry the outermost one wrote.
 */
export function clientAddress(req: { socket?: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }, hops: number) {
  const socket = req.socket?.remoteAddress ?? "unknown"
  if (!hops) return socket
  const header = req.headers["x-forwarded-for"]
  const forwarded = (Array.isArray(header) ? header.join(",") : String(header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
  const chain = [socket, ...forwarded.reverse()]
  const address = chain[Math.min(hops, chain.length - 1)]
  return isIP(address) ? address : socket
}

/** One key per account whatever the spelling (case, spaces, Unicode forms); hashed, so no email is stored. */
export function accountKey(value: unknown): string | null {
  if (typeof value !== "string") return null
  const normalised = value.normalize("NFKC").trim().toLowerCase()
  if (!normalised) return null
  return createHash("sha256").update(normalised).digest("hex")
}

const isPasswordProvider = (req: MedusaRequest) => String(req.params?.auth_provider ?? "").toLowerCase() === "emailpass"

function tooManyAttempts(name: string) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    // express-rate-limit keeps what it counted on the request under `requestPropertyName`.
    const resetTime = (Reflect.get(req, name) as { resetTime?: Date } | undefined)?.resetTime
    const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000))
    res.setHeader("Retry-After", String(seconds))
    const minutes = Math.ceil(seconds / 60)
    next(
      new CoopstallError(
        ErrorTypes.RATE_LIMITED,
        "too_many_attempts",
        `Too many attempts to sign in, register or reset a password. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`
      )
    )
  }
}

export type StoreFactory = (name: string) => Store | undefined

/** A Redis store per limiter (each needs its own key prefix), or express-rate-limit's memory store. */
export function redisStores(redisUrl: string | undefined, env: Env = process.env): StoreFactory {
  if (!redisUrl) return () => undefined
  // Loaded only when configured, like Medusa's own Redis modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Redis = require("ioredis")
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 3 })
  // Tests boot one app per spec file, all against one REDIS_URL when it is set: each boot counts
  // apart, or a suite run twice within a window would meet its own earlier failures.
  const run = env.NODE_ENV === "test" ? `${process.pid}.${Date.now()}:` : ""
  return (name) =>
    new RedisStore({
      prefix: `coopstall:sign-in:${name}:${run}`,
      sendCommand: (command: string, ...args: string[]) => client.call(command, ...args),
    })
}

type LimiterSpec = {
  name: string
  limit: number
  key: (req: MedusaRequest) => string | null
  failuresOnly: boolean
}

function limiter(spec: LimiterSpec, limits: SignInLimits, store: StoreFactory): RateLimitRequestHandler {
  const propertyName = `signInLimit_${spec.name}`
  const options: Partial<Options> = {
    windowMs: limits.windowMs,
    limit: spec.limit,
    // Only Retry-After on refusal: remaining-attempt headers would tell a guesser how far to go.
    standardHeaders: false,
    legacyHeaders: false,
    requestPropertyName: propertyName,
    skipSuccessfulRequests: spec.failuresOnly,
    // express-rate-limit runs in Medusa's middleware chain: its requests are Medusa's.
    skip: (req) => !isPasswordProvider(req as MedusaRequest) || spec.key(req as MedusaRequest) === null,
    keyGenerator: (req) => spec.key(req as MedusaRequest)!,
    handler: (req, res, next) => tooManyAttempts(propertyName)(req as MedusaRequest, res, next),
    store: store(spec.name),
    // Our keys never come from req.ip (see clientAddress), so its checks do not apply.
    validate: { ip: false, trustProxy: false, xForwardedForHeader: false, keyGeneratorIpFallback: false },
  }
  return rateLimit(options)
}

export type SignInLimiters = {
  signIn: RateLimitRequestHandler[]
  register: RateLimitRequestHandler[]
  resetPassword: RateLimitRequestHandler[]
}

export function signInLimiters(limits: SignInLimits, store: StoreFactory): SignInLimiters {
  const address = (req: MedusaRequest) => ipKeyGenerator(clientAddress(req, limits.trustProxyHops))
  const email = (req: MedusaRequest) => accountKey((req.body as { email?: unknown } | undefined)?.email)
  const identifier = (req: MedusaRequest) => accountKey((req.body as { identifier?: unknown } | undefined)?.identifier)

  // Sign-in and registration share the failure counters: registering with an existing email and
  // its password succeeds, so registration is a second way to test a password.
  const failuresPerAddress = limiter({ name: "failures-address", limit: limits.failuresPerAddress, key: address, failuresOnly: true }, limits, store)
  const failuresPerAccount = limiter({ name: "failures-account", limit: limits.failuresPerAccount, key: email, failuresOnly: true }, limits, store)
  return {
    signIn: [failuresPerAddress, failuresPerAccount],
    register: [
      limiter({ name: "registrations-address", limit: limits.registrationsPerAddress, key: address, failuresOnly: false }, limits, store),
      failuresPerAddress,
      failuresPerAccount,
    ],
    resetPassword: [
      limiter({ name: "resets-address", limit: limits.resetsPerAddress, key: address, failuresOnly: false }, limits, store),
      limiter({ name: "resets-account", limit: limits.resetsPerAccount, key: identifier, failuresOnly: false }, limits, store),
    ],
  }
}
