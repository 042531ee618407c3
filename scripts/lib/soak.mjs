// `npm run bench -- --soak` (issue 14, point 6): the Next.js starter's request mix offered to the
// production server at a fixed arrival rate (open loop: a slow server shows as latency, never as
// fewer requests sent) for a fixed time, first on our routes, then the same mix on vanilla
// Medusa's routes, on the same data and the same server process. Reports requests sent and
// completed, errors by status and code, p50/p95/p99 per kind of request, and the server's resident
// memory sampled every 10 s.
//
//   --soak-seconds N        duration of each run (600)
//   --soak-rate R           requests offered per second (100)
//   --soak-vanilla-seconds  duration of the vanilla run (the same as ours; 0 skips it)
//
// Environment: BENCH_SOAK_TIMEOUT_MS (15,000: a request still unanswered then counts as a timeout),
// BENCH_SOAK_MAX_INFLIGHT (2,000: beyond that many unanswered requests, a due request is counted
// as "not sent" instead of piling up without bound), BENCH_SOAK_PRODUCTS (200: distinct products
// the product pages pick from, uniformly), BENCH_SOAK_MIX ("cart=12,handle=16,…": weights per kind),
// BENCH_SOAK_PROFILE_PURCHASES (0: extra one-at-a-time purchases before the probes).
import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import zlib from "node:zlib"
import { execFileSync } from "node:child_process"

// Weights per 100 requests. Browsing dominates, as on a shop: product pages, listings, trace
// pages opened from a package's QR code; about one request in eight is a step of a purchase.
const DEFAULT_MIX = {
  regions: 4,
  store: 8,
  sorted: 4,
  handle: 16,
  detail: 8,
  category: 8,
  collection: 6,
  q: 4,
  cooperatives: 5,
  cooperative: 3,
  trace: 10,
  cart: 12,
}

const KIND_LABELS = {
  regions: "GET /store/regions",
  store: "store page limit=100 (starter fields)",
  sorted: "store page order=created_at",
  handle: "product page ?handle=",
  detail: "GET /store/products/:id",
  category: "category page",
  collection: "collection page",
  q: "search ?q=",
  cooperatives: "GET /store/cooperatives",
  cooperative: "GET /store/cooperatives/:handle",
  trace: "GET /t/:code",
  cart_create: "POST /store/carts",
  line_item: "POST …/line-items (2 cooperatives)",
  cart_update: "POST /store/carts/:id (address, email)",
  shipping_options: "GET /store/shipping-options?cart_id",
  shipping_method: "POST …/shipping-methods",
  cart_get: "GET /store/carts/:id (starter fields)",
  payment_collection: "POST /store/payment-collections",
  payment_session: "POST …/payment-sessions",
  complete: "POST …/complete",
  order_get: "GET /store/orders/:id",
}
const PRODUCT_KINDS = new Set(["store", "sorted", "handle", "detail", "category", "collection", "q"])

// The starter's cart page fields (integration-tests/http/storefront-starter.spec.ts).
const STARTER_CART_FIELDS =
  "*items, *region, *items.product, *items.variant, *items.thumbnail, *items.metadata, +items.total, *promotions, +shipping_methods.name"
// What the starter's server-side fetch (undici) sends, so a compressed answer is measured as sent.
export const STARTER_ACCEPT_ENCODING = "gzip, deflate"
const ADDRESS = {
  first_name: "Lan", last_name: "Trần", address_1: "5 Hùng Vương", address_2: "", company: "", postal_code: "",
  city: "Phường Việt Trì", province: "Phú Thọ", country_code: "vn", phone: "0912000111",
}
const SEARCHES = ["Dầu phộng", "Trà xanh", "Mật ong", "Gạo ST25", "Nấm hương"]

// Medusa's own completion (one order for the whole cart), exposed by the bench server only
// (COOPSTALL_BENCH_VANILLA=1). The one place the vanilla mix names it, so it is easy to repoint.
const vanillaCompletePath = (cartId) => `/store/carts/${cartId}/complete-vanilla`

const SAMPLE_EVERY_MS = 10_000
const CLOCK_TICKS = (() => { try { return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100 } catch { return 100 } })()
const FIRST_MINUTE_MS = 60_000
const TARGET = { errors: 0, p99_ms: 500 }

function argValue(name, fallback) {
  const args = process.argv.slice(2)
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`))
  if (i < 0) return fallback
  const raw = args[i].includes("=") ? args[i].split("=")[1] : args[i + 1]
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got "${raw}"`)
  return value
}

function envNumber(name, fallback) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

