// `npm run bench:payouts`: a payout run over a large ledger, timed, with the memory of the process
// that runs it. Bulk-inserts BENCH_PAYOUT_COOPERATIVES approved cooperatives (every 25th with an
// unverified bank account, so the run has skips to record) and, for each size in
// BENCH_PAYOUT_ENTRIES (default 10000,100000), that many ledger lines (sales and their
// commissions, a tenth still in their hold period) by SQL; then runs the payout workflow through
// `medusa exec` (bench/payout-run.ts) once per size on a fresh ledger. Comparing the
// sizes shows whether memory grows with the number of entries. Target: ≤ 30 s at 100,000 entries.
//
// Environment: BENCH_PAYOUT_COOPERATIVES (300), BENCH_PAYOUT_ENTRIES ("10000,100000"),
// BENCH_PAYOUT_PG_PORT (54385), DATABASE_URL (use that database instead of the embedded one; its
// ledger, payouts and bench cooperatives are replaced). Logs and results: .data/bench-payouts/.
import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const DIR = path.join(ROOT, ".data/bench-payouts")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")
const DB_NAME = "coopstall_bench_payouts"
const PERIOD = "2026-W40" // ends 2026-10-05 00:00 Vietnam time; the entries are from September
const TARGET_S = 30

const cooperatives = Number(process.env.BENCH_PAYOUT_COOPERATIVES || 300)
const sizes = (process.env.BENCH_PAYOUT_ENTRIES || "10000,100000").split(",").map(Number)
const pgPort = Number(process.env.BENCH_PAYOUT_PG_PORT || 54385)

let embedded = null
let child = null

function medusa(label, args, env) {
  return new Promise((resolve, reject) => {
    const log = fs.createWriteStream(path.join(DIR, `${label}.log`))
    child = spawn(process.execPath, ["--expose-gc", MEDUSA, ...args], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (c) => { out += c; log.write(c) })
    child.stderr.on("data", (c) => log.write(c))
    child.on("exit", (code) => {
      log.end()
      child = null
      code === 0 ? resolve(out) : reject(new Error(`${label} exited with ${code}; see .data/bench-payouts/${label}.log`))
    })
  })
}

async function seedCooperatives(db) {
  await db.query(`delete from cooperative where id like 'coop_bench_%'`)
  await db.query(
    `insert into cooperative (id, handle, name, legal_name, tax_code, province, ward, street_address, phone, email, status,
                              bank_bin, bank_account_number, bank_account_holder, bank_account_verified_at, bank_account_verified_by)
     select 'coop_bench_' || lpad(g::text, 5, '0'), 'htx-bench-' || g, 'HTX Bench ' || g, 'Hợp tác xã Bench ' || g,
            '99' || lpad(g::text, 8, '0'), 'Phú Thọ', 'Xã Thanh Sơn', 'Khu ' || g, '0912345678', 'bench' || g || '@example.vn',
            'approved', '970436', '1000' || lpad(g::text, 8, '0'), 'HTX BENCH ' || g,
            case when g % 25 = 0 then null else now() end, 'bench'
       from generate_series(1, $1::int) g`,
    [cooperatives]
  )
}

async function seedLedger(db, entries) {
  await db.query(`truncate ledger_entry, payout, payout_run`)
  // Odd rows are sales, even rows the commission on the sale before them; sale n goes to
  // cooperative n mod N, and every tenth round of sales is still in its hold period (available in
  // 2099); the rest became available in September.
  await db.query(
    `insert into ledger_entry (id, cooperative_id, type, amount, source_type, source_id, rate_bps, occurred_at, available_at)
     select 'ldg_bench_' || g,
            'coop_bench_' || lpad((1 + ((g + 1) / 2) % $2::int)::text, 5, '0'),
            case when g % 2 = 1 then 'sale' else 'commission' end,
            case when g % 2 = 1 then 50000 + ((g + 1) / 2 % 7) * 10000 else -(5000 + ((g + 1) / 2 % 7) * 1000) end,
            'order_item', 'bench_item_' || ((g + 1) / 2),
            case when g % 2 = 0 then 1000 end,
            timestamptz '2026-09-01 00:00+07' + ((g % 20000) * interval '1 minute'),
            case when ((g + 1) / 2 / $2::int) % 10 = 0 then timestamptz '2099-01-01 00:00+07'
                 else timestamptz '2026-09-08 00:00+07' + ((g % 20000) * interval '1 minute') end
       from generate_series(1, $1::int) g`,
    [entries, cooperatives]
  )
  // Every tenth cooperative (numbers ending in 3) collects cash on delivery with its own carrier:
  // each of its sales has a cash_collected line of −the sale, so it owes its commission and the
  // run skips it with owes_commission (issue 13). These lines come on top of the count above.
  await db.query(
    `insert into ledger_entry (id, cooperative_id, type, amount, source_type, source_id, occurred_at, available_at)
     select 'ldg_bench_cash_' || id, cooperative_id, 'cash_collected', -amount, 'order', 'bench_order_' || id, occurred_at, available_at
       from ledger_entry where type = 'sale' and cooperative_id like '%3'`
  )
  await db.query(`analyze ledger_entry`)
}

