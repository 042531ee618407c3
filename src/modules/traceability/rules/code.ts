import { randomInt } from "node:crypto"

// Public lot codes: 10 characters of a 32-letter alphabet without 0/O and 1/I (read aloud or typed
// from a label without confusion), drawn from the crypto RNG: 50 bits, so codes of neighbouring
// lots say nothing about each other and cannot be enumerated.
export const LOT_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
export const LOT_CODE_LENGTH = 10
export const LOT_CODE_PATTERN = new RegExp(`^[${LOT_CODE_ALPHABET}]{${LOT_CODE_LENGTH}}$`)

export function newLotCode(): string {
  let code = ""
  for (let i = 0; i < LOT_CODE_LENGTH; i++) code += LOT_CODE_ALPHABET[randomInt(LOT_CODE_ALPHABET.length)]
  return code
}

/** A code as a shopper may type it (lower case, spaces, dashes) in canonical form, or null. */
export function normalizeLotCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "")
  return LOT_CODE_PATTERN.test(code) ? code : null
}