function readMix() {
  const mix = { ...DEFAULT_MIX }
  for (const part of (process.env.BENCH_SOAK_MIX ?? "").split(",").filter(Boolean)) {
    const [kind, weight] = part.split("=")
    if (!(kind in mix) || !(Number(weight) >= 0)) throw new Error(`BENCH_SOAK_MIX: unknown kind or weight "${part}" (kinds: ${Object.keys(mix).join(", ")})`)
    mix[kind] = Number(weight)
  }
  return mix
}

/** An arrival schedule: slot i goes to the kind whose share is most behind (smooth weighted round-robin). */
function scheduler(mix) {
  const kinds = Object.entries(mix).filter(([, w]) => w > 0)
  const total = kinds.reduce((s, [, w]) => s + w, 0)
  const current = Object.fromEntries(kinds.map(([k]) => [k, 0]))
  return () => {
    let best = null
    for (const [k, w] of kinds) {
      current[k] += w
      if (best === null || current[k] > current[best]) best = k
    }
    current[best] -= total
    return best
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP: node:http with a keep-alive agent, no connection limit (an open-loop client must never
// queue requests on its side), bodies counted and only parsed where a later step needs them.

function makeClient(base, timeoutMs) {
  const url = new URL(base)
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 })
  function send(method, p, { headers = {}, body, parse = false } = {}) {
    return new Promise((resolve) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
      const req = http.request(
        {
          host: url.hostname, port: url.port, path: p, method, agent,
          headers: { "accept-encoding": STARTER_ACCEPT_ENCODING, ...headers, ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}) },
        },
        (res) => {
          const chunks = []
          const keep = parse || res.statusCode >= 400
          res.on("data", (c) => { if (keep) chunks.push(c) })
          res.on("end", () => {
            clearTimeout(timer)
            let json = null
            if (keep) {
              try {
                const raw = Buffer.concat(chunks)
                json = JSON.parse((res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw).toString())
              } catch {}
            }
            resolve({ status: res.statusCode, json })
          })
          res.on("error", (err) => { clearTimeout(timer); resolve({ status: 0, error: err.code ?? err.message }) })
        }
      )
      const timer = setTimeout(() => req.destroy(Object.assign(new Error("timeout"), { code: "timeout" })), timeoutMs)
      req.on("error", (err) => { clearTimeout(timer); resolve({ status: 0, error: err.code ?? err.message }) })
      if (payload) req.write(payload)
      req.end()
    })
  }
  return { send, close: () => agent.destroy() }
}

// ---------------------------------------------------------------------------------------------
// Memory: the resident set of every process in the server's process group (the server is started
// detached, so its pid is the group id), read from /proc.

export function groupStat(pgid) {
  let rss = 0
  let ticks = 0
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue
    let stat
    try { stat = fs.readFileSync(`/proc/${name}/stat`, "utf8") } catch { continue }
    // Fields after the command name (which may hold spaces): [0] is field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    if (Number(fields[2]) !== pgid) continue
    rss += Number(fields[21]) * 4096
    ticks += Number(fields[11]) + Number(fields[12]) // utime + stime
  }
  // The server's main (JavaScript) thread: time spent running and time spent runnable but waiting
  // for a core (ns), which tells a server starved of CPU by the machine from one waiting on I/O.
  let run_s = 0
  let wait_s = 0
  try {
    const [run, wait] = fs.readFileSync(`/proc/${pgid}/schedstat`, "utf8").split(" ").map(Number)
    run_s = run / 1e9
    wait_s = wait / 1e9
  } catch {}
  return { rss_mb: rss / 2 ** 20, cpu_s: ticks / CLOCK_TICKS, run_s, wait_s }
}

function memorySummary(samples) {
  const after = samples.filter((s) => s.t_ms >= FIRST_MINUTE_MS)
  if (after.length < 3) return { samples: samples.length, verdict: "too short to judge (fewer than 3 samples after the first minute)" }
  const values = after.map((s) => s.rss_mb)
  const min = Math.min(...values)
  const max = Math.max(...values)
  const last = values[values.length - 1]
  const xs = after.map((s) => s.t_ms / 60_000)
  const slope = slopeOf(xs, values)
  const spanMin = xs[xs.length - 1] - xs[0]
  // Told beside the verdict, not part of it: whether the rise went on in the run's second half or
  // was the caches filling early on.
  const half = Math.floor(xs.length / 2)
  const lateSlope = xs.length - half >= 3 ? slopeOf(xs.slice(half), values.slice(half)) : null
  // Flat: the trend over the measured span and the spread of the samples both stay within 5% of
  // the minimum (or 32 MB, a kept-answer cache's worth). Growing: the trend alone exceeds that.
  const allowance = Math.max(32, 0.05 * min)
  const growing = slope * spanMin > allowance
  const flat = !growing && max - min <= allowance
  const word = flat ? "flat" : growing ? "GROWING" : `NOT FLAT (swings of ${(max - min).toFixed(0)} MB without an upward trend)`
  return {
    samples: samples.length,
    after_first_minute: { min_mb: min, max_mb: max, last_mb: last, slope_mb_per_min: slope, second_half_slope_mb_per_min: lateSlope },
    flat,
    growing,
    verdict:
      `${word} (after the first minute: min ${min.toFixed(0)} MB, max ${max.toFixed(0)} MB, last ${last.toFixed(0)} MB, trend ${signed(slope)} MB/min` +
      `${lateSlope === null ? "" : `; in its second half ${signed(lateSlope)} MB/min`})`,
  }
}

