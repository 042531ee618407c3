// `npm run bench`: seeds a marketplace catalog into a fresh database, builds and starts the
// production server, and measures the cooperative-aware store routes with autocannon beside the
// vanilla Medusa routes on the same data.
//
//   npm run bench                      5,000 products over 300 cooperatives, 10 s per route
//   npm run bench -- --quick           300 products over 20 cooperatives, 3 s per route (smoke run)
//   npm run bench -- --skip-build      reuse an existing .medusa/server build
//   npm run bench -- --listing         the Next.js starter's product queries (store page, product page by
//                                      handle and by id, category, collection, order=created_at, q), 20,000
//                                      products over 1,000 cooperatives, each beside Medusa's own route
//                                      (the same request as a signed-in shopper's, which is never kept);
//                                      vanilla is measured over a fixed number of requests, however long;
//                                      then the first answers after a price change, and Medusa's Index module
//                                      (a second server with MEDUSA_FF_INDEX_ENGINE=true, after its sync)
//   npm run bench -- --soak            the starter's request mix at a fixed arrival rate (100 req/s, 10 min;
//                                      --soak-seconds N, --soak-rate R), ours then vanilla, with the server's
//                                      memory every 10 s (scripts/lib/soak.mjs); 5,000 products over 300 cooperatives
//   npm run bench -- --reuse-db        with DATABASE_URL: a database a previous run migrated and seeded
//                                      (BENCH_SEED_JSON names its seed result, default .data/bench/seed.json)
//   npm run bench -- --search          storefront search: 20,000 products over 1,000 cooperatives,
//                                      full index rebuild timed, POST /store/search (browse, filter,
//                                      sort, five queries, facets) beside GET /store/products(?q=)
//
// Environment: BENCH_CLUSTER (N server processes, Medusa's cluster mode; needs REDIS_URL), BENCH_SERVER_NODE_ARGS (flags for the server's node), BENCH_VANILLA_REQUESTS (--listing: 2 per connection), BENCH_LISTING_PATHS (10),
// BENCH_INDEX_REQUESTS (--listing: 5 per connection for the Index module), BENCH_INDEX=0 (--listing: skip the Index module), BENCH_PRODUCTS, BENCH_COOPERATIVES, BENCH_DURATION (s), BENCH_WARMUP (s),
// BENCH_CONNECTIONS, BENCH_ROUNDS (3; 1 with --quick), BENCH_CHECKOUTS (20; 6 with --quick), BENCH_PORT (9100), BENCH_PG_PORT (54349), BENCH_LOG_LEVEL (info),
// BENCH_LOTS (300 published lots: 50 measured under load, the rest for the first-hit measurement),
// DATABASE_URL (use that database as is instead of the embedded one; it must not hold a bench catalog).
// Results: a table on stdout and .data/bench/results.json. Logs: .data/bench/*.log.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"
import pg from "pg"
import { portInUse, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"
import { prepareBenchApp } from "../bench/app.mjs"
import { groupStat, runSoak, STARTER_ACCEPT_ENCODING } from "./lib/soak.mjs"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const BENCH_DIR = path.join(ROOT, ".data/bench")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")
const SERVER_DIR = path.join(ROOT, ".medusa/server")
const DB_NAME = "coopstall_bench"

const argv = new Set(process.argv.slice(2))
const quick = argv.has("--quick")
const skipBuild = argv.has("--skip-build")
const searchMode = argv.has("--search")
const listingMode = argv.has("--listing")
const reuseDb = argv.has("--reuse-db")
const soakMode = argv.has("--soak")

function intEnv(name, fallback) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

const config = {
  products: intEnv("BENCH_PRODUCTS", quick ? 300 : searchMode || listingMode ? 20000 : 5000),
  cooperatives: intEnv("BENCH_COOPERATIVES", quick ? 20 : searchMode || listingMode ? 1000 : 300),
  duration: intEnv("BENCH_DURATION", quick ? 3 : 10),
  warmup: intEnv("BENCH_WARMUP", quick ? 1 : 3),
  connections: intEnv("BENCH_CONNECTIONS", 10),
  // Each round measures every route once, in alternating order; the reported figures are the
  // medians over rounds, so a slow moment of the machine does not land on one side of a ratio.
  rounds: intEnv("BENCH_ROUNDS", quick || listingMode ? 1 : 3),
  // --listing: requests per connection for each vanilla route (they may take seconds each).
  vanillaRequests: intEnv("BENCH_VANILLA_REQUESTS", quick ? 1 : 2),
  // --listing: requests per connection for each Index module route.
  indexRequests: intEnv("BENCH_INDEX_REQUESTS", quick ? 1 : 5),
  // --listing: distinct questions sampled per route (product pages, categories…).
  listingPaths: intEnv("BENCH_LISTING_PATHS", 10),
  // Checkouts per scenario (each one a fresh cart, one request at a time, scenarios interleaved).
  checkouts: intEnv("BENCH_CHECKOUTS", quick ? 6 : 20),
  port: intEnv("BENCH_PORT", 9100),
  pgPort: intEnv("BENCH_PG_PORT", 54349),
  logLevel: process.env.BENCH_LOG_LEVEL || "info",
}

const COOP_FIELDS = "+cooperative.id,+cooperative.handle,+cooperative.name,+cooperative.province"
const LISTING_TARGET = 1.2
// The public trace page (every package's QR code lands there): p99 ≤ 20 ms and at least half the
// requests per second of Medusa's own /health in the same run.
const TRACE_TARGET = { p99_ms: 20, rps_ratio: 0.5 }
const TRACE_HOT_CODES = 50
// Issue 6: browsing and search through POST /store/search at ≥ 200 req/s with p99 ≤ 50 ms, and a
// full rebuild of the 20,000-product index within 60 s.
const SEARCH_TARGET = { rps: 200, p99_ms: 50 }
const REBUILD_TARGET_S = 60
const CHECKOUT_TARGET = 1.5
// Issue 14: the starter's listing queries at ≥ 50× vanilla's throughput with p99 ≤ 100 ms.
const LISTING_STARTER_TARGET = { rps_ratio: 50, p99_ms: 100 }
const STARTER_FIELDS = "*variants.calculated_price,+variants.inventory_quantity,*variants.images,+metadata,+tags,"
// Our product answer cache never keeps a request that carries a cookie (a shopper's session may
// have prices of its own), so this header makes the same request take Medusa's own route.
const VANILLA_HEADERS = { cookie: "coopstall_bench=vanilla" }
const PHASE_LIMITS_MS = {
  migrate: 10 * 60_000,
  seed: 45 * 60_000,
  build: 15 * 60_000,
  boot: 5 * 60_000,
}

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: every child runs in its own process group so it can be ended as a whole,
// on success, on error and on SIGINT/SIGTERM alike.

const children = new Set()
let buildWarning = null
let embedded = null
let cleaningUp = null

function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try { child.kill(signal) } catch {}
  }
}

// eslint-disable-next-line no-control-regex -- the escape character is what a colour code starts with
const ANSI_COLOURS = /\x1b\[[0-9;]*m/g

async function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  killGroup(child, "SIGTERM")
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs)
  await exited
  clearTimeout(timer)
}

