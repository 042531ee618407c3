import { execFileSync, spawn, spawnSync } from "node:child_process"

// Finds a real Redis for the Redis-mode test: REDIS_URL if set, else a throwaway local
// `redis-server` on a free port. Synchronous, because medusa-config.ts reads REDIS_URL when the
// test runner loads it, before any async hook could run.

const PROBE = `
const net = require("net"); const u = new URL(process.argv[1]);
const s = net.connect(Number(u.port) || 6379, u.hostname);
s.on("connect", () => s.write("PING\\r\\n"));
s.on("data", (d) => { process.stdout.write(String(d)); process.exit(0) });
s.on("error", () => process.exit(1)); setTimeout(() => process.exit(1), 1000);
`

export function redisAnswers(url: string): boolean {
  try {
    return execFileSync(process.execPath, ["-e", PROBE, url], { encoding: "utf8", timeout: 3000 }).includes("PONG")
  } catch {
    return false
  }
}

export type TestRedis = { url: string; source: string; stop: () => void }

export function findRedis(): TestRedis | { url: null; reason: string } {
  if (process.env.REDIS_URL) {
    return redisAnswers(process.env.REDIS_URL)
      ? { url: process.env.REDIS_URL, source: "REDIS_URL", stop: () => {} }
      : { url: null, reason: `REDIS_URL=${process.env.REDIS_URL} does not answer PING` }
  }
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    return { url: null, reason: "REDIS_URL is not set and no redis-server is installed" }
  }
  const port = 20000 + Math.floor(Math.random() * 20000)
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  })
  const url = `redis://127.0.0.1:${port}`
  for (let i = 0; i < 50 && !redisAnswers(url); i++) spawnSync("sleep", ["0.1"])
  if (!redisAnswers(url)) {
    child.kill()
    return { url: null, reason: `a local redis-server on port ${port} did not start` }
  }
  return { url, source: `local redis-server on port ${port}`, stop: () => child.kill() }
}

/**
 * What a Redis-mode spec does when no Redis answers: says so loudly and skips, or fails under
 * REQUIRE_REDIS=1 (as .ci/run sets), so a green CI always ran the Redis tests.
 */
export function noRedisReachable(what: string, reason: string, skippedTitle: string) {
  const message = `\n\n*** NO REDIS REACHABLE: ${what} did not run (${reason}). ***\n` +
    `*** Set REDIS_URL or install redis-server. REQUIRE_REDIS=1 turns this into a failure. ***\n\n`
  if (process.env.REQUIRE_REDIS === "1") {
    it("needs a reachable Redis (REQUIRE_REDIS=1)", () => {
      throw new Error(message)
    })
  } else {
    console.warn(message)
    it.skip(skippedTitle, () => {})
  }
}
