import { addMonthsToDay, expiryAfterLastDay, isCalendarDay, lastValidDay, startOfVnDay, vnDay } from "../../src/lib/dates"
import { ocopExpiresAt } from "../../src/modules/certification"

describe("calendar days in Vietnam time", () => {
  it("knows real days from impossible ones", () => {
    expect(["2024-02-29", "2025-12-31", "2026-01-01"].every(isCalendarDay)).toBe(true)
    expect(["2025-02-29", "2025-13-01", "2025-04-31", "25-01-01", "2025-1-1", ""].some(isCalendarDay)).toBe(false)
  })

  it("a day starts at midnight UTC+7, so late evening UTC is already tomorrow in Hà Nội", () => {
    expect(startOfVnDay("2026-11-23").toISOString()).toBe("2026-11-22T17:00:00.000Z")
    expect(vnDay(new Date("2026-11-22T16:59:59Z"))).toBe("2026-11-22")
    expect(vnDay(new Date("2026-11-22T17:00:00Z"))).toBe("2026-11-23")
  })

  it("adds months, clamping to the end of shorter months", () => {
    expect(addMonthsToDay("2023-11-23", 36)).toBe("2026-11-23")
    expect(addMonthsToDay("2024-02-29", 36)).toBe("2027-02-28")
    expect(addMonthsToDay("2024-01-31", 1)).toBe("2024-02-29")
    expect(addMonthsToDay("2026-11-23", -36)).toBe("2023-11-23")
  })

  it("an OCOP decision of 23/11/2023 is valid through 22/11/2026 and expires at the first moment of 23/11/2026", () => {
    const expiresAt = ocopExpiresAt("2023-11-23")
    expect(expiresAt.toISOString()).toBe("2026-11-22T17:00:00.000Z")
    expect(lastValidDay(expiresAt)).toBe("2026-11-22")
    expect(expiryAfterLastDay("2026-11-22").getTime()).toBe(expiresAt.getTime())
  })
})