function cleanup() {
  cleaningUp ??= (async () => {
    await Promise.all([...children].map((child) => stopChild(child)))
    if (embedded) {
      await embedded.stop().catch(() => {})
      embedded = null
    }
  })()
  return cleaningUp
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping the server and the database`)
    // Synchronous first, in case another exit hook ends the process before cleanup() resolves.
    for (const child of children) killGroup(child, "SIGKILL")
    cleanup().finally(() => process.exit(130))
  })
}

/**
 * Runs a command in its own process group with a time limit. Output goes to `logFile`; lines for
 * which `echo` returns true are also shown. Resolves with the full stdout.
 */
function run(label, args, { env, cwd = ROOT, logFile, limitMs, echo = () => false }) {
  return new Promise((resolve, reject) => {
    const log = fs.createWriteStream(logFile)
    const child = spawn(MEDUSA, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
    children.add(child)
    let stdout = ""
    let tail = []
    const onData = (isStdout) => (chunk) => {
      const text = chunk.toString()
      log.write(text)
      if (isStdout) stdout += text
      for (const line of text.split("\n")) {
        if (!line.trim()) continue
        tail.push(line)
        if (tail.length > 40) tail = tail.slice(-40)
        if (echo(line)) console.log(`  ${line.replace(ANSI_COLOURS, "").replace(/^\s*info:\s*/, "").trim()}`)
      }
    }
    child.stdout.on("data", onData(true))
    child.stderr.on("data", onData(false))
    const timer = setTimeout(() => {
      console.error(`bench: ${label} exceeded ${limitMs / 1000} s, stopping it`)
      killGroup(child, "SIGKILL")
    }, limitMs)
    child.on("error", (err) => {
      clearTimeout(timer)
      children.delete(child)
      reject(err)
    })
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      log.end()
      if (code === 0) return resolve(stdout)
      reject(
        new Error(
          `${label} failed (${code ?? signal}); last output (full log: ${path.relative(ROOT, logFile)}):\n` +
            tail.slice(-20).join("\n")
        )
      )
    })
  })
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------------
// Database

async function prepareDatabase() {
  if (process.env.DATABASE_URL) {
    console.log("bench: using DATABASE_URL as is (no fresh database); it must not already hold a bench catalog")
    return process.env.DATABASE_URL
  }
  console.log(`bench: starting embedded PostgreSQL on 127.0.0.1:${config.pgPort} (data in .data/bench/postgres)`)
  embedded = await startEmbeddedPostgres({ dir: path.join(BENCH_DIR, "postgres"), port: config.pgPort })
  const client = new pg.Client({ connectionString: embedded.urlFor("postgres") })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${DB_NAME}`)
  } finally {
    await client.end()
  }
  return embedded.urlFor(DB_NAME)
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

async function waitForHealth(base, server, limitMs) {
  const deadline = Date.now() + limitMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited (${server.exitCode ?? server.signalCode}) before answering; see .data/bench/server.log`)
    }
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the server did not answer on ${base}/health within ${limitMs / 1000} s`)
}

async function getJson(url, headers, payload) {
  const init = payload === undefined
    ? { headers }
    : { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(payload) }
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(600_000) })
  const text = await res.text()
  let body = null
  try { body = JSON.parse(text) } catch {}
  return { status: res.status, body, text }
}

function routeCheck(route, body, text) {
  // Extra sanity checks, so a route that answers 200 but ignores our fields does not pass as measured.
  if (route.expect === "products-with-cooperative") {
    const products = body?.products ?? (body?.product ? [body.product] : [])
    if (!products.length) return "no products in the response"
    const missing = products.filter((p) => !p.cooperative?.handle).length
    if (missing) return `${missing}/${products.length} products came back without cooperative fields`
  }
  if (route.expect === "products" && !(body?.products?.length || body?.product)) return "no products in the response"
  if (route.expect === "trace-page" && !text?.includes("Nhật ký sản xuất")) return "the answer is not a trace page"
  if (route.expect === "trace-json" && !body?.trace?.events?.length) return "no trace events in the response"
  if (route.expect === "hits") {
    const result = body?.results?.[0]
    if (!result?.hits?.length) return "no hits in the response"
    if (route.facets && !route.facets.every((f) => result.facets?.[f])) return "facets missing from the response"
  }
  return null
}

const cannonOptions = (base, headers, route) => ({
  url: base,
  connections: config.connections,
  headers: { "accept-encoding": STARTER_ACCEPT_ENCODING, ...headers, ...route.headers },
  requests: route.paths.map((p) =>
    route.body === undefined
      ? { method: "GET", path: p }
      : { method: "POST", path: p, body: JSON.stringify(route.body), headers: { ...headers, ...route.headers, "content-type": "application/json" } }
  ),
  timeout: route.fixedAmount ? 600 : 30,
})

/** One plain request: the route must answer 200 with what we expect. Returns an error or null. */
async function verify(base, headers, route) {
  const first = await getJson(base + route.paths[0], { ...headers, ...route.headers }, route.body)
  if (first.status !== 200) {
    const detail =
      first.body?.message ?? /<pre>([\s\S]*?)<\/pre>/.exec(first.text)?.[1] ?? first.text.replace(/<[^>]+>/g, " ")
    return `HTTP ${first.status}: ${String(detail).replace(/\s+/g, " ").trim().slice(0, 100)}`
  }
  return routeCheck(route, first.body, first.text)
}

async function settle(pid) {
  const started = Date.now()
  let quiet = 0
  let last = groupStat(pid).cpu_s
  while (quiet < 3 && Date.now() - started < 180_000) {
    await new Promise((r) => setTimeout(r, 1000))
    const now = groupStat(pid).cpu_s
    quiet = now - last < 0.1 ? quiet + 1 : 0
    last = now
  }
  console.log(`bench: server ${quiet >= 3 ? "settled" : "still busy"} after ${Math.round((Date.now() - started) / 1000)} s`)
}