const signed = (x) => `${x >= 0 ? "+" : ""}${x.toFixed(1)}`

/** Least-squares slope of ys over xs (MB per minute for the memory samples). */
function slopeOf(xs, ys) {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  return xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0)
}

// ---------------------------------------------------------------------------------------------
// Statistics

function percentile(sorted, q) {
  if (!sorted.length) return undefined
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

function latencyStats(values) {
  const sorted = Float64Array.from(values).sort()
  return { n: sorted.length, p50_ms: percentile(sorted, 0.5), p95_ms: percentile(sorted, 0.95), p99_ms: percentile(sorted, 0.99), max_ms: sorted[sorted.length - 1] }
}

// ---------------------------------------------------------------------------------------------
// The request mix

async function preparePools(send, headers, seed, poolSize) {
  const get = async (p) => {
    const r = await send("GET", p, { headers, parse: true })
    if (r.status !== 200) throw new Error(`soak: GET ${p} answered ${r.status || r.error}`)
    return r.json
  }
  const products = []
  for (let offset = 0; products.length < poolSize; offset += 100) {
    const page = await get(`/store/products?limit=100&offset=${offset}&fields=id,handle&order=created_at`)
    products.push(...page.products)
    if (page.products.length < 100) break
  }
  const { product_categories } = await get("/store/product-categories?limit=50&fields=id")
  const { collections } = await get("/store/collections?limit=50&fields=id")
  const cooperatives = Array.from({ length: Math.min(50, seed.cooperatives) }, (_, i) => `bench-htx-${i + 1}`)
  const variants = seed.checkout_variant_ids ?? []
  if (variants.length < 2) throw new Error("soak: the seed made fewer than two checkout cooperatives")
  if (!(seed.trace_codes ?? []).length) throw new Error("soak: the seed made no trace lots")
  return { products: products.slice(0, poolSize), categories: product_categories, collections, cooperatives, variants, traceCodes: seed.trace_codes }
}

/** The GET for one browsing slot: [path, extra headers]. */
function browsingRequest(kind, pools, seed, starterFields, rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)]
  const fields = `fields=${encodeURIComponent(starterFields)}`
  const list = (extra) => `/store/products?${extra}&region_id=${seed.region_id}&${fields}`
  switch (kind) {
    case "regions": return "/store/regions"
    // The starter's store page always fetches the first 100 and pages them itself.
    case "store": return list("limit=100&offset=0")
    case "sorted": return list(`limit=12&offset=${12 * Math.floor(rnd() * 3)}&order=created_at`)
    case "handle": return list(`handle=${pick(pools.products).handle}`)
    case "detail": return `/store/products/${pick(pools.products).id}?region_id=${seed.region_id}&${fields}`
    case "category": return list(`category_id=${pick(pools.categories).id}&limit=12&offset=${12 * Math.floor(rnd() * 2)}`)
    case "collection": return list(`collection_id=${pick(pools.collections).id}&limit=12&offset=${12 * Math.floor(rnd() * 2)}`)
    case "q": return list(`q=${encodeURIComponent(pick(SEARCHES))}&limit=12`)
    case "cooperatives": return "/store/cooperatives"
    case "cooperative": return `/store/cooperatives/${pick(pools.cooperatives)}`
    case "trace": return `/t/${pick(pools.traceCodes)}`
  }
  throw new Error(`unknown kind ${kind}`)
}

/**
 * A purchase, one step per cart slot, as the starter makes it: cart, a line from each of two
 * cooperatives, address and email, the shipping options, one shipping method, the cart read back,
 * payment collection and session, completion, the order read back. The vanilla flow differs where
 * vanilla Medusa must: one method per cooperative (its options, as listed inside the union choice),
 * and Medusa's own completion into one order.
 */
