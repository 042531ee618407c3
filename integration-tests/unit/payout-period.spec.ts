import { lastEndedPeriod, parsePeriod, periodContaining } from "../../src/modules/payout/period"

describe("payout periods in Vietnam time", () => {
  it("a Monday 01:00 in Vietnam pays the ISO week that ended at midnight Vietnam time", () => {
    // Monday 30 Nov 2026 01:00 +07:00 = Sunday 18:00 UTC.
    const period = lastEndedPeriod(new Date("2026-11-29T18:00:00Z"), "week")
    expect(period.key).toBe("2026-W48")
    expect(period.start.toISOString()).toBe("2026-11-22T17:00:00.000Z")
    expect(period.cutoff.toISOString()).toBe("2026-11-29T17:00:00.000Z")
  })

  it("Sunday 23:30 in Vietnam still belongs to its week, although it is Sunday in UTC too", () => {
    expect(periodContaining(new Date("2026-11-29T16:30:00Z"), "week").key).toBe("2026-W48")
    expect(periodContaining(new Date("2026-11-29T17:00:00Z"), "week").key).toBe("2026-W49")
  })

  it("ISO years: 1 Jan 2027 is in 2026-W53, and 2026 has 53 weeks while 2025 has 52", () => {
    expect(periodContaining(new Date("2027-01-01T05:00:00Z"), "week").key).toBe("2026-W53")
    expect(parsePeriod("2026-W53", "week")).not.toBeNull()
    expect(parsePeriod("2025-W53", "week")).toBeNull()
    expect(parsePeriod("2025-W01", "week")!.start.toISOString()).toBe("2024-12-29T17:00:00.000Z")
  })

  it("months end at midnight Vietnam time on the 1st", () => {
    const period = parsePeriod("2026-12", "month")!
    expect(period.cutoff.toISOString()).toBe("2026-12-31T17:00:00.000Z")
    expect(lastEndedPeriod(new Date("2026-12-01T00:00:00Z"), "month").key).toBe("2026-11")
  })

  it("refuses what is not a period", () => {
    for (const key of ["2026-48", "2026-W00", "2026-W54", "26-W10", "2026-W1", "tuần 48"]) expect(parsePeriod(key, "week")).toBeNull()
    for (const key of ["2026-13", "2026-00", "2026-W10"]) expect(parsePeriod(key, "month")).toBeNull()
  })
})
