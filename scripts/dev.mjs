// `npm run dev`: one command from a fresh clone to a running marketplace.
// Embedded PostgreSQL (unless DATABASE_URL is set) → migrations → demo seed (idempotent) → medusa develop.
import { spawn } from "node:child_process"
import fs from "node:fs"
import pg from "pg"
import { portInUse, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"
import { medusaBin, run } from "./lib/run.mjs"

const viteBin = new URL("../node_modules/.bin/vite", import.meta.url).pathname

const PORT = Number(process.env.PORT || 9000)
const env = { ...process.env, PORT: String(PORT) }
let embedded = null

async function main() {
  // This script seeds demo accounts whose passwords are printed below and published in the repository.
  if (["production", "prod"].includes(process.env.NODE_ENV ?? "")) {
    throw new Error(
      `npm run dev never runs with NODE_ENV=${process.env.NODE_ENV}: it seeds demo accounts with published passwords. ` +
        "Build and run the server with `npm run build` and `npm run start` instead."
    )
  }
  if (await portInUse(PORT)) {
    throw new Error(`Port ${PORT} is taken (another coopstall running?). Stop it or set PORT.`)
  }
  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_PG_PORT || 54329)
    console.log(`coopstall: starting embedded PostgreSQL on port ${port} (data in .data/postgres)`)
    embedded = await startEmbeddedPostgres({ dir: ".data/postgres", port })
    await embedded.ensureDatabase("coopstall")
    env.DATABASE_URL = embedded.urlFor("coopstall")
  }

  console.log("coopstall: running migrations")
  await run(medusaBin, ["db:migrate"], { env })
  // Before the first `medusa develop` no search index is live yet: seeding then goes without the
  // Search module, whose ingestion would fail once per event; develop seeds the indexes from the rows.
  const searchLive = await searchIndexesLive(env.DATABASE_URL)
  console.log("coopstall: seeding the demo marketplace (skipped when already seeded)")
  await run(medusaBin, ["exec", "./src/scripts/seed.ts"], { env: { ...env, COOPSTALL_SEED_WITHOUT_SEARCH: searchLive ? "0" : "1" } })

  // The cooperative panel is served from its build at /cooperative (src/api/cooperative/middlewares.ts).
  console.log("coopstall: building the cooperative panel (vite build; PANEL_WATCH=1 rebuilds on change)")
  await run(viteBin, ["build", "--config", "panel/vite.config.mts", "--logLevel", "warn"], { env })
  const panelWatch = env.PANEL_WATCH === "1" ? spawn(viteBin, ["build", "--watch", "--config", "panel/vite.config.mts", "--logLevel", "warn"], { stdio: "inherit", env }) : null

  const server = spawn(medusaBin, ["develop"], { stdio: "inherit", env })
  const stop = async (code) => {
    server.kill("SIGTERM")
    panelWatch?.kill("SIGTERM")
    if (embedded) await embedded.stop().catch(() => {})
    process.exit(code)
  }
  process.on("SIGINT", () => stop(0))
  process.on("SIGTERM", () => stop(0))
  server.on("exit", (code) => stop(code ?? 0))

  await waitForHealth(`http://localhost:${PORT}/health`)
  await printBanner()
}

/** Whether the Search module already has a live version of an index (a database used before). */
async function searchIndexesLive(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(
      "select count(*)::int as n from information_schema.columns where table_name = 'search_index' and column_name = 'active_version'"
    )
    if (!rows[0].n) return false
    const live = await client.query("select count(*)::int as n from search_index where active_version is not null and deleted_at is null")
    return live.rows[0].n > 0
  } finally {
    await client.end()
  }
}

async function waitForHealth(url) {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`The server did not answer on ${url}`)
}

async function printBanner() {
  const logins = JSON.parse(fs.readFileSync(new URL("../src/scripts/demo-logins.json", import.meta.url)))
  const client = new pg.Client({ connectionString: env.DATABASE_URL })
  await client.connect()
  const { rows } = await client.query(
    // The storefront key is the one scoped to the marketplace channel (the store's default);
    // Medusa's own "Default Publishable API Key" points at its empty default channel.
    `SELECT k.token FROM api_key k
       JOIN publishable_api_key_sales_channel l ON l.publishable_key_id = k.id AND l.deleted_at IS NULL
       JOIN store s ON s.default_sales_channel_id = l.sales_channel_id AND s.deleted_at IS NULL
     WHERE k.type = 'publishable' AND k.revoked_at IS NULL AND k.deleted_at IS NULL
     ORDER BY k.created_at LIMIT 1`
  )
  await client.end()
  const base = `http://localhost:${PORT}`
  const owner = logins.cooperatives[0]
  console.log(
    [
      "",
      "──────────────── coopstall is running ────────────────",
      `  Store API        ${base}/store   (e.g. ${base}/store/cooperatives)`,
      `  Publishable key  ${rows[0]?.token ?? "(not found: run the seed)"}`,
      `  Admin            ${base}/app   ${logins.admin.email} / ${logins.admin.password}`,
      `  Panel            ${base}/cooperative   (the cooperative's phone app)`,
      `  Cooperative      ${owner.email} / ${owner.password}   (${owner.name}; POST ${base}/auth/vendor/emailpass)`,
      "───────────────────────────────────────────────────────",
      "",
    ].join("\n")
  )
}

main().catch(async (err) => {
  console.error(`coopstall: ${err.message}`)
  if (embedded) await embedded.stop().catch(() => {})
  process.exit(1)
})