function cartSteps(vanilla) {
  const steps = [
    { kind: "cart_create", req: (c, ctx) => ["POST", "/store/carts", { region_id: ctx.seed.region_id }],
      done: (c, json) => { c.id = json?.cart?.id; return !!c.id } },
    { kind: "line_item", req: (c) => ["POST", `/store/carts/${c.id}/line-items`, { variant_id: c.variants[0], quantity: 1 }] },
    { kind: "line_item", req: (c) => ["POST", `/store/carts/${c.id}/line-items`, { variant_id: c.variants[1], quantity: 1 }] },
    { kind: "cart_update", req: (c) => ["POST", `/store/carts/${c.id}`, { shipping_address: ADDRESS, billing_address: ADDRESS, email: `soak-${c.n}@example.vn` }] },
    { kind: "shipping_options", req: (c) => ["GET", `/store/shipping-options?cart_id=${c.id}`],
      done: (c, json) => {
        const option = (json?.shipping_options ?? []).find((o) => !o.insufficient_inventory)
        if (!option) return false
        c.methods = vanilla ? (option.data?.shipping_options ?? []).map((p) => p.id) : [option.id]
        return c.methods.length > 0
      } },
    // Repeated for each of the vanilla flow's methods (see `repeat`).
    { kind: "shipping_method", repeat: (c) => c.methods.length,
      req: (c, ctx, i) => ["POST", `/store/carts/${c.id}/shipping-methods`, { option_id: c.methods[i] }] },
    { kind: "cart_get", req: (c) => ["GET", `/store/carts/${c.id}?fields=${encodeURIComponent(STARTER_CART_FIELDS)}`] },
    { kind: "payment_collection", req: (c) => ["POST", "/store/payment-collections", { cart_id: c.id }],
      done: (c, json) => { c.pc = json?.payment_collection?.id; return !!c.pc } },
    { kind: "payment_session", req: (c) => ["POST", `/store/payment-collections/${c.pc}/payment-sessions`, { provider_id: "pp_system_default" }] },
    { kind: "complete", req: (c) => ["POST", vanilla ? vanillaCompletePath(c.id) : `/store/carts/${c.id}/complete`],
      done: (c, json) => { c.order = json?.type === "order" ? json.order?.id : undefined; return !!c.order } },
    { kind: "order_get", req: (c) => ["GET", `/store/orders/${c.order}`] },
  ]
  return steps
}

function errorKey(r) {
  if (r.error) return r.error
  const code = r.json?.code ?? r.json?.type
  return `HTTP ${r.status}${code ? ` ${code}` : ""}`
}

