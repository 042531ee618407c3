import type { MedusaNextFunction, MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { expectFunction, expectMentions, loadPackageFile, packageFileText, probe } from "./shape"

// Every /store request passes Medusa's ensurePublishableApiKeyMiddleware, which resolves the
// `x-publishable-api-key` header to its sales channels with a query.graph over the api-key module
// and its sales-channel link: two SQL statements and a few milliseconds of remote-joiner work per
// request, the largest single cost of a storefront search. Medusa caches that lookup only through
// its Caching module, behind the WIP `caching` feature flag, which we switch on only with Redis
// (and which would also cache Medusa's own product listings). Without it, this keeps the answer of
// a successful lookup in memory for PUBLISHABLE_KEY_CACHE_MS (default 10 s):
//
// - a revoked or deleted key, or a change to the key's sales channels, takes effect within that
//   time (at once with PUBLISHABLE_KEY_CACHE_MS=0, which turns the cache off);
// - an unknown or revoked key is never cached: it is looked up again, and refused, every time;
// - the first request for a key, and every request once its entry is older than the TTL, goes
//   through Medusa's own middleware unchanged, so the checks and error messages stay Medusa's.
//
// The router reads the middleware from its module when it mounts /store, after loading
// src/api/middlewares.ts, which installs this wrapper (installPublishableKeyCache). The file is
// loaded by path because the package's `exports` do not publish it; checkPublishableKeyCache says
// at start-up whether the router still reads the middleware from that module, and under that name.

export const PUBLISHABLE_KEY_HEADER = "x-publishable-api-key"
const DEFAULT_TTL_MS = 10_000
const MAX_KEYS = 1_000

type Entry = { at: number; sales_channel_ids: string[] }
type Middleware = (req: MedusaStoreRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

const PACKAGE = "@medusajs/framework"
const MIDDLEWARE_FILE = "dist/http/middlewares/ensure-publishable-api-key.js"
/** The router that mounts the middleware on /store, reading it off the module above at mount time. */
const ROUTER_FILE = "dist/http/router.js"

// A missing file leaves an empty object: the start-up check (checkPublishableKeyCache) refuses to
// start before src/api/middlewares.ts installs anything.
const medusaModule = (loadPackageFile(PACKAGE, MIDDLEWARE_FILE).module ?? {}) as { ensurePublishableApiKeyMiddleware: Middleware }

const entries = new Map<string, Entry>()
let original: Middleware | null = null

export function publishableKeyCacheTtlMs(): number {
  const raw = process.env.PUBLISHABLE_KEY_CACHE_MS
  const value = raw === undefined || raw === "" ? DEFAULT_TTL_MS : Number(raw)
  return Number.isFinite(value) && value > 0 ? value : 0
}

/** Forgets every cached key (tests; an operator who revoked a key and cannot wait). */
export function clearPublishableKeyCache() {
  entries.clear()
}

function cachedPublishableKey(medusa: Middleware): Middleware {
  return function cachedPublishableApiKeyMiddleware(req, res, next) {
    const ttl = publishableKeyCacheTtlMs()
    const token = req.get(PUBLISHABLE_KEY_HEADER)
    if (!ttl || !token) return medusa(req, res, next)
    const now = Date.now()
    const found = entries.get(token)
    if (found && now - found.at < ttl) {
      req.publishable_key_context = { key: token, sales_channel_ids: found.sales_channel_ids }
      return next()
    }
    if (found) entries.delete(token)
    return medusa(req, res, (err?: unknown) => {
      const context = req.publishable_key_context as MedusaStoreRequest["publishable_key_context"] | undefined
      if (!err && context?.key === token) {
        if (entries.size >= MAX_KEYS) entries.clear()
        entries.set(token, { at: now, sales_channel_ids: [...context.sales_channel_ids] })
      }
      next(err)
    })
  }
}

/** Puts the cache in front of Medusa's middleware; must run before the API loader mounts /store. */
export function installPublishableKeyCache() {
  if (original) return
  original = medusaModule.ensurePublishableApiKeyMiddleware
  medusaModule.ensurePublishableApiKeyMiddleware = cachedPublishableKey(original)
}

/** Whether the middleware the router mounts is ours (a test guards against Medusa upgrades). */
export function publishableKeyCacheInstalled() {
  return medusaModule.ensurePublishableApiKeyMiddleware.name === "cachedPublishableApiKeyMiddleware"
}

/**
 * The shapes the cache relies on: the module exports the middleware as a replaceable property with
 * Medusa's (req, res, next) signature, it sets `publishable_key_context`, and the router reads it
 * off that module (not a copy taken at load time), so the replacement is what /store mounts.
 */
export function checkPublishableKeyCache(): string[] {
  return probe(() => {
    const problems: string[] = []
    const m = loadPackageFile(PACKAGE, MIDDLEWARE_FILE)
    if (!m.module) return [m.problem!]
    problems.push(...expectFunction(m.module, "ensurePublishableApiKeyMiddleware", 3, MIDDLEWARE_FILE))
    const property = Object.getOwnPropertyDescriptor(m.module, "ensurePublishableApiKeyMiddleware")
    if (property && !property.writable && !property.set) problems.push(`${MIDDLEWARE_FILE}: ensurePublishableApiKeyMiddleware can no longer be replaced`)
    // Before installation the property is Medusa's own function; after, ours wraps it.
    const medusa = original ?? m.module.ensurePublishableApiKeyMiddleware
    problems.push(...expectMentions(medusa, ["publishable_key_context", "sales_channel_ids"], `${MIDDLEWARE_FILE}: ensurePublishableApiKeyMiddleware`))
    // Compiled CommonJS reads `<module>.ensurePublishableApiKeyMiddleware` where it mounts /store;
    // a destructured import or a bundled copy would keep Medusa's function and bypass the cache.
    const router = packageFileText(PACKAGE, ROUTER_FILE)
    if (router.problem) problems.push(router.problem)
    else if (!/ensure_publishable_api_key_\d+\.ensurePublishableApiKeyMiddleware/.test(router.text!)) {
      problems.push(`${ROUTER_FILE} no longer reads ensurePublishableApiKeyMiddleware off its module when it mounts /store`)
    }
    return problems
  })
}
