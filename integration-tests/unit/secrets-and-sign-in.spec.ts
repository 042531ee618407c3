import { spawn } from "node:child_process"
import path from "node:path"
import {
  DEVELOPMENT_SECRET,
  httpSecrets,
  refuseInProduction,
  unsafeSecretReason,
} from "../../src/lib/config/secrets"
import { accountKey, clientAddress, DEFAULT_SIGN_IN_LIMITS, signInLimitsFromEnv } from "../../src/api/auth/sign-in-limits"

const STRONG = "q8Vn2xL0pR7tY4wZ9bC6mK1jH3gF5dS0aE2uI8oP"
const STRONG_2 = "Zx9Cv8Bn7Mq6Wl5Ek4Rj3Th2Yg1Uf0Id9Os8Pa7Lk"

describe("secrets: production refuses unsafe defaults", () => {
  it("development and test fall back to one constant secret, so every process of a run agrees", () => {
    for (const NODE_ENV of [undefined, "development", "test"]) {
      expect(httpSecrets({ NODE_ENV })).toEqual({ jwtSecret: DEVELOPMENT_SECRET, cookieSecret: DEVELOPMENT_SECRET })
      expect(httpSecrets({ NODE_ENV, JWT_SECRET: STRONG })).toEqual({ jwtSecret: STRONG, cookieSecret: DEVELOPMENT_SECRET })
    }
  })

  it("production accepts two long random secrets", () => {
    expect(httpSecrets({ NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: STRONG_2 })).toEqual({
      jwtSecret: STRONG,
      cookieSecret: STRONG_2,
    })
  })

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["blank", "   "],
    ["Medusa's default", "supersecret"],
    ["the default in capitals with spaces", "  SuperSecret "],
    ["a placeholder", "changeme"],
    ["'secret'", "secret"],
    ["short", "k2P9x"],
    ["31 characters", STRONG.slice(0, 31)],
    ["long but one character", "a".repeat(64)],
    ["long but two characters", "ab".repeat(32)],
  ])("production refuses a JWT_SECRET that is %s, and names it", (_title, value) => {
    expect(unsafeSecretReason(value)).not.toBeNull()
    for (const NODE_ENV of ["production", "prod"]) {
      expect(() => httpSecrets({ NODE_ENV, JWT_SECRET: value, COOKIE_SECRET: STRONG_2 })).toThrow(/Refusing to start in production: JWT_SECRET /)
      expect(() => httpSecrets({ NODE_ENV, JWT_SECRET: STRONG, COOKIE_SECRET: value })).toThrow(/Refusing to start in production: COOKIE_SECRET /)
    }
  })

  it("the message names every unsafe secret and what to do", () => {
    expect(() => httpSecrets({ NODE_ENV: "production" })).toThrow(
      /JWT_SECRET is not set; COOKIE_SECRET is not set\. Set each to its own random value of at least 32 characters/
    )
  })

  it("`medusa build` may run without secrets (the built server checks them when it starts)", () => {
    expect(httpSecrets({ NODE_ENV: "production" }, ["node", "medusa", "build"]).jwtSecret).toBe(DEVELOPMENT_SECRET)
    expect(() => httpSecrets({ NODE_ENV: "production" }, ["node", "medusa", "start"])).toThrow()
    expect(() => httpSecrets({ NODE_ENV: "production" }, ["node", "medusa", "exec", "./src/scripts/seed.ts"])).toThrow()
  })

  it("the demo seed refuses to run in production", () => {
    expect(() => refuseInProduction("The demo seed", { NODE_ENV: "production" })).toThrow(/never runs with NODE_ENV=production/)
    expect(() => refuseInProduction("The demo seed", { NODE_ENV: "development" })).not.toThrow()
  })
})