/** One run of the mix: returns its measurements. */
async function soakRun({ label, base, headers, productHeaders, seed, pools, starterFields, vanilla, seconds, rate, serverPid, mix, timeoutMs, maxInflight }) {
  const { send, close } = makeClient(base, timeoutMs)
  const nextKind = scheduler(mix)
  const steps = cartSteps(vanilla)
  let seedState = 7
  const rnd = () => { seedState = (seedState * 1103515245 + 12345) % 2 ** 31; return seedState / 2 ** 31 }
  const latencies = {} // kind -> number[] (ms, from the slot's due time)
  const steadyLatencies = [] // every request due after the first minute
  const errors = {} // "kind: key" -> count
  const counts = { sent: 0, completed: 0, ok: 0, not_sent: 0, carts_started: 0, carts_completed: 0, carts_abandoned: 0 }
  let inflight = 0
  let cartN = 0
  const ready = [] // carts whose last step succeeded, oldest first
  const samples = []
  const loads = []

  const errorMessages = {}
  let steadyErrors = 0
  const record = (kind, dueAt, r, startedAt) => {
    const ms = performance.now() - dueAt
    const afterFirstMinute = dueAt - startedAt >= FIRST_MINUTE_MS
    if (r.status) counts.completed++
    ;(latencies[kind] ??= []).push(ms)
    if (afterFirstMinute) steadyLatencies.push(ms)
    const good = r.status >= 200 && r.status < 300
    if (good) counts.ok++
    else {
      const key = `${kind}: ${errorKey(r)}`
      errors[key] = (errors[key] ?? 0) + 1
      // The first message of each kind of error says more than its code.
      if (typeof r.json?.message === "string") errorMessages[key] ??= r.json.message.slice(0, 200)
      if (afterFirstMinute) steadyErrors++
    }
    return good
  }

  const fire = (kind, dueAt, startedAt) => {
    if (inflight >= maxInflight) {
      counts.not_sent++
      errors[`${kind}: not sent (client limit of ${maxInflight} unanswered requests)`] = (errors[`${kind}: not sent (client limit of ${maxInflight} unanswered requests)`] ?? 0) + 1
      return
    }
    counts.sent++
    inflight++
    if (kind !== "cart") {
      const p = browsingRequest(kind, pools, seed, starterFields, rnd)
      send("GET", p, { headers: PRODUCT_KINDS.has(kind) ? productHeaders : headers }).then((r) => {
        inflight--
        record(kind, dueAt, r, startedAt)
      })
      return
    }
    let cart = ready.shift()
    if (!cart) {
      cartN++
      const pair = [[0, 1], [1, 2], [0, 2]][cartN % 3].map((i) => pools.variants[i % pools.variants.length])
      cart = { n: cartN, step: 0, rep: 0, variants: pair }
      counts.carts_started++
    }
    const step = steps[cart.step]
    const [method, p, body] = step.req(cart, { seed }, cart.rep)
    send(method, p, { headers, body, parse: !!step.done }).then((r) => {
      inflight--
      const good = record(step.kind, dueAt, r, startedAt) && (!step.done || step.done(cart, r.json))
      if (!good) {
        counts.carts_abandoned++
        if (r.status >= 200 && r.status < 300) errors[`${step.kind}: unexpected answer`] = (errors[`${step.kind}: unexpected answer`] ?? 0) + 1
        return
      }
      if (step.repeat && ++cart.rep < step.repeat(cart)) return ready.push(cart)
      cart.rep = 0
      cart.step++
      if (cart.step < steps.length) ready.push(cart)
      else counts.carts_completed++
    })
  }

  console.log(`soak: ${label}: ${rate} requests/s for ${seconds} s (open loop)`)
  const startedAt = performance.now()
  const endAt = startedAt + seconds * 1000
  const intervalMs = 1000 / rate
  let i = 0
  const sample = () => {
    const m = groupStat(serverPid)
    samples.push({ t_ms: Math.round(performance.now() - startedAt), rss_mb: m.rss_mb, cpu_s: m.cpu_s, run_s: m.run_s, wait_s: m.wait_s, inflight })
    loads.push(os.loadavg()[0])
  }
  sample()
  const sampler = setInterval(() => {
    sample()
    const s = samples[samples.length - 1]
    process.stdout.write(`soak: ${label}: ${Math.round(s.t_ms / 1000)} s, ${counts.sent} sent, ${counts.completed} answered, ${Object.values(errors).reduce((a, b) => a + b, 0)} errors, ${inflight} waiting, server RSS ${s.rss_mb.toFixed(0)} MB, load ${os.loadavg()[0].toFixed(1)}\n`)
  }, SAMPLE_EVERY_MS)
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now()
      while (startedAt + i * intervalMs <= Math.min(now, endAt)) {
        const due = startedAt + i * intervalMs
        i++
        if (due >= endAt) break
        fire(nextKind(), due, startedAt)
      }
      if (now >= endAt) return resolve()
      setTimeout(tick, Math.max(1, Math.min(10, startedAt + i * intervalMs - now)))
    }
    tick()
  })
  // Requests still unanswered get their time limit to finish, then count as timeouts.
  const drainUntil = performance.now() + timeoutMs + 1000
  while (inflight > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 100))
  clearInterval(sampler)
  sample()
  close()

  const perKind = Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, latencyStats(v)]))
  const all = latencyStats(Object.values(latencies).flat())
  const steady = latencyStats(steadyLatencies)
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0)
  const [first, last] = [samples[0], samples[samples.length - 1]]
  return {
    server_cpu_cores: (last.cpu_s - first.cpu_s) / ((last.t_ms - first.t_ms) / 1000),
    // Share of the run the server's main thread ran, and spent runnable waiting for a core.
    main_thread: { running: (last.run_s - first.run_s) / ((last.t_ms - first.t_ms) / 1000), waiting_for_cpu: (last.wait_s - first.wait_s) / ((last.t_ms - first.t_ms) / 1000) },
    label, vanilla, seconds, rate, timeout_ms: timeoutMs, offered: counts.sent + counts.not_sent, ...counts, errors: errorCount, errors_by_kind: errors,
    error_messages: errorMessages, per_kind: perKind, all, after_first_minute: { ...steady, errors: steadyErrors },
    memory: memorySummary(samples), memory_samples: samples,
    load_average: { min: Math.min(...loads), max: Math.max(...loads), mean: loads.reduce((a, b) => a + b, 0) / loads.length },
  }
}

