import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import jwt from "jsonwebtoken"
import { bearer, call, demoLogin, logins, seedMarketplace } from "../helpers"

jest.setTimeout(240_000)

// The app runs as production would: real secrets, the documented default limits (10 failures per
// account, 50 per address, 15 minutes), and one trusted proxy, so each test can come from its own
// client address (the proxy's X-Forwarded-For entry) while the test client is that proxy.
const REAL_SECRET = "t3st-Jwt-8fK2mQ9xV4pL7wR1zN6bC0hY5gD3sA8e"
const overrides: Record<string, string> = {
  JWT_SECRET: REAL_SECRET,
  COOKIE_SECRET: "t3st-Cookie-Q7wE4rT1yU8iO5pA2sD9fG6hJ3kL0zX",
  TRUST_PROXY_HOPS: "1",
  SIGN_IN_FAILURES_PER_ACCOUNT: "",
  SIGN_IN_FAILURES_PER_ADDRESS: "",
  SIGN_IN_WINDOW_MINUTES: "",
}
const previous = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]))
Object.assign(process.env, overrides)
afterAll(() => {
  for (const [k, v] of Object.entries(previous)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
})

const from = (address: string, extra: Record<string, string> = {}) => ({ headers: { "x-forwarded-for": address, ...extra } })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeAll(async () => {
      await seedMarketplace(getContainer())
    })

    const signIn = (actor: string, email: string, password: string, address: string) =>
      call(api.post(`/auth/${actor}/emailpass`, { email, password }, from(address)))

    describe("secrets", () => {
      it("an admin token signed by hand with the default secret is refused; the same claims signed with the real secret pass (control)", async () => {
        const real = await signIn("user", logins.admin.email, logins.admin.password, "203.0.113.1")
        expect(real.status).toBe(200)
        const { iat, exp, ...claims } = jwt.decode(real.data.token) as Record<string, any>
        expect(claims).toMatchObject({ actor_type: "user" })
        expect(claims.actor_id).toBeTruthy()

        const forged = jwt.sign(claims, "supersecret", { expiresIn: "1h" })
        const refused = await call(api.get(`/admin/cooperatives`, bearer(forged)))
        expect(refused.status).toBe(401)

        const genuine = jwt.sign(claims, REAL_SECRET, { expiresIn: "1h" })
        expect((await call(api.get(`/admin/cooperatives`, bearer(genuine)))).status).toBe(200)
      })
    })

    describe("sign-in limits", () => {
      it("guessing one cooperative's password from one address: ten failures, then 429 with Retry-After, and the right password is refused too, from any address and any spelling", async () => {
        const { email, password } = demoLogin("dafusa-phu-da")
        const attacker = "198.51.100.1"
        for (let i = 0; i < 10; i++) {
          expect((await signIn("vendor", email, `doan-${i}`, attacker)).status).toBe(401)
        }
        const refused = await call(api.post(`/auth/vendor/emailpass`, { email, password: "doan-10" }, from(attacker)))
        expect(refused.status).toBe(429)
        expect(refused.data).toMatchObject({ code: "too_many_attempts" })
        expect(refused.data.message).toMatch(/Try again in \d+ minutes?/)

        const raw = await api.post(`/auth/vendor/emailpass`, { email, password }, { ...from(attacker), validateStatus: () => true })
        expect(raw.status).toBe(429)
        const retryAfter = Number(raw.headers["retry-after"])
        expect(retryAfter).toBeGreaterThan(0)
        expect(retryAfter).toBeLessThanOrEqual(15 * 60)
        expect(raw.data.token).toBeUndefined()

        // The account is what is limited: the owner's right password from elsewhere waits too, and no
        // other door to the same password (another actor, another spelling, GET) is open.
        const elsewhere = "203.0.113.50"
        // Medusa itself refuses a provider spelled in capitals (400, before any password is checked);
        // every spelling that reaches a password check is limited.
        const doors: Array<[string, () => Promise<{ status: number; data: any }>, number]> = [
          ["same actor", () => signIn("vendor", email, password, elsewhere), 429],
          ["as admin", () => signIn("user", email, password, elsewhere), 429],
          ["as customer", () => signIn("customer", email, password, elsewhere), 429],
          ["email in capitals", () => signIn("vendor", email.toUpperCase(), password, elsewhere), 429],
          ["email with spaces", () => signIn("vendor", `  ${email} `, password, elsewhere), 429],
          ["path in capitals", () => call(api.post(`/AUTH/VENDOR/EMAILPASS`, { email, password }, from(elsewhere))), 429],
          ["provider in capitals", () => call(api.post(`/auth/vendor/EmailPass`, { email, password }, from(elsewhere))), 400],
          ["/Auth prefix", () => call(api.post(`/Auth/vendor/emailpass`, { email, password }, from(elsewhere))), 429],
          ["trailing slash", () => call(api.post(`/auth/vendor/emailpass/`, { email, password }, from(elsewhere))), 429],
          ["percent-encoded provider", () => call(api.post(`/auth/vendor/emailp%61ss`, { email, password }, from(elsewhere))), 429],
          ["GET with a body", () => call(api.get(`/auth/vendor/emailpass`, { data: { email, password }, ...from(elsewhere) })), 429],
          ["register", () => call(api.post(`/auth/vendor/emailpass/register`, { email, password }, from(elsewhere))), 429],
        ]
        const answers: Record<string, unknown> = {}
        const expected: Record<string, unknown> = {}
        for (const [label, door, status] of doors) {
          const answer = await door()
          answers[label] = { status: answer.status, token: answer.data?.token }
          expected[label] = { status, token: undefined }
        }
        expect(answers).toEqual(expected)
      })

      it("another account from the same address is unaffected", async () => {
        const { email, password } = demoLogin("htx-thuy-bang")
        const answer = await signIn("vendor", email, password, "198.51.100.1")
        expect(answer.status).toBe(200)
        expect(typeof answer.data.token).toBe("string")
      })

      it("only failures count: an account signing in often is never limited, and nine slips leave the right password working", async () => {
        const { email, password } = demoLogin("htx-che-thanh-nam")
        const office = "198.51.100.2"
        for (let i = 0; i < 30; i++) {
          expect((await signIn("vendor", email, password, office)).status).toBe(200)
        }
        for (let i = 0; i < 9; i++) {
          expect((await signIn("vendor", email, "nham", office)).status).toBe(401)
        }
        expect((await signIn("vendor", email, password, office)).status).toBe(200)
      })

      it("spraying a password over many accounts from one address: fifty failures, then the address is refused (rewriting X-Forwarded-For does not help)", async () => {
        const sprayer = "198.51.100.3"
        for (let i = 0; i < 50; i++) {
          // The client writes its own X-Forwarded-For entries; only the one our proxy appended counts.
          const answer = await call(
            api.post(`/auth/customer/emailpass`, { email: `nguoi-${i}@example.vn`, password: "123456" }, from(`10.9.${i}.1, ${sprayer}`))
          )
          expect(answer.status).toBe(401)
        }
        expect((await signIn("customer", "nguoi-50@example.vn", "123456", sprayer)).status).toBe(429)
        // Even a real account with its right password, from that address.
        expect((await signIn("user", logins.admin.email, logins.admin.password, sprayer)).status).toBe(429)
        // The same admin from another address signs in.
        expect((await signIn("user", logins.admin.email, logins.admin.password, "203.0.113.51")).status).toBe(200)
      })

      it("forty guesses in parallel on one account: exactly ten are checked, thirty refused", async () => {
        const { email } = demoLogin("htx-dat-to-seed")
        const answers = await Promise.all(
          Array.from({ length: 40 }, (_, i) => signIn("vendor", email, `song-song-${i}`, `198.51.100.${100 + i}`))
        )
        const statuses = answers.map((a) => a.status)
        const checked = statuses.filter((s) => s === 401).length
        const refused = statuses.filter((s) => s === 429).length
        console.log(`sign-in limits: 40 parallel guesses on one account -> ${checked} checked (401), ${refused} refused (429)`)
        expect(checked + refused).toBe(40)
        expect(checked).toBe(10)
      })

      it("registration is another way to test a password: its failures count on the account, and it is limited per address", async () => {
        const { email, password } = demoLogin("htx-che-da-hen")
        const guesser = "198.51.100.4"
        for (let i = 0; i < 10; i++) {
          expect((await call(api.post(`/auth/vendor/emailpass/register`, { email, password: `doan-${i}` }, from(guesser)))).status).toBe(401)
        }
        expect((await call(api.post(`/auth/vendor/emailpass/register`, { email, password }, from(guesser)))).status).toBe(429)
        expect((await signIn("vendor", email, password, "203.0.113.52")).status).toBe(429)

        // Thirty registrations per address per window, successful or not.
        const signups = "198.51.100.5"
        for (let i = 0; i < 30; i++) {
          const answer = await call(api.post(`/auth/customer/emailpass/register`, { email: `khach-${i}@example.vn`, password: "mat-khau-1" }, from(signups)))
          expect(answer.status).toBe(200)
        }
        const refused = await call(api.post(`/auth/customer/emailpass/register`, { email: "khach-30@example.vn", password: "mat-khau-1" }, from(signups)))
        expect(refused).toMatchObject({ status: 429, data: { code: "too_many_attempts" } })
      })

      it("password-reset requests: five per account and twenty per address, whether or not the account exists", async () => {
        const reset = (identifier: string, address: string) =>
          call(api.post(`/auth/customer/emailpass/reset-password`, { identifier }, from(address)))
        for (let i = 0; i < 5; i++) expect((await reset("khach-0@example.vn", "198.51.100.6")).status).toBe(201)
        expect((await reset("KHACH-0@example.vn", "203.0.113.53")).status).toBe(429)

        for (let i = 0; i < 20; i++) expect((await reset(`ai-do-${i}@example.vn`, "198.51.100.7")).status).toBe(201)
        expect((await reset("ai-do-20@example.vn", "198.51.100.7")).status).toBe(429)
      })

      it("a malformed body is refused as a failure, never a 5xx, and counts toward the address", async () => {
        const address = "198.51.100.8"
        for (const body of [{}, { email: ["a@b.vn"], password: "x" }, { email: { $ne: "" }, password: "x" }, { email: "a@b.vn", password: 42 }, "khong-phai-json"]) {
          const answer = await call(api.post(`/auth/user/emailpass`, body, from(address)))
          expect(answer.status).toBeGreaterThanOrEqual(400)
          expect(answer.status).toBeLessThan(500)
        }
      })
    })
  },
})
