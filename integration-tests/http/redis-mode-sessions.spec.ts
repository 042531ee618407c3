import { createHash } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { sign } from "cookie-signature"
import { DEVELOPMENT_SECRET } from "../../src/lib/config/secrets"
import { bearer, call, demoLogin, logins, seedMarketplace } from "../helpers"
import { findRedis, noRedisReachable } from "../redis"

jest.setTimeout(240_000)

// With REDIS_URL, what several server processes behind one address must share lives in Redis:
// sessions (Medusa's express-session store) and sign-in failure counts. Each test shows the app
// reading that state from Redis, so another process pointed at the same Redis sees the same.

const redis = findRedis()

if (!redis.url) {
  noRedisReachable("the Redis sessions and sign-in limits test", (redis as any).reason, "Redis mode: sessions and sign-in counts live in Redis (no Redis reachable)")
} else {
  const overrides: Record<string, string> = {
    REDIS_URL: redis.url,
    SIGN_IN_FAILURES_PER_ACCOUNT: "3",
    SIGN_IN_FAILURES_PER_ADDRESS: "8",
    TRUST_PROXY_HOPS: "",
  }
  const previous = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]))
  Object.assign(process.env, overrides)
  const client = new Redis(redis.url)
  afterAll(() => {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    client.disconnect()
    ;(redis as any).stop()
  })

  const accountHash = (email: string) => createHash("sha256").update(email.toLowerCase()).digest("hex")
  // Under NODE_ENV=test each app boot adds its own run id after the limiter's name.
  const accountKey = async (email: string) => {
    const keys = await client.keys(`coopstall:sign-in:failures-account:*${accountHash(email)}`)
    expect(keys).toHaveLength(1)
    return keys[0]
  }
  const clearCounts = async () => {
    const keys = await client.keys("coopstall:sign-in:*")
    if (keys.length) await client.del(...keys)
  }

  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      beforeAll(async () => {
        await seedMarketplace(getContainer())
      })
      beforeEach(clearCounts)

      const signIn = (actor: string, email: string, password: string, headers: Record<string, string> = {}) =>
        call(api.post(`/auth/${actor}/emailpass`, { email, password }, { headers }))

      it(`a session lives in Redis (${(redis as any).source}): its cookie works while Redis holds it, one another process wrote there works too, and it stops when Redis forgets it`, async () => {
        const token = (await signIn("user", logins.admin.email, logins.admin.password)).data.token
        const created = await api.post(`/auth/session`, {}, bearer(token))
        const setCookie: string[] = created.headers["set-cookie"] ?? []
        const cookie = setCookie.map((c) => c.split(";")[0]).find((c) => c.startsWith("connect.sid="))
        expect(cookie).toBeDefined()

        const withCookie = { headers: { cookie: cookie as string } }
        expect((await call(api.get(`/admin/users/me`, withCookie))).status).toBe(200)

        // connect.sid = "s:<session id>.<signature>", URL-encoded.
        const sid = decodeURIComponent(cookie!.slice("connect.sid=".length)).replace(/^s:/, "").replace(/\.[^.]*$/, "")
        const stored = await client.get(`sess:${sid}`)
        expect(stored).not.toBeNull()
        expect(JSON.parse(stored!)).toMatchObject({ auth_context: { actor_type: "user" } })

        // A session another server process wrote (same Redis, same COOKIE_SECRET) is accepted here.
        const otherSid = `ander-proces-${Date.now()}`
        await client.set(`sess:${otherSid}`, stored!, "EX", 600)
        const otherCookie = `connect.sid=${encodeURIComponent("s:" + sign(otherSid, DEVELOPMENT_SECRET))}`
        expect((await call(api.get(`/admin/users/me`, { headers: { cookie: otherCookie } }))).status).toBe(200)

        await client.del(`sess:${sid}`)
        expect((await call(api.get(`/admin/users/me`, withCookie))).status).toBe(401)
      })

      it("sign-in failures are counted in Redis, and a count another process left there is obeyed", async () => {
        const dafusa = demoLogin("dafusa-phu-da")
        for (let i = 0; i < 3; i++) expect((await signIn("vendor", dafusa.email, `doan-${i}`)).status).toBe(401)
        const dafusaKey = await accountKey(dafusa.email)
        expect(Number(await client.get(dafusaKey))).toBe(3)
        expect((await signIn("vendor", dafusa.email, dafusa.password)).status).toBe(429)

        // Another server process that saw three failures on Thủy Bằng's account wrote this.
        const thuybang = demoLogin("htx-thuy-bang")
        const thuybangKey = dafusaKey.replace(accountHash(dafusa.email), accountHash(thuybang.email))
        await client.set(thuybangKey, "3", "PX", 60_000)
        expect((await signIn("vendor", thuybang.email, thuybang.password)).status).toBe(429)
        await client.del(thuybangKey)
        expect((await signIn("vendor", thuybang.email, thuybang.password)).status).toBe(200)
      })

      it("without configured proxies, X-Forwarded-For does not turn one client into many addresses", async () => {
        for (let i = 0; i < 8; i++) {
          const answer = await signIn("customer", `nguoi-${i}@example.vn`, "123456", { "x-forwarded-for": `10.20.${i}.1` })
          expect(answer.status).toBe(401)
        }
        const refused = await signIn("customer", "nguoi-8@example.vn", "123456", { "x-forwarded-for": "10.20.99.1" })
        expect(refused).toMatchObject({ status: 429, data: { code: "too_many_attempts" } })
        expect((await client.keys("coopstall:sign-in:failures-address:*")).length).toBe(1)
      })
    },
  })
}