function printRun(run) {
  const fmt = (v) => (v === undefined ? "—" : v >= 100 ? v.toFixed(0) : v.toFixed(1))
  console.log("")
  console.log(`soak — ${run.label}: ${run.rate} req/s offered for ${run.seconds} s; latency from each request's due time, ms`)
  console.log(`requests: ${run.offered} due, ${run.sent} sent, ${run.completed} answered (${run.ok} 2xx), ${run.errors} errors (incl. ${run.not_sent} not sent, timeouts after ${run.timeout_ms / 1000} s); ` +
    `purchases: ${run.carts_started} started, ${run.carts_completed} completed, ${run.carts_abandoned} abandoned on an error`)
  const rows = Object.keys(KIND_LABELS).filter((k) => run.per_kind[k]).map((k) => {
    const s = run.per_kind[k]
    // Timed-out requests are in the percentiles at the time limit.
    const errs = Object.entries(run.errors_by_kind).filter(([key]) => key.startsWith(`${k}:`)).reduce((a, [, n]) => a + n, 0)
    return [KIND_LABELS[k], String(s.n), fmt(s.p50_ms), fmt(s.p95_ms), fmt(s.p99_ms), fmt(s.max_ms), String(errs)]
  })
  rows.push(["all requests", String(run.all.n), fmt(run.all.p50_ms), fmt(run.all.p95_ms), fmt(run.all.p99_ms), fmt(run.all.max_ms), String(run.errors)])
  rows.push(["all, due after the first minute", String(run.after_first_minute.n), fmt(run.after_first_minute.p50_ms), fmt(run.after_first_minute.p95_ms), fmt(run.after_first_minute.p99_ms), fmt(run.after_first_minute.max_ms), String(run.after_first_minute.errors)])
  table(["kind", "requests", "p50", "p95", "p99", "max", "errors"], rows)
  if (run.errors) {
    console.log("errors by kind and status/code:")
    for (const [key, n] of Object.entries(run.errors_by_kind).sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${key}${run.error_messages?.[key] ? `: "${run.error_messages[key]}"` : ""}`)
  }
  console.log(`server resident memory, every ${SAMPLE_EVERY_MS / 1000} s: ${run.memory.verdict}`)
  console.log(`  series (MB): ${run.memory_samples.map((s) => s.rss_mb.toFixed(0)).join(" ")}`)
  console.log(`load average (1 min) during the run: ${run.load_average.min.toFixed(1)}–${run.load_average.max.toFixed(1)}; the server used ${run.server_cpu_cores.toFixed(2)} cores on average (of ${os.cpus().length}); ` +
    `its main thread ran ${(run.main_thread.running * 100).toFixed(0)}% of the time and waited for a core ${(run.main_thread.waiting_for_cpu * 100).toFixed(0)}%`)
}

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd()
  console.log(line(head))
  console.log(widths.map((w) => "─".repeat(w)).join("  "))
  for (const row of rows) console.log(line(row))
}

function printComparison(ours, vanilla) {
  const fmt = (v) => (v === undefined ? "—" : v >= 100 ? v.toFixed(0) : v.toFixed(1))
  const ratio = (a, b) => (a === undefined || b === undefined || !b ? "—" : `${(a / b).toFixed(2)}×`)
  const errs = (run, k) => Object.entries(run.errors_by_kind).filter(([key]) => key.startsWith(`${k}:`)).reduce((a, [, n]) => a + n, 0)
  const kinds = Object.keys(KIND_LABELS).filter((k) => ours.per_kind[k] || vanilla.per_kind[k])
  const rows = kinds.map((k) => {
    const o = ours.per_kind[k] ?? {}
    const v = vanilla.per_kind[k] ?? {}
    return [KIND_LABELS[k] + (PRODUCT_KINDS.has(k) || k === "shipping_method" || k === "complete" ? "" : " *"), fmt(o.p50_ms), fmt(o.p99_ms), String(errs(ours, k)), fmt(v.p50_ms), fmt(v.p99_ms), String(errs(vanilla, k)), ratio(o.p50_ms, v.p50_ms), ratio(o.p99_ms, v.p99_ms)]
  })
  rows.push(["all requests", fmt(ours.all.p50_ms), fmt(ours.all.p99_ms), String(ours.errors), fmt(vanilla.all.p50_ms), fmt(vanilla.all.p99_ms), String(vanilla.errors), ratio(ours.all.p50_ms, vanilla.all.p50_ms), ratio(ours.all.p99_ms, vanilla.all.p99_ms)])
  console.log("")
  console.log(`soak — ours beside vanilla Medusa, the same mix at ${ours.rate} req/s (ours ${ours.seconds} s, vanilla ${vanilla.seconds} s); ratios are ours / vanilla, below 1× is faster`)
  console.log("vanilla: product routes take Medusa's own route (the same request with a cookie, never kept), one shipping method per cooperative, Medusa's completion into one order;")
  console.log("* the same route in both mixes (no vanilla twin, or Medusa's route with our middlewares on top)")
  table(["kind", "ours p50", "p99", "errors", "vanilla p50", "p99", "errors", "p50 ratio", "p99 ratio"], rows)
  console.log(`2xx answers per second: ours ${(ours.ok / ours.seconds).toFixed(1)}, vanilla ${(vanilla.ok / vanilla.seconds).toFixed(1)} of ${ours.rate} offered; ` +
    `purchases completed: ours ${ours.carts_completed}, vanilla ${vanilla.carts_completed}`)
  console.log(`server memory: ours ${ours.memory.verdict}; vanilla (same process, after ours) ${vanilla.memory.verdict}`)
}

/**
 * One purchase of each flow, one request at a time, before the clock starts: proves the flow works
 * on this data (a soak of failing carts would measure nothing) and shows each step's cost alone.
 */
async function verifyPurchase(base, headers, seed, pools, vanilla, serverPid) {
  const { send, close } = makeClient(base, 120_000)
  let cpu = 0
  const cart = { n: 0, step: 0, rep: 0, variants: pools.variants.slice(0, 2) }
  const times = []
  try {
    for (const step of cartSteps(vanilla)) {
      const reps = step.repeat ? step.repeat(cart) : 1
      for (let i = 0; i < reps; i++) {
        const [method, p, body] = step.req(cart, { seed }, i)
        const t = performance.now()
        const c = groupStat(serverPid).cpu_s
        const r = await send(method, p, { headers, body, parse: true })
        const used = groupStat(serverPid).cpu_s - c
        cpu += used
        times.push(`${step.kind} ${Math.round(performance.now() - t)} (cpu ${Math.round(used * 1000)})`)
        if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${p.split("?")[0]}: ${errorKey(r)} ${JSON.stringify(r.json)?.slice(0, 200) ?? ""}`)
        if (step.done && !step.done(cart, r.json)) throw new Error(`${method} ${p.split("?")[0]}: unexpected answer ${JSON.stringify(r.json).slice(0, 300)}`)
      }
    }
  } finally {
    close()
  }
  console.log(`soak: one ${vanilla ? "vanilla" : "starter"} purchase, one request at a time, wall (server CPU) ms: ${times.join(", ")}; server CPU ${Math.round(cpu * 1000)} ms in all`)
  return { cpu_s: cpu, requests: times.length, steps: times }
}

