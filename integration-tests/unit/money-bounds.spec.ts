import fs from "node:fs"
import path from "node:path"
import { MAX_VND, vndAmount } from "../../src/lib/money"

// The database's CHECK constraints are written as numbers in migrations; this keeps them equal to
// the one constant the validators use, and both far enough below 2^53 that sums stay exact.
describe("money bounds", () => {
  const migrations = ["ledger/migrations/Migration20261201100500.ts", "order-group/migrations/Migration20261201100600.ts"].map((f) =>
    fs.readFileSync(path.join(__dirname, "../../src/modules", f), "utf8")
  )

  it("the database's maxima are MAX_VND", () => {
    const bounds = migrations.flatMap((sql) => [...sql.matchAll(/check \([^;]*?(-?\d{10,})/g)].map((m) => Math.abs(Number(m[1]))))
    expect(bounds.length).toBeGreaterThanOrEqual(3)
    expect(new Set(bounds)).toEqual(new Set([MAX_VND]))
    for (const sql of migrations) expect(sql).toMatch(/type bigint/)
  })

  it("a million cooperatives' maximum payouts still add up exactly as JavaScript numbers", () => {
    expect(Number.isSafeInteger(MAX_VND * 1_000)).toBe(true)
    expect(MAX_VND).toBeGreaterThan(2 ** 31)
  })

  it("validators take MAX_VND and refuse one đồng more", () => {
    expect(vndAmount.safeParse(MAX_VND).success).toBe(true)
    expect(vndAmount.safeParse(MAX_VND + 1).success).toBe(false)
  })
})