async function measure(base, headers, route) {
  // A fixed number of requests, however long they take, so a route slower than a round still
  // reports a real throughput (requests completed / wall time) instead of nothing.
  const started = performance.now()
  const result = await autocannon({
    ...cannonOptions(base, headers, route),
    ...(route.fixedAmount ? { amount: route.fixedAmount } : { duration: config.duration }),
  })
  const wallS = (performance.now() - started) / 1000
  if (route.fixedAmount) result.requests.average = result.requests.total / wallS
  const failed = result.non2xx + result.errors + result.timeouts
  return {
    ok: failed === 0,
    error: failed ? `${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts` : undefined,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    mean_ms: result.latency.mean,
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

/** Every question of a listing route once, one at a time: what the first shopper after a catalog change waits. */
async function primeListing(base, headers, route, results) {
  const times = []
  for (const p of route.paths) {
    const started = performance.now()
    const res = await fetch(base + p, { headers, signal: AbortSignal.timeout(600_000) })
    await res.text()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  results[`${route.key}_first`] = { p50_ms: times[Math.floor((times.length - 1) / 2)], max_ms: times[times.length - 1], requests: times.length }
  console.log(`bench: ${route.label}: first answers (${times.length} questions, one at a time): p50 ${times[Math.floor((times.length - 1) / 2)].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`)
}

// ---------------------------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(BENCH_DIR, { recursive: true })
  const timings = {}
  console.log(
    `bench: ${config.products} products over ${config.cooperatives} cooperatives; ` +
      `${config.duration} s per route (${config.warmup} s warm-up) with ${config.connections} connections`
  )

  let t = Date.now()
  const databaseUrl = await prepareDatabase()
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DISABLE_MEDUSA_ADMIN: "true",
    BENCH_PRODUCTS: String(config.products),
    BENCH_COOPERATIVES: String(config.cooperatives),
  }
  // One process, in-memory modules: the same setup for ours and vanilla. Several processes
  // (BENCH_CLUSTER) must share locks, events and workflow state, so they keep REDIS_URL (required).
  if (process.env.BENCH_CLUSTER) {
    if (!process.env.REDIS_URL) throw new Error("BENCH_CLUSTER needs REDIS_URL: processes with in-memory locks would change one cart at once")
  } else delete env.REDIS_URL

  let seed
  if (reuseDb) {
    if (!process.env.DATABASE_URL) throw new Error("--reuse-db needs DATABASE_URL (a database a previous run migrated and seeded)")
    const file = process.env.BENCH_SEED_JSON || path.join(BENCH_DIR, "seed.json")
    seed = JSON.parse(fs.readFileSync(file, "utf8"))
    console.log(`bench: --reuse-db, ${seed.products} products from ${file}`)
  } else {
    console.log("bench: running migrations")
    // --listing: with the Index module registered, so its tables exist for the Index module's server.
    const migrateEnv = listingMode && process.env.BENCH_INDEX !== "0" ? { ...env, MEDUSA_FF_INDEX_ENGINE: "true" } : env
    await run("medusa db:migrate", ["db:migrate"], { env: migrateEnv, logFile: path.join(BENCH_DIR, "migrate.log"), limitMs: PHASE_LIMITS_MS.migrate })
    timings.migrate_ms = Date.now() - t

    console.log("bench: seeding the catalog")
    t = Date.now()
    const seedOut = await run("medusa exec bench-seed", ["exec", "./bench/seed.ts"], {
      env,
      logFile: path.join(BENCH_DIR, "seed.log"),
      limitMs: PHASE_LIMITS_MS.seed,
      echo: (line) => line.includes("bench-seed:"),
    })
    const seedLine = seedOut.split("\n").find((line) => line.startsWith("BENCH_SEED_RESULT "))
    if (!seedLine) throw new Error("the bench seed printed no BENCH_SEED_RESULT line; see .data/bench/seed.log")
    seed = JSON.parse(seedLine.slice("BENCH_SEED_RESULT ".length))
    timings.seed_ms = Date.now() - t
    console.log(
      `bench: seeded ${seed.products} products, ${seed.cooperatives} cooperatives in ${seconds(seed.timings_ms.total)} ` +
        `(products ${seconds(seed.timings_ms.products)}, links ${seconds(seed.timings_ms.links)}; ` +
        `${seconds(timings.seed_ms)} including boot)`
    )
  }

  // Fresh bulk-loaded tables have no planner statistics yet; a production database would.
  t = Date.now()
  const analyzer = new pg.Client({ connectionString: databaseUrl })
  await analyzer.connect()
  try {
    await analyzer.query("ANALYZE")
  } finally {
    await analyzer.end()
  }
  timings.analyze_ms = Date.now() - t

  if (searchMode) {
    // The index was created by db:migrate; this is a full versioned rebuild of every search index
    // (what `npm run reindex` runs), timed inside the process, without its boot.
    console.log("bench: rebuilding the search indexes (src/scripts/reindex.ts)")
    t = Date.now()
    const out = await run("medusa exec reindex", ["exec", "./src/scripts/reindex.ts"], {
      env,
      logFile: path.join(BENCH_DIR, "reindex.log"),
      limitMs: PHASE_LIMITS_MS.seed,
      echo: (line) => line.includes("[Search] Reindexed"),
    })
    const line = out.split("\n").find((l) => l.startsWith("REINDEX_RESULT "))
    if (!line) throw new Error("the reindex printed no REINDEX_RESULT line; see .data/bench/reindex.log")
    timings.rebuild_s = JSON.parse(line.slice("REINDEX_RESULT ".length)).seconds
    timings.rebuild_with_boot_ms = Date.now() - t
    console.log(`bench: full rebuild in ${timings.rebuild_s} s (target ≤ ${REBUILD_TARGET_S} s; ${seconds(timings.rebuild_with_boot_ms)} including boot)`)
    const again = new pg.Client({ connectionString: databaseUrl })
    await again.connect()
    try {
      await again.query("ANALYZE")
    } finally {
      await again.end()
    }
  }

  if (skipBuild && fs.existsSync(path.join(SERVER_DIR, "medusa-config.js"))) {
    console.log("bench: --skip-build, reusing .medusa/server")
  } else {
    console.log("bench: building the server (medusa build, admin disabled)")
    t = Date.now()
    const buildLog = path.join(BENCH_DIR, "build.log")
    try {
      await run("medusa build", ["build"], { env, logFile: buildLog, limitMs: PHASE_LIMITS_MS.build })
    } catch (err) {
      // tsc still emits on type errors; measure what was built, but say so loudly.
      const log = fs.existsSync(buildLog) ? fs.readFileSync(buildLog, "utf8") : ""
      const emitted = /Backend build completed with errors/.test(log) && fs.existsSync(path.join(SERVER_DIR, "medusa-config.js"))
      if (!emitted) throw err
      buildWarning = "medusa build reported type errors (see .data/bench/build.log); the emitted JavaScript was measured anyway"
      console.warn(`bench: WARNING ${buildWarning}`)
    }
    timings.build_ms = Date.now() - t
    console.log(`bench: built in ${seconds(timings.build_ms)}`)
  }

  if (await portInUse(config.port)) {
    // Otherwise the health check would pass against whatever already listens there.
    throw new Error(`Port ${config.port} is taken; stop what runs there or set BENCH_PORT.`)
  }
  console.log(`bench: starting the production server on 127.0.0.1:${config.port}`)
  t = Date.now()
  const serverLog = fs.createWriteStream(path.join(BENCH_DIR, "server.log"))
  // BENCH_CLUSTER=N: Medusa's own cluster mode (`medusa start --cluster N`), N server processes.
  const cluster = process.env.BENCH_CLUSTER ? ["--cluster", process.env.BENCH_CLUSTER] : []
  // BENCH_SERVER_NODE_ARGS: flags for the server's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
  // which NODE_OPTIONS refuses; the profile is written when the server stops.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean)
  const server = spawn(process.execPath, [...nodeArgs, MEDUSA, "start", "--host", "127.0.0.1", "--port", String(config.port), ...cluster], {
    // The build plus bench/plugin (Medusa's own completion beside ours, as the checkout baseline).
    cwd: prepareBenchApp({ root: ROOT, serverDir: SERVER_DIR, appDir: path.join(BENCH_DIR, "app") }),
    // A production server refuses to start on default secrets; the bench signs nothing beyond this run.
    env: {
      ...env,
      NODE_ENV: "production",
      JWT_SECRET: randomBytes(32).toString("base64"),
      COOKIE_SECRET: randomBytes(32).toString("base64"),
      LOG_LEVEL: config.logLevel,
      PORT: String(config.port),
      // Route benches compare handlers, so no load gate unless asked; the soak keeps the default gate.
      HTTP_MAX_IN_FLIGHT: process.env.HTTP_MAX_IN_FLIGHT ?? (soakMode ? undefined : "0"),
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  children.add(server)
  server.stdout.pipe(serverLog)
  server.stderr.pipe(serverLog)
  server.on("exit", () => children.delete(server))
  const base = `http://127.0.0.1:${config.port}`
  await waitForHealth(base, server, PHASE_LIMITS_MS.boot)
  timings.boot_ms = Date.now() - t
  console.log(`bench: server up in ${seconds(timings.boot_ms)}`)

  const headers = { "x-publishable-api-key": seed.publishable_key }
  if (soakMode) {
    return runSoak({ base, headers, vanillaHeaders: VANILLA_HEADERS, seed, serverPid: server.pid, starterFields: STARTER_FIELDS, benchDir: BENCH_DIR, config })
  }
  const sample = await getJson(`${base}/store/products?limit=50&fields=id&order=created_at`, headers)
  if (sample.status !== 200 || !sample.body?.products?.length) {
    throw new Error(`could not list products for the detail routes (HTTP ${sample.status}): ${sample.text.slice(0, 200)}`)
  }
  const productIds = sample.body.products.map((p) => p.id)
  const coopHandles = Array.from({ length: Math.min(50, seed.cooperatives) }, (_, i) => `bench-htx-${i + 1}`)
  const detailPaths = (suffix = "") => productIds.map((id) => `/store/products/${id}${suffix}`)

  const routes = listingMode ? await listingRoutes(base, headers, seed) : searchMode ? searchRoutes() : [
    { key: "vanilla_listing", label: "GET /store/products?limit=20", paths: ["/store/products?limit=20"], expect: "products" },
    {
      key: "listing",
      label: "GET /store/products?limit=20 + cooperative",
      paths: [`/store/products?limit=20&fields=${COOP_FIELDS}`],
      expect: "products-with-cooperative",
      baseline: "vanilla_listing",
      target: LISTING_TARGET,
    },
    { key: "vanilla_detail", label: "GET /store/products/:id", paths: detailPaths(), expect: "products" },
    {
      key: "detail",
      label: "GET /store/products/:id + cooperative",
      paths: detailPaths(`?fields=${COOP_FIELDS}`),
      expect: "products-with-cooperative",
      baseline: "vanilla_detail",
    },
    {
      key: "cooperatives",
      label: "GET /store/cooperatives",
      paths: ["/store/cooperatives"],
      baseline: "vanilla_listing",
    },
    {
      key: "cooperative",
      label: "GET /store/cooperatives/:handle",
      paths: coopHandles.map((h) => `/store/cooperatives/${h}`),
      baseline: "vanilla_listing",
    },
  ]
  const traceCodes = listingMode ? [] : seed.trace_codes ?? []
  if (traceCodes.length) {
    const hot = traceCodes.slice(0, TRACE_HOT_CODES)
    routes.push(
      { key: "health", label: "GET /health", paths: ["/health"] },
      { key: "trace_page", label: "GET /t/:code", paths: hot.map((c) => `/t/${c}`), expect: "trace-page", baseline: "health", trace_target: TRACE_TARGET },
      { key: "trace_json", label: "GET /store/trace/:code", paths: hot.map((c) => `/store/trace/${c}`), expect: "trace-json", baseline: "health" },
    )
  }

  // First hit of a trace page: lots nobody has asked for yet, one request at a time, so the cost of
  // building a view (lot, events, product, cooperative, quality) and rendering it is measured alone.
  const results = {}
  const cold = traceCodes.slice(TRACE_HOT_CODES)
  if (cold.length) {
    const times = []
    for (const code of cold) {
      const started = performance.now()
      const res = await fetch(`${base}/t/${code}`, { signal: AbortSignal.timeout(30_000) })
      await res.text()
      if (res.status !== 200) throw new Error(`first hit of /t/${code} answered ${res.status}`)
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
    results.trace_first_hit = {
      ok: true,
      p50_ms: at(0.5),
      p99_ms: at(0.99),
      mean_ms: times.reduce((a, b) => a + b, 0) / times.length,
      requests: times.length,
    }
    console.log(`bench: first hit of /t/:code (${times.length} cold lots, sequential): p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`)
  }

  // Verify and warm up every route first, so no route pays for the JIT and caches of those after it.
  for (const route of routes) {
    try {
      const problem = await verify(base, headers, route)
      if (problem) {
        results[route.key] = { ok: false, error: problem }
        console.log(`bench: ${route.label}: ${problem}; it will not be measured`)
        continue
      }
      // A vanilla listing request can take seconds: its verification request was its warm-up.
      // --listing: ours are computed and warmed right before they are measured; warming them here
      // would leave seconds-long computations running into the first measured route.
      if (!route.fixedAmount && !route.listingTarget) await autocannon({ ...cannonOptions(base, headers, route), duration: config.warmup })
    } catch (err) {
      results[route.key] = { ok: false, error: err.message }
    }
  }
  console.log(`bench: warmed up (${config.warmup} s per route)`)
  if (searchMode) await drain(base, headers)

  const median = (values) => {
    const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b)
    return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined
  }
  const rounds = Object.fromEntries(routes.map((route) => [route.key, []]))
  // --listing: the server's start-up work (the search module indexing 20,000 products) ran into the
  // first route measured; wait until it uses under a tenth of a core for 3 s in a row (at most 3 min).
  if (listingMode) await settle(server.pid)
  for (let round = 0; round < config.rounds; round++) {
    // --search: vanilla Medusa needs seconds per request at this size, and the requests it is still
    // working on when its run ends would land on whatever is measured next; so the vanilla routes
    // go last in every round, followed by a pause that lets the server drain them.
    const order = searchMode ? routes : listingMode ? [...routes.filter((r) => !r.vanilla), ...routes.filter((r) => r.vanilla)] : round % 2 ? [...routes].reverse() : routes
    for (const route of order) {
      if (results[route.key]) continue
      let r
      try {
        // Computed and kept right before the kept answers are measured (a kept answer is
        // recomputed once it is older than PRODUCT_ANSWER_CACHE_MS).
        if (route.listingTarget) {
          await primeListing(base, headers, route, results)
          await autocannon({ ...cannonOptions(base, headers, route), duration: config.warmup })
        }
        process.stdout.write(`bench: round ${round + 1}/${config.rounds}: ${route.label} … `)
        r = await measure(base, headers, route)
      } catch (err) {
        r = { ok: false, error: err.message }
      }
      rounds[route.key].push(r)
      if (searchMode && route.vanilla) await drain(base, headers)
      console.log(r.p50_ms !== undefined ? `p50 ${r.p50_ms} ms, ${Math.round(r.rps)} req/s${r.ok ? "" : ` (${r.error})`}` : `failed: ${r.error}`)
    }
  }
  for (const route of routes) {
    const measured = rounds[route.key]
    if (results[route.key] || !measured.length) continue
    const failed = measured.find((r) => !r.ok)
    results[route.key] = {
      ok: !failed,
      error: failed?.error,
      p50_ms: median(measured.map((r) => r.p50_ms)),
      p99_ms: median(measured.map((r) => r.p99_ms)),
      mean_ms: median(measured.map((r) => r.mean_ms)),
      rps: median(measured.map((r) => r.rps)),
      requests: measured.reduce((sum, r) => sum + (r.requests ?? 0), 0),
      rounds: measured,
    }
  }

  for (const route of routes) {
    const r = results[route.key]
    const b = route.baseline && results[route.baseline]
    if (b && r.p50_ms !== undefined && b.p50_ms !== undefined) {
      r.baseline = route.baseline
      r.ratio_p50 = r.p50_ms / b.p50_ms
      r.ratio_p99 = r.p99_ms / b.p99_ms
      r.ratio_rps = r.rps / b.rps // below 1 means ours serves fewer requests per second
      r.ratio_p50_per_round = (r.rounds ?? []).map((round, i) => round.p50_ms / b.rounds?.[i]?.p50_ms)
      if (route.target) {
        r.target = route.target
        r.meets_target = r.ratio_p50 <= route.target
      }
      if (route.trace_target) {
        r.target = route.trace_target
        r.meets_target = r.p99_ms <= route.trace_target.p99_ms && r.ratio_rps >= route.trace_target.rps_ratio
      }
    }
    if (route.listingTarget && r.rps !== undefined && b?.rps !== undefined) {
      r.target = LISTING_STARTER_TARGET
      r.meets_target = r.ratio_rps >= LISTING_STARTER_TARGET.rps_ratio && r.p99_ms <= LISTING_STARTER_TARGET.p99_ms
    }
    if (route.searchTarget && r.rps !== undefined) {
      r.target = SEARCH_TARGET
      r.meets_target = r.rps >= SEARCH_TARGET.rps && r.p99_ms <= SEARCH_TARGET.p99_ms
    }
  }

  printTable(routes, results, seed, timings)
  printTable(routes, results, seed)
  const checkout = listingMode ? { ok: true, skipped: "--listing" } : await benchCheckout(base, headers, seed)
  const listingExtra = listingMode ? await benchListingAfter({ base, headers, seed, routes, results, databaseUrl, env, server }) : undefined

  const report = {
    generated_at: new Date().toISOString(),
    config: { ...config, quick, database: embedded ? `embedded:${config.pgPort}/${DB_NAME}` : "DATABASE_URL" },
    machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    seed,
    timings,
    build_warning: buildWarning ?? undefined,
    ratio_definition: "ours / vanilla on the same data; latency ratios above 1 are slower, an rps ratio below 1 is slower",
    routes: routes.map((route) => ({ key: route.key, route: route.label, paths_sampled: route.paths.length, example: route.paths[0], ...results[route.key] })),
    trace_first_hit: results.trace_first_hit,
    listing_first_answers: Object.fromEntries(Object.entries(results).filter(([k]) => k.endsWith("_first"))),
    listing_after_price_change: listingExtra?.afterWrite,
    listing_index_module: listingExtra?.indexModule,
    checkout,
  }
  const out = path.join(BENCH_DIR, "results.json")
  fs.writeFileSync(out, JSON.stringify(report, null, 2))
  console.log(`bench: results written to ${path.relative(ROOT, out)}`)
  return routes.every((route) => results[route.key].ok) && checkout.ok ? 0 : 2
}

// ---------------------------------------------------------------------------------------------
// Checkout: a shopper's whole purchase (cart, items, per-cooperative shipping, cash on delivery,
// complete), for a cart of one cooperative and of three, each beside Medusa's own completion of
// the same kind of cart into a single order. Latency of one purchase at a time, not throughput:
// every completion consumes its cart.

const SHOPPER_ADDRESS = { first_name: "Minh", last_name: "Nguyễn", address_1: "12 Lê Lợi", city: "Phường Thuận Hóa", province: "Huế", country_code: "vn", phone: "0905123456" }

async function storeCall(base, headers, method, p, body) {
  const res = await fetch(base + p, {
    method,
    headers: { ...headers, "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(60_000),
  })
  const text = await res.text()
  let json = null
  try { json = JSON.parse(text) } catch {}
  if (res.status >= 400) throw new Error(`${method} ${p}: HTTP ${res.status} ${text.slice(0, 200)}`)
  return json
}

async function checkoutOnce(base, headers, seed, variantIds, completePath, n) {
  const t0 = performance.now()
  const { cart } = await storeCall(base, headers, "POST", "/store/carts", { region_id: seed.region_id, email: `bench-${n}@example.vn`, shipping_address: SHOPPER_ADDRESS })
  for (const variant_id of variantIds) await storeCall(base, headers, "POST", `/store/carts/${cart.id}/line-items`, { variant_id, quantity: 1 })
  const { cooperatives } = await storeCall(base, headers, "GET", `/store/carts/${cart.id}/cooperative-shipping-options`)
  for (const c of cooperatives) await storeCall(base, headers, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: c.shipping_options[0].id })
  const { payment_collection } = await storeCall(base, headers, "POST", "/store/payment-collections", { cart_id: cart.id })
  await storeCall(base, headers, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const t1 = performance.now()
  const done = await storeCall(base, headers, "POST", completePath(cart.id))
  const t2 = performance.now()
  if (done?.type !== "order") throw new Error(`completion answered ${JSON.stringify(done).slice(0, 200)}`)
  return { checkout_ms: t2 - t0, complete_ms: t2 - t1, orders: done.order_group?.orders?.length ?? 1 }
}

async function benchCheckout(base, headers, seed) {
  const variants = seed.checkout_variant_ids ?? []
  const ours = (id) => `/store/carts/${id}/complete`
  const vanilla = (id) => `/store/carts/${id}/complete-vanilla`
  const scenarios = [
    { key: "vanilla_checkout_1", label: "checkout, 1 cooperative (vanilla: Medusa's completion)", variants: variants.slice(0, 1), path: vanilla },
    { key: "checkout_1", label: "checkout, 1 cooperative → 1 order", variants: variants.slice(0, 1), path: ours, baseline: "vanilla_checkout_1" },
    { key: "vanilla_checkout_3", label: "checkout, 3 cooperatives (vanilla: 1 order)", variants: variants.slice(0, 3), path: vanilla },
    { key: "checkout_3", label: "checkout, 3 cooperatives → 3 orders", variants: variants.slice(0, 3), path: ours, baseline: "vanilla_checkout_3", target: CHECKOUT_TARGET },
  ]
  const runs = Object.fromEntries(scenarios.map((s) => [s.key, []]))
  let n = 0
  try {
    if (variants.length < 3) throw new Error("the seed made no checkout cooperatives")
    console.log(`bench: checkout, ${config.checkouts} purchases per scenario (after 2 warm-up each), one at a time`)
    for (const s of scenarios) for (let i = 0; i < 2; i++) await checkoutOnce(base, headers, seed, s.variants, s.path, n++)
    for (let i = 0; i < config.checkouts; i++) {
      for (const s of i % 2 ? [...scenarios].reverse() : scenarios) {
        const r = await checkoutOnce(base, headers, seed, s.variants, s.path, n++)
        if (s.path === ours && r.orders !== s.variants.length) throw new Error(`${s.label}: ${r.orders} orders instead of ${s.variants.length}`)
        runs[s.key].push(r)
      }
    }
  } catch (err) {
    console.log(`bench: checkout failed: ${err.message}`)
    return { ok: false, error: err.message }
  }
  const pct = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))]
  }
  const out = {}
  for (const s of scenarios) {
    const r = runs[s.key]
    out[s.key] = {
      label: s.label,
      purchases: r.length,
      complete_p50_ms: pct(r.map((x) => x.complete_ms), 0.5),
      complete_p90_ms: pct(r.map((x) => x.complete_ms), 0.9),
      checkout_p50_ms: pct(r.map((x) => x.checkout_ms), 0.5),
      checkout_p90_ms: pct(r.map((x) => x.checkout_ms), 0.9),
    }
  }
  for (const s of scenarios.filter((s) => s.baseline)) {
    const r = out[s.key]
    const b = out[s.baseline]
    r.baseline = s.baseline
    r.complete_ratio_p50 = r.complete_p50_ms / b.complete_p50_ms
    r.checkout_ratio_p50 = r.checkout_p50_ms / b.checkout_p50_ms
    if (s.target) {
      r.target = s.target
      r.meets_target = r.complete_ratio_p50 <= s.target
    }
  }
  const fmt = (v) => (v === undefined ? "—" : v.toFixed(1))
  const ratio = (v) => (v === undefined ? "" : `${v.toFixed(2)}×`)
  const rows = scenarios.map((s) => {
    const r = out[s.key]
    return [
      s.label, fmt(r.complete_p50_ms), fmt(r.complete_p90_ms), ratio(r.complete_ratio_p50),
      fmt(r.checkout_p50_ms), fmt(r.checkout_p90_ms), ratio(r.checkout_ratio_p50),
      r.target ? `target ≤ ${r.target}× (completion p50) ${r.meets_target ? "met" : "MISSED"}` : s.baseline ? "" : "vanilla baseline",
    ]
  })
  const head = ["scenario", "complete p50", "p90", "ratio", "checkout p50", "p90", "ratio", "note"]
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd()
  console.log(`coopstall checkout bench — ${config.checkouts} purchases per scenario, one at a time, ms; checkout = cart + items + shipping + payment + complete`)
  console.log(line(head))
  console.log(widths.map((w) => "─".repeat(w)).join("  "))
  for (const row of rows) console.log(line(row))
  console.log("")
  return { ok: true, scenarios: out }
}

// The Next.js starter's product queries (issue 14), each as ours and as vanilla: the same request
// with a cookie, which our answer cache never keeps, so it takes Medusa's own route end to end.
async function listingRoutes(base, headers, seed) {
  const regionId = seed.region_id
  const get = async (p) => {
    const r = await getJson(base + p, headers)
    if (r.status !== 200) throw new Error(`GET ${p}: HTTP ${r.status} ${r.text.slice(0, 200)}`)
    return r.body
  }
  const { products } = await get("/store/products?limit=50&fields=id,handle")
  const { product_categories } = await get("/store/product-categories?limit=20&fields=id")
  const { collections } = await get("/store/collections?limit=20&fields=id")
  const fields = `fields=${encodeURIComponent(STARTER_FIELDS)}`
  const list = (extra) => `/store/products?${extra}&region_id=${regionId}&${fields}`
  const sample = (list) => list.slice(0, config.listingPaths)
  const queries = [
    ["store", "store page: limit=100", [list("limit=100&offset=0")]],
    ["handle", "product page: handle=…", sample(products.map((p) => list(`handle=${p.handle}`)))],
    ["detail", "GET /store/products/:id", sample(products.map((p) => `/store/products/${p.id}?region_id=${regionId}&${fields}`))],
    ["category", "category page: category_id=…", sample(product_categories.map((c) => list(`category_id=${c.id}&limit=12&offset=0`)))],
    ["collection", "collection page: collection_id=…", sample(collections.map((c) => list(`collection_id=${c.id}&limit=12&offset=0`)))],
    ["sorted", "store page: order=created_at", [list("limit=12&offset=0&order=created_at")]],
    ["q", "search: q=…", ["Dầu phộng", "Trà xanh", "Mật ong", "Gạo ST25", "Nấm hương"].map((q) => list(`q=${encodeURIComponent(q)}&limit=12`))],
  ]
  return queries.flatMap(([key, label, paths]) => [
    { key: `vanilla_${key}`, label: `${label} (vanilla)`, paths, headers: VANILLA_HEADERS, expect: "products", vanilla: true, fixedAmount: config.connections * config.vanillaRequests },
    { key, label, paths, expect: "products", baseline: `vanilla_${key}`, listingTarget: true },
  ])
}

// --listing, after the table: (1) the first answers after a price change, beside what a full
// computation costs (the "first answer" of each question above: what every answer paid after any
// write before answers were judged per product); (2) Medusa's Index module: the same vanilla
// requests on a second server started with MEDUSA_FF_INDEX_ENGINE=true and @medusajs/index
// registered, once its first sync of the catalog is done, each answer compared with ours.
async function benchListingAfter({ base, headers, routes, results, databaseUrl, env, server }) {
  const ourRoutes = routes.filter((r) => r.listingTarget)
  const afterWrite = await listingAfterPriceChange(base, headers, ourRoutes, results, databaseUrl)
  // Reference answers for the Index module: ours, which equal Medusa's (store-listing.spec.ts).
  const reference = new Map()
  for (const route of ourRoutes) {
    for (const p of route.paths) reference.set(p, (await getJson(base + p, headers)).body)
  }
  let indexModule
  if (process.env.BENCH_INDEX === "0") indexModule = { skipped: "BENCH_INDEX=0" }
  else {
    await stopChild(server)
    try {
      indexModule = await listingIndexModule({ headers, ourRoutes, results, reference, env })
    } catch (err) {
      console.log(`bench: Index module: ${err.message}`)
      indexModule = { ok: false, error: err.message }
    }
  }
  printListingSummary(ourRoutes, results, afterWrite, indexModule)
  return { afterWrite, indexModule }
}

async function listingAfterPriceChange(base, headers, ourRoutes, results, databaseUrl) {
  const store = ourRoutes.find((r) => r.key === "store")
  const { body } = await getJson(base + store.paths[0], headers)
  const product = body?.products?.[0]
  const variant = product?.variants?.[0]
  if (!variant?.calculated_price) return { ok: false, error: "the store page has no priced product" }
  const oldAmount = variant.calculated_price.calculated_amount
  const regionId = new URL(base + store.paths[0]).searchParams.get("region_id")
  const fields = new URL(base + store.paths[0]).searchParams.get("fields")
  // The changed product's own pages, beside one question of every route (kept answers, most not showing it).
  const own = [
    { key: "handle", path: `/store/products?handle=${product.handle}&region_id=${regionId}&fields=${encodeURIComponent(fields)}` },
    { key: "detail", path: `/store/products/${product.id}?region_id=${regionId}&fields=${encodeURIComponent(fields)}` },
  ]
  const questions = [
    { key: "store", label: "store page (shows it)", path: store.paths[0] },
    { key: "handle", label: "its product page by handle", path: own[0].path },
    { key: "detail", label: "its GET /store/products/:id", path: own[1].path },
    ...ourRoutes.filter((r) => !["store"].includes(r.key)).map((r) => ({ key: r.key, label: `${r.label} (first question)`, path: r.paths[0] })),
  ]
  for (const q of questions) await getJson(base + q.path, headers) // kept before the write
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    // A price change as the pricing module writes it: amount and raw amount of the variant's prices.
    const { rowCount } = await client.query(
      `UPDATE price SET amount = amount + 1000, raw_amount = jsonb_set(raw_amount, '{value}', to_jsonb((amount + 1000)::text)), updated_at = now()
        WHERE deleted_at IS NULL AND currency_code = 'vnd'
          AND price_set_id IN (SELECT price_set_id FROM product_variant_price_set WHERE variant_id = $1 AND deleted_at IS NULL)`,
      [variant.id]
    )
    if (!rowCount) return { ok: false, error: "no price row to change" }
  } finally {
    await client.end()
  }
  const out = { ok: true, product_id: product.id, old_amount: oldAmount, new_amount: oldAmount + 1000, answers: [] }
  console.log(`bench: price of ${product.handle} changed ${oldAmount} → ${oldAmount + 1000} ₫; first answers after it, one at a time:`)
  for (const q of questions) {
    const started = performance.now()
    const r = await getJson(base + q.path, headers)
    const ms = performance.now() - started
    const shown = (r.body?.products ?? (r.body?.product ? [r.body.product] : [])).find((p) => p.id === product.id)
    const amount = shown?.variants?.find((v) => v.id === variant.id)?.calculated_price?.calculated_amount
    const correct = shown ? amount === oldAmount + 1000 : null
    const full = results[`${q.key}_first`]
    out.answers.push({ question: q.label, path: q.path, status: r.status, ms, shows_product: !!shown, new_price_shown: correct, full_computation_p50_ms: full?.p50_ms })
    if (correct === false) out.ok = false
    console.log(`  ${q.label}: ${ms.toFixed(0)} ms${shown ? (correct ? ", shows the new price" : `, STALE (shows ${amount})`) : ""}` +
      (full ? `; a full computation of its route: p50 ${full.p50_ms.toFixed(0)} ms` : ""))
  }
  return out
}