async function main() {
  fs.mkdirSync(DIR, { recursive: true })
  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    console.log(`bench:payouts: embedded PostgreSQL on port ${pgPort}`)
    embedded = await startEmbeddedPostgres({ dir: ".data/bench-payouts/postgres", port: pgPort })
    await embedded.ensureDatabase(DB_NAME)
    databaseUrl = embedded.urlFor(DB_NAME)
  }
  const env = { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true", DISABLE_MEDUSA_ADMIN: "true", LOG_LEVEL: "warn" }
  delete env.REDIS_URL
  delete env.STRIPE_API_KEY // bank transfers: the run's own work, no network

  let t = Date.now()
  console.log("bench:payouts: running migrations")
  await medusa("migrate", ["db:migrate"], env)
  console.log(`bench:payouts: migrated in ${Math.round((Date.now() - t) / 1000)} s`)

  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const results = []
  try {
    await seedCooperatives(db)
    for (const entries of sizes) {
      t = Date.now()
      await seedLedger(db, entries)
      const seedMs = Date.now() - t
      const out = await medusa(`run-${entries}`, ["exec", "./bench/payout-run.ts"], { ...env, BENCH_PAYOUT_PERIOD: PERIOD })
      const line = out.split("\n").find((l) => l.includes("BENCH_RESULT "))
      if (!line) throw new Error(`no result from the run over ${entries} entries`)
      const result = { cooperatives, entries, seed_ms: seedMs, ...JSON.parse(line.slice(line.indexOf("BENCH_RESULT ") + 13)) }
      const { rows } = await db.query(`select count(*)::int as payouts, count(distinct cooperative_id)::int as cooperatives from payout`)
      if (rows[0].payouts !== rows[0].cooperatives) throw new Error(`${rows[0].payouts} payouts for ${rows[0].cooperatives} cooperatives`)
      results.push(result)
      console.log(
        `bench:payouts: ${entries.toLocaleString("en")} entries, ${cooperatives} cooperatives: run ${(result.run_ms / 1000).toFixed(2)} s ` +
          `(${result.payout_count} payouts, ${result.skipped} skipped); memory during the run: +${result.rss_peak_growth_mb} MB RSS, ` +
          `+${result.heap_peak_growth_mb} MB heap (process before: ${result.rss_before_mb} MB RSS; VmHWM ${result.vm_hwm_mb} MB, +${result.vm_hwm_growth_mb} MB during the run)`
      )
    }
  } finally {
    await db.end()
  }
  fs.writeFileSync(path.join(DIR, "results.json"), JSON.stringify({ measured_at: new Date().toISOString(), results }, null, 2))
  const largest = results[results.length - 1]
  console.log(`bench:payouts: target ≤ ${TARGET_S} s at ${largest.entries.toLocaleString("en")} entries: ${largest.run_ms / 1000 <= TARGET_S ? "met" : "NOT met"} (${(largest.run_ms / 1000).toFixed(2)} s)`)
  if (results.length > 1) {
    const [small] = results
    console.log(
      `bench:payouts: memory growth ${small.entries.toLocaleString("en")} → ${largest.entries.toLocaleString("en")} entries: ` +
        `RSS +${small.rss_peak_growth_mb} → +${largest.rss_peak_growth_mb} MB, heap +${small.heap_peak_growth_mb} → +${largest.heap_peak_growth_mb} MB`
    )
  }
}

async function cleanup() {
  if (child) try { process.kill(-child.pid, "SIGKILL") } catch {}
  if (embedded) await embedded.stop().catch(() => {})
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanup().finally(() => process.exit(130)))

main()
  .then(cleanup)
  .catch(async (err) => {
    console.error(`bench:payouts: ${err.message}`)
    await cleanup()
    process.exit(1)
  })
