// Vietnamese enterprise tax codes (mã số thuế): 10 digits, the 10th a check digit over the first
// nine; a branch or dependent unit adds a 3-digit suffix (written 0101234567-001).
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3]

export function taxCodeCheckDigit(firstNine: string): number | null {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstNine[i]), 0)
  const check = 10 - (sum % 11)
  return check === 10 ? null : check
}

/** Returns the tax code in canonical form (`0101234567` or `0101234567-001`), or null if invalid. */
export function normalizeTaxCode(input: string): string | null {
  const compact = input.replace(/[\s.]/g, "")
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact)
  if (!match) return null
  const [, main, branch] = match
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) return null
  if (branch === "000") return null
  return branch ? `${main}-${branch}` : main
}