// The real thing: the Medusa CLI loading medusa-config.ts, as `npm run start` does.
describe("secrets: a production server process", () => {
  const root = path.resolve(__dirname, "../..")
  const medusa = path.join(root, "node_modules/.bin/medusa")

  function start(env: Record<string, string>, until: RegExp) {
    return new Promise<{ code: number | null; output: string; matched: boolean }>((resolve) => {
      const child = spawn(medusa, ["start"], {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: "9352",
          // Nothing answers here: a server that got past its config would wait for it, not serve.
          DATABASE_URL: "postgres://postgres@127.0.0.1:1/none",
          REDIS_URL: "",
          LOG_LEVEL: "info",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      })
      let output = ""
      let matched = false
      const onData = (d: Buffer) => {
        output += d
        if (!matched && until.test(output)) {
          matched = true
          child.kill("SIGKILL")
        }
      }
      child.stdout.on("data", onData)
      child.stderr.on("data", onData)
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000)
      child.on("exit", (code) => {
        clearTimeout(timer)
        resolve({ code, output, matched })
      })
    })
  }

  it("refuses to start with the default JWT_SECRET: a clear message and exit status 1, before anything listens", async () => {
    const { code, output } = await start({ JWT_SECRET: "supersecret", COOKIE_SECRET: STRONG_2 }, /Server is ready|Creating server/)
    expect(output).toContain("Refusing to start in production: JWT_SECRET is a published default")
    expect(output).not.toMatch(/Creating server|Server is ready/)
    expect(code).toBe(1)
  })

  it("refuses to start without COOKIE_SECRET", async () => {
    const { code, output } = await start({ JWT_SECRET: STRONG, COOKIE_SECRET: "" }, /Creating server/)
    expect(output).toContain("COOKIE_SECRET is not set")
    expect(code).toBe(1)
  })

  it("control: with two strong secrets it gets past its configuration", async () => {
    const { output, matched } = await start({ JWT_SECRET: STRONG, COOKIE_SECRET: STRONG_2 }, /Creating server/)
    expect(output).not.toContain("Refusing to start")
    expect(matched).toBe(true)
  })
})

describe("sign-in limits: configuration, accounts and addresses", () => {
  it("documented defaults: 10 failures per account and 50 per address per 15 minutes", () => {
    expect(signInLimitsFromEnv({})).toEqual(DEFAULT_SIGN_IN_LIMITS)
    expect(DEFAULT_SIGN_IN_LIMITS).toMatchObject({ windowMs: 900_000, failuresPerAccount: 10, failuresPerAddress: 50 })
  })

  it("reads the environment and refuses nonsense at start", () => {
    expect(signInLimitsFromEnv({ SIGN_IN_WINDOW_MINUTES: "5", SIGN_IN_FAILURES_PER_ACCOUNT: "3", TRUST_PROXY_HOPS: "1" })).toMatchObject({
      windowMs: 300_000,
      failuresPerAccount: 3,
      trustProxyHops: 1,
    })
    for (const bad of ["0", "-1", "1.5", "ten", "1e400"]) {
      expect(() => signInLimitsFromEnv({ SIGN_IN_FAILURES_PER_ACCOUNT: bad })).toThrow(/SIGN_IN_FAILURES_PER_ACCOUNT/)
    }
  })

  it("one account whatever the spelling of its email; nothing that is not a string is an account", () => {
    const key = accountKey("owner@thanhnam.vn")
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    for (const spelling of ["OWNER@ThanhNam.vn", "  owner@thanhnam.vn ", "ｏｗｎｅｒ@thanhnam.vn"]) {
      expect(accountKey(spelling)).toBe(key)
    }
    expect(accountKey("other@thanhnam.vn")).not.toBe(key)
    for (const notAnAccount of [undefined, null, "", "  ", 42, ["owner@thanhnam.vn"], { $ne: "" }]) {
      expect(accountKey(notAnAccount)).toBeNull()
    }
  })

  it("X-Forwarded-For is ignored unless proxies are configured, then only the entry the outermost proxy wrote counts", () => {
    const req = (xff?: string) => ({ socket: { remoteAddress: "203.0.113.7" }, headers: xff ? { "x-forwarded-for": xff } : {} })
    expect(clientAddress(req("1.2.3.4"), 0)).toBe("203.0.113.7")
    // One proxy (203.0.113.7) appended the client's address; anything before it the client wrote itself.
    expect(clientAddress(req("6.6.6.6, 198.51.100.20"), 1)).toBe("198.51.100.20")
    expect(clientAddress(req("6.6.6.6, 198.51.100.20, 10.0.0.2"), 2)).toBe("198.51.100.20")
    expect(clientAddress(req(), 1)).toBe("203.0.113.7")
    expect(clientAddress(req("not-an-address"), 1)).toBe("203.0.113.7")
  })
})
