// `npm run reindex [index…]`: rebuilds the storefront search indexes (src/scripts/reindex.ts)
// in the database `npm run dev` uses: DATABASE_URL if set, else the embedded PostgreSQL, which is
// reused when `npm run dev` is running and started (and stopped again) otherwise.
import { portInUse, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"
import { medusaBin, run } from "./lib/run.mjs"

const env = { ...process.env }
let embedded = null

async function main() {
  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_PG_PORT || 54329)
    if (await portInUse(port)) {
      env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/coopstall`
    } else {
      embedded = await startEmbeddedPostgres({ dir: ".data/postgres", port })
      env.DATABASE_URL = embedded.urlFor("coopstall")
    }
  }
  await run(medusaBin, ["exec", "./src/scripts/reindex.ts", ...process.argv.slice(2)], { env })
}

main()
  .then(async () => {
    if (embedded) await embedded.stop()
  })
  .catch(async (err) => {
    console.error(err.message)
    if (embedded) await embedded.stop().catch(() => {})
    process.exit(1)
  })