/** The first path where two JSON values differ, or null. */
function firstDifference(a, b, at = "") {
  if (a === b) return null
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return `${at || "."}: ${JSON.stringify(a)?.slice(0, 60)} ≠ ${JSON.stringify(b)?.slice(0, 60)}`
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array ≠ object`
  if (Array.isArray(a) && a.length !== b.length) return `${at}.length: ${a.length} ≠ ${b.length}`
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(k in a)) return `${at}.${k}: missing (Medusa's has it)`
    if (!(k in b)) return `${at}.${k}: extra`
    const d = firstDifference(a[k], b[k], `${at}.${k}`)
    if (d) return d
  }
  return null
}

async function listingIndexModule({ headers, ourRoutes, results, reference, env }) {
  const port = config.port + 1
  if (await portInUse(port)) throw new Error(`port ${port} is taken`)
  console.log(`bench: starting a second production server with Medusa's Index module (MEDUSA_FF_INDEX_ENGINE=true) on 127.0.0.1:${port}`)
  const started = Date.now()
  const log = fs.createWriteStream(path.join(BENCH_DIR, "server-index.log"))
  const server = spawn(MEDUSA, ["start", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: SERVER_DIR,
    env: {
      ...env,
      NODE_ENV: "production",
      JWT_SECRET: randomBytes(32).toString("base64"),
      COOKIE_SECRET: randomBytes(32).toString("base64"),
      LOG_LEVEL: config.logLevel,
      PORT: String(port),
      MEDUSA_FF_INDEX_ENGINE: "true",
      HTTP_MAX_IN_FLIGHT: process.env.HTTP_MAX_IN_FLIGHT ?? "0",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  children.add(server)
  server.stdout.pipe(log)
  server.stderr.pipe(log)
  server.on("exit", () => children.delete(server))
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHealth(base, server, PHASE_LIMITS_MS.boot)
    const boot_ms = Date.now() - started
    // The module copies the catalog into its own tables at start; it answers from them once done.
    const client = new pg.Client({ connectionString: env.DATABASE_URL })
    await client.connect()
    let sync_ms
    try {
      const deadline = Date.now() + 45 * 60_000
      for (;;) {
        if (server.exitCode !== null) throw new Error("the Index module's server exited; see .data/bench/server-index.log")
        const { rows } = await client.query("SELECT entity, status FROM index_metadata")
        if (rows.length && rows.every((r) => r.status === "done")) break
        if (rows.some((r) => r.status === "error")) throw new Error(`the Index module's sync failed: ${JSON.stringify(rows)}`)
        if (Date.now() > deadline) throw new Error(`the Index module's sync did not finish in 45 min: ${JSON.stringify(rows)}`)
        await new Promise((r) => setTimeout(r, 5000))
      }
      sync_ms = Date.now() - started
      const { rows } = await client.query("SELECT count(*)::int AS n FROM cat_product").catch(() => ({ rows: [{}] }))
      console.log(`bench: Index module up in ${seconds(boot_ms)}, catalog synced ${seconds(sync_ms)} after start (${rows[0].n ?? "?"} products in its table)`)
    } finally {
      await client.end()
    }
    const out = { ok: true, boot_ms, sync_ms, routes: {} }
    for (const route of ourRoutes) {
      const key = `index_${route.key}`
      const indexRoute = { ...route, key, label: `${route.label} (Index module)`, headers: VANILLA_HEADERS, listingTarget: false, fixedAmount: config.connections * config.indexRequests }
      // Same answers? Each sampled question once, against ours (= Medusa's without the module).
      const differences = []
      for (const p of route.paths) {
        const r = await getJson(base + p, { ...headers, ...VANILLA_HEADERS })
        const d = r.status !== 200 ? `HTTP ${r.status}: ${r.text.slice(0, 100)}` : firstDifference(r.body, reference.get(p))
        if (d) differences.push(d)
      }
      process.stdout.write(`bench: Index module: ${route.label} … `)
      let r
      try {
        r = await measure(base, headers, indexRoute)
      } catch (err) {
        r = { ok: false, error: err.message }
      }
      const vanilla = results[route.baseline]
      r.ratio_rps = vanilla?.rps ? r.rps / vanilla.rps : undefined
      r.same_answers = `${route.paths.length - differences.length}/${route.paths.length}`
      r.differences = [...new Set(differences)].slice(0, 3)
      out.routes[route.key] = r
      console.log(`p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, ${r.rps?.toFixed(1)} req/s; same answers as Medusa's: ${r.same_answers}${r.differences.length ? ` (${r.differences.join("; ")})` : ""}`)
    }
    return out
  } finally {
    await stopChild(server)
  }
}

function printListingSummary(ourRoutes, results, afterWrite, indexModule) {
  const f = (v, d = 0) => (v === undefined || v === null ? "—" : v.toFixed(d))
  const head = ["query", "vanilla p50/p99 ms", "req/s", "Index p50/p99 ms", "req/s", "×", "same", "ours p50/p99 ms", "req/s", "×", "full computation", "after a price change"]
  const rows = ourRoutes.map((route) => {
    const v = results[route.baseline] ?? {}
    const o = results[route.key] ?? {}
    const i = indexModule?.routes?.[route.key] ?? {}
    const first = results[`${route.key}_first`]
    const after = afterWrite?.answers?.find((a) => a.path === route.paths[0])
    return [
      route.label, `${f(v.p50_ms)}/${f(v.p99_ms)}`, f(v.rps, 2), i.p50_ms === undefined ? "—" : `${f(i.p50_ms)}/${f(i.p99_ms)}`, f(i.rps, 1), i.ratio_rps ? `${i.ratio_rps.toFixed(0)}×` : "—", i.same_answers ?? "—",
      `${f(o.p50_ms)}/${f(o.p99_ms)}`, f(o.rps, 0), o.ratio_rps ? `${o.ratio_rps.toFixed(0)}×` : "—", first ? `${f(first.p50_ms)} ms` : "—", after ? `${f(after.ms)} ms` : "—",
    ]
  })
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd()
  console.log("")
  console.log(`listing: vanilla Medusa, Medusa's Index module and ours, ${config.connections} connections; × = req/s ÷ vanilla's; same = sampled answers equal to Medusa's;`)
  console.log("full computation = p50 of one question computed by Medusa's route (what every answer paid after any write before);")
  console.log("after a price change = the first answer to the route's first question after one product's price changed (SQL), one at a time")
  console.log(line(head))
  console.log(widths.map((w) => "─".repeat(w)).join("  "))
  for (const row of rows) console.log(line(row))
  const own = afterWrite?.answers?.filter((a) => a.question.startsWith("its ")) ?? []
  for (const a of own) console.log(`${a.question}, first answer after the price change: ${f(a.ms)} ms${a.new_price_shown ? " (new price shown)" : a.new_price_shown === false ? " (STALE)" : ""}`)
  if (indexModule?.sync_ms) console.log(`Index module: first sync of the catalog done ${seconds(indexModule.sync_ms)} after start`)
  if (indexModule && !indexModule.ok && indexModule.error) console.log(`Index module: ${indexModule.error}`)
  console.log("")
}

// Storefront search (issue 6): POST /store/search beside the vanilla routes on the same data.
const SEARCH_QUERIES = ["tra xanh", "dau phong", "mat ong", "gao st25", "ca phe robusta"]

function searchRoutes() {
  const search = (key, label, body, extra = {}) => ({
    key,
    label,
    paths: ["/store/search"],
    body: { entity: "product", ...body, pagination: { take: 20, ...(body.pagination ?? {}) } },
    expect: "hits",
    searchTarget: true,
    ...extra,
  })
  return [
    search("search_browse", "search: browse", {}, { baseline: "vanilla_listing" }),
    search("search_filter", "search: province = Phú Thọ", { filters: { province: "Phú Thọ" } }, { baseline: "vanilla_listing" }),
    search("search_sort", "search: cheapest first", { pagination: { order: { min_price: "ASC" } } }, { baseline: "vanilla_listing" }),
    ...SEARCH_QUERIES.map((q, i) => search(`search_q${i + 1}`, `search: "${q}"`, { filters: { q } }, { baseline: "vanilla_q" })),
    search(
      "search_facets",
      `search: "tra" + 4 facets`,
      {
        filters: { q: "tra" },
        search_options: {
          facets: ["province", "cooperative_id", "certificate_types", { field: "ocop_stars", type: "value" }],
        },
      },
      { baseline: "vanilla_q", facets: ["province", "cooperative_id", "certificate_types", "ocop_stars"] }
    ),
    { key: "vanilla_listing", label: "GET /store/products?limit=20", paths: ["/store/products?limit=20"], expect: "products", vanilla: true },
    {
      key: "vanilla_q",
      label: "GET /store/products?limit=20&q=Trà xanh",
      paths: [`/store/products?limit=20&q=${encodeURIComponent("Trà xanh")}`],
      expect: "products",
      vanilla: true,
    },
  ]
}

/** Waits until the server answers a cheap store request quickly again (at most two minutes). */
async function drain(base, headers) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const started = Date.now()
    try {
      await fetch(`${base}/store/regions`, { headers, signal: AbortSignal.timeout(10_000) })
      if (Date.now() - started < 200) return
    } catch {}
    await new Promise((r) => setTimeout(r, 1000))
  }
}

