// `npm test`: unit and HTTP integration tests. Uses the PostgreSQL named by DB_HOST (or
// DATABASE_URL); otherwise starts an embedded one under .data/postgres-test on its own port.
// Extra arguments go to jest, e.g. `npm test -- integration-tests/http/products.spec.ts`.
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"
import { run } from "./lib/run.mjs"

const env = {
  ...process.env,
  NODE_ENV: "test",
  MEDUSA_DISABLE_TELEMETRY: "true",
  DISABLE_MEDUSA_ADMIN: "true",
  LOG_LEVEL: process.env.LOG_LEVEL || "error",
  // Specs fire bursts on purpose (twenty shoppers at once, fuzzing): the load gate would queue and
  // refuse them on a slow machine. It has its own spec, which sets its limits itself.
  HTTP_MAX_IN_FLIGHT: process.env.HTTP_MAX_IN_FLIGHT ?? "0",
  // Medusa loads medusa-config.ts through a dynamic import, which jest runs only with this flag.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
}
let embedded = null

async function main() {
  // The whole suite (no jest arguments, as CI runs it) starts with the linter: seconds, not minutes.
  if (process.argv.length <= 2) await run("npm", ["run", "--silent", "lint"], { env: process.env })
  if (!env.DB_HOST && env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL)
    Object.assign(env, {
      DB_HOST: url.hostname,
      DB_PORT: url.port || "5432",
      DB_USERNAME: decodeURIComponent(url.username),
      DB_PASSWORD: decodeURIComponent(url.password),
    })
  }
  if (!env.DB_HOST) {
    const port = Number(env.EMBEDDED_PG_TEST_PORT || 54339)
    console.log(`coopstall tests: starting embedded PostgreSQL on port ${port} (set DB_HOST or DATABASE_URL to use your own)`)
    embedded = await startEmbeddedPostgres({ dir: ".data/postgres-test", port })
    // "localhost", not 127.0.0.1: Medusa's test runner turns SSL on for any other host name.
    Object.assign(env, { DB_HOST: "localhost", DB_PORT: String(port), DB_USERNAME: embedded.user, DB_PASSWORD: embedded.password })
  }
  // The app under test must not see a DATABASE_URL: each spec file gets a database of its own.
  delete env.DATABASE_URL
  const workers = env.JEST_WORKERS || "2"
  await run("node_modules/.bin/jest", ["--maxWorkers", workers, "--forceExit", ...process.argv.slice(2)], { env })
}

main()
  .then(async () => {
    if (embedded) await embedded.stop()
    process.exit(0)
  })
  .catch(async (err) => {
    console.error(err.message)
    if (embedded) await embedded.stop().catch(() => {})
    process.exit(1)
  })