/**
 * Each browsing kind asked twice in a row, one request at a time: the first answer (a kept answer
 * may have to be computed) and the second (kept), in wall time and the server's CPU time. With the
 * purchase's CPU this estimates what the mix costs per second, whatever else the machine runs.
 */
async function probeBrowsing(base, headers, productHeaders, seed, pools, starterFields, serverPid, mix) {
  const { send, close } = makeClient(base, 120_000)
  let state = 11
  const rnd = () => { state = (state * 1103515245 + 12345) % 2 ** 31; return state / 2 ** 31 }
  const out = {}
  try {
    for (const kind of Object.keys(mix).filter((k) => k !== "cart" && mix[k] > 0)) {
      const p = browsingRequest(kind, pools, seed, starterFields, rnd)
      const h = PRODUCT_KINDS.has(kind) ? productHeaders : headers
      const one = async () => {
        const t = performance.now()
        const c = groupStat(serverPid).cpu_s
        const r = await send("GET", p, { headers: h })
        return { status: r.status || r.error, ms: performance.now() - t, cpu_ms: (groupStat(serverPid).cpu_s - c) * 1000 }
      }
      out[kind] = { first: await one(), again: await one() }
    }
  } finally {
    close()
  }
  return out
}

/** Prints the one-at-a-time costs and the CPU the mix would need at `rate` (kept answers for ours). */
function printProbe(probe, vanillaProbe, purchase, vanillaPurchase, mix, rate) {
  const fmt = (v) => (v === undefined ? "—" : v.toFixed(0))
  const rows = Object.keys(probe).map((k) => {
    const o = probe[k]
    const v = vanillaProbe?.[k]
    return [KIND_LABELS[k], `${fmt(o.first.ms)} (${fmt(o.first.cpu_ms)})`, `${fmt(o.again.ms)} (${fmt(o.again.cpu_ms)})`, v ? `${fmt(v.again.ms)} (${fmt(v.again.cpu_ms)})` : "—"]
  })
  console.log("")
  console.log("soak: each kind alone, one request at a time: wall ms (server CPU ms)")
  table(["kind", "ours, first", "ours, again", "vanilla"], rows)
  const total = Object.values(mix).reduce((a, b) => a + b, 0)
  const carts = (buy) => ((mix.cart ?? 0) / total) * rate * (buy.cpu_s / buy.requests)
  const need = (kinds, buy) => {
    let cpu = carts(buy)
    for (const [k, w] of Object.entries(mix)) if (k !== "cart") cpu += (w / total) * rate * (kinds[k].again.cpu_ms / 1000)
    return cpu
  }
  const estimate = {
    ours_cores: need(probe, purchase),
    ours_purchase_cores: carts(purchase),
    vanilla_cores: vanillaProbe && vanillaPurchase ? need(vanillaProbe, vanillaPurchase) : undefined,
  }
  console.log(`soak: estimated server CPU for the mix at ${rate} req/s: ours ${estimate.ours_cores.toFixed(2)} cores with kept answers ` +
    `(purchase steps ${estimate.ours_purchase_cores.toFixed(2)} of them)` +
    (estimate.vanilla_cores !== undefined ? `, vanilla ${estimate.vanilla_cores.toFixed(2)} cores` : "") + ` — this machine has ${os.cpus().length}, shared`)
  return { probe, vanilla_probe: vanillaProbe, purchase, vanilla_purchase: vanillaPurchase, ...estimate }
}