function printTable(routes, results, seed, timings = {}) {
  const fmt = (v, digits = 1) => (v === undefined ? "—" : v.toFixed(digits))
  const ratio = (v) => (v === undefined ? "—" : `${v.toFixed(2)}×`)
  const rows = routes.map((route) => {
    const r = results[route.key]
    let note = ""
    if (!r.ok) note = `ERROR ${r.error}`
    else if (route.listingTarget) note = `target ≥ ${LISTING_STARTER_TARGET.rps_ratio}× req/s, p99 ≤ ${LISTING_STARTER_TARGET.p99_ms} ms ${r.meets_target ? "met" : "MISSED"}`
    else if (route.fixedAmount) note = `vanilla: ${r.requests} requests, ${config.connections} connections, however long`
    else if (route.searchTarget) note = `target ≥ ${SEARCH_TARGET.rps} req/s, p99 ≤ ${SEARCH_TARGET.p99_ms} ms ${r.meets_target ? "met" : "MISSED"}`
    else if (route.target) {
      const perRound = (r.ratio_p50_per_round ?? []).map((v) => `${v.toFixed(2)}×`).join(", ")
      note = `target ≤ ${route.target}× (p50) ${r.meets_target ? "met" : "MISSED"}${config.rounds > 1 ? `; rounds: ${perRound}` : ""}`
    }
    else if (route.trace_target) note = `target p99 ≤ ${route.trace_target.p99_ms} ms and ≥ ${route.trace_target.rps_ratio}× /health req/s ${r.meets_target ? "met" : "MISSED"}`
    else if (route.baseline === "health") note = "baseline: GET /health"
    else if (route.baseline === "vanilla_listing" && route.key !== "listing" && !listingMode) note = "baseline: plain /store/products?limit=20"
    else if (!route.baseline) note = "vanilla baseline"
    return [route.label, fmt(r.p50_ms), fmt(r.p99_ms), fmt(r.rps, 0), route.baseline ? ratio(r.ratio_p50) : "", route.baseline ? ratio(r.ratio_p99) : "", route.baseline ? ratio(r.ratio_rps) : "", note]
  })
  const head = ["route", "p50 ms", "p99 ms", "req/s", "p50 ratio", "p99 ratio", "rps ratio", "note"]
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd()
  console.log("")
  console.log(
    `coopstall bench — ${seed.products} products, ${seed.cooperatives} cooperatives, ` +
      `${config.connections} connections, ${config.duration} s per route × ${config.rounds} round(s) (medians), 127.0.0.1`
  )
  console.log("ratios are ours / vanilla Medusa on the same data: latency ratios above 1× and req/s ratios below 1× mean slower.")
  console.log("the trace routes (/t/:code, /store/trace/:code) are compared with Medusa's own GET /health.")
  if (searchMode) {
    console.log("POST /store/search routes are compared with GET /store/products?limit=20 (browsing) or its ?q= search (queries).")
    if (timings.rebuild_s !== undefined) {
      console.log(`full rebuild of the search indexes: ${timings.rebuild_s} s (target ≤ ${REBUILD_TARGET_S} s ${timings.rebuild_s <= REBUILD_TARGET_S ? "met" : "MISSED"})`)
    }
  } else console.log("the /store/cooperatives routes have no vanilla twin: they are compared with plain GET /store/products?limit=20.")
  if (buildWarning) console.log(`WARNING: ${buildWarning}.`)
  console.log("")
  console.log(line(head))
  console.log(widths.map((w) => "─".repeat(w)).join("  "))
  for (const row of rows) console.log(line(row))
  for (const route of routes.filter((r) => r.listingTarget && results[`${r.key}_first`])) {
    const f = results[`${route.key}_first`]
    console.log(`${route.label}: first answer of each of ${f.requests} questions (computed by Medusa's route, then kept), one at a time: p50 ${fmt(f.p50_ms, 0)} ms, max ${fmt(f.max_ms, 0)} ms`)
  }
  const first = results.trace_first_hit
  if (first) {
    console.log(`GET /t/:code first hit (cold cache, ${first.requests} lots, one at a time): p50 ${fmt(first.p50_ms)} ms, p99 ${fmt(first.p99_ms)} ms, mean ${fmt(first.mean_ms)} ms`)
  }
  console.log("")
}

main()
  .then(async (code) => {
    await cleanup()
    process.exit(code)
  })
  .catch(async (err) => {
    console.error(`bench: ${err.message}`)
    await cleanup()
    process.exit(1)
  })
