import path from "path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

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
// loaded by path because the package's `exports` do not publish it.

export const PUBLISHABLE_KEY_HEADER = "x-publishable-api-key"
const DEFAULT_TTL_MS = 10_000
const MAX_KEYS = 1_000

type Entry = { at: number; sales_channel_ids: string[] }
type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

const file = path.join(path.dirname(require.resolve("@medusajs/framework/http")), "middlewares/ensure-publishable-api-key.js")
const medusaModule = require(file) as { ensurePublishableApiKeyMiddleware: Middleware }

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
      ;(req as any).publishable_key_context = { key: token, sales_channel_ids: found.sales_channel_ids }
      return next()
    }
    if (found) entries.delete(token)
    return medusa(req, res, (err?: unknown) => {
      const context = (req as any).publishable_key_context
      if (!err && context?.key === token) {
        if (entries.size >= MAX_KEYS) entries.clear()
        entries.set(token, { at: now, sales_channel_ids: [...context.sales_channel_ids] })
      }
      next(err as any)
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