const uptime = () => { try { return execFileSync("uptime", { encoding: "utf8" }).trim() } catch { return `load ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}` } }

/**
 * Runs the soak against a started server. `headers` carry the publishable key; `vanillaHeaders`
 * make a product request take Medusa's own route. Returns the exit code.
 */
export async function runSoak({ base, headers, vanillaHeaders, seed, serverPid, starterFields, benchDir, config }) {
  const seconds = argValue("--soak-seconds", 600)
  const rate = argValue("--soak-rate", 100)
  const vanillaSeconds = argValue("--soak-vanilla-seconds", seconds)
  const timeoutMs = envNumber("BENCH_SOAK_TIMEOUT_MS", 15_000)
  const maxInflight = envNumber("BENCH_SOAK_MAX_INFLIGHT", 2000)
  const poolSize = envNumber("BENCH_SOAK_PRODUCTS", 200)
  const mix = readMix()
  if (!(seconds > 0 && rate > 0)) throw new Error("--soak-seconds and --soak-rate must be positive")

  const { send, close } = makeClient(base, 600_000)
  const pools = await preparePools(send, headers, seed, poolSize)
  close()
  console.log(`soak: ${pools.products.length} products, ${pools.categories.length} categories, ${pools.collections.length} collections, ` +
    `${pools.cooperatives.length} cooperatives, ${pools.traceCodes.length} trace lots; mix per 100 requests: ` +
    Object.entries(mix).map(([k, w]) => `${k} ${w}`).join(", "))
  // BENCH_SOAK_PROFILE_PURCHASES: more one-at-a-time purchases first (for a CPU profile of the server).
  for (let n = envNumber("BENCH_SOAK_PROFILE_PURCHASES", 0); n > 0; n--) await verifyPurchase(base, headers, seed, pools, false, serverPid)
  const purchase = await verifyPurchase(base, headers, seed, pools, false, serverPid)
  const vanillaPurchase = vanillaSeconds > 0 ? await verifyPurchase(base, headers, seed, pools, true, serverPid) : null
  const probe = await probeBrowsing(base, headers, headers, seed, pools, starterFields, serverPid, mix)
  const vanillaProbe = vanillaSeconds > 0 ? await probeBrowsing(base, headers, { ...headers, ...vanillaHeaders }, seed, pools, starterFields, serverPid, mix) : null
  const estimate = printProbe(probe, vanillaProbe, purchase, vanillaPurchase, mix, rate)
  const machineBefore = uptime()
  console.log(`soak: ${machineBefore}`)

  const common = { base, headers, seed, pools, starterFields, serverPid, mix, timeoutMs, maxInflight, rate }
  const ours = await soakRun({ ...common, label: "ours", productHeaders: headers, vanilla: false, seconds })
  printRun(ours)
  const machineAfterOurs = uptime()
  console.log(`soak: ${machineAfterOurs}`)

  let vanilla = null
  if (vanillaSeconds > 0) {
    // Let the server finish what ours left behind before vanilla's clock starts.
    await new Promise((r) => setTimeout(r, 5000))
    vanilla = await soakRun({ ...common, label: "vanilla", productHeaders: { ...headers, ...vanillaHeaders }, vanilla: true, seconds: vanillaSeconds })
    printRun(vanilla)
    console.log(`soak: ${uptime()}`)
    printComparison(ours, vanilla)
  }

  const met = {
    errors: ours.errors <= TARGET.errors,
    p99: ours.all.p99_ms !== undefined && ours.all.p99_ms <= TARGET.p99_ms,
    memory: ours.memory.flat === true,
  }
  console.log("")
  console.log(`soak target (ours): 0 errors ${met.errors ? "met" : `MISSED (${ours.errors})`}; ` +
    `p99 ≤ ${TARGET.p99_ms} ms ${met.p99 ? "met" : `MISSED (${ours.all.p99_ms?.toFixed(0)} ms)`}; ` +
    `memory flat after the first minute ${met.memory ? "met" : ours.memory.flat === false ? "MISSED" : "not judged (run too short)"}`)

  const out = path.join(benchDir, "soak.json")
  fs.writeFileSync(out, JSON.stringify({
    generated_at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version, uptime_before: machineBefore, uptime_after_ours: machineAfterOurs },
    config: { seconds, vanilla_seconds: vanillaSeconds, rate, timeout_ms: timeoutMs, max_inflight: maxInflight, product_pool: pools.products.length, mix, products: seed.products, cooperatives: seed.cooperatives, bench: config },
    target: TARGET,
    met,
    one_at_a_time: estimate,
    ours,
    vanilla,
  }, null, 2))
  console.log(`soak: results written to ${out}`)
  return ours.errors ? 2 : 0
}
