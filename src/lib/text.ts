import slugify from "slugify"

/** Vietnamese text is stored as typed, in composed (NFC) form. */
export const nfc = (value: string) => value.normalize("NFC").trim()

/**
 * Folds Vietnamese for comparison and search: accepts NFC or NFD input, strips tone and vowel marks,
 * and maps đ/Đ to d (which Unicode decomposition alone does not do).
 */
export const foldVietnamese = (value: string) =>
  value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()

/** A URL-safe handle from a Vietnamese name: "Hợp tác xã Đá Hen" → "hop-tac-xa-da-hen". */
export const toHandle = (value: string) =>
  slugify(foldVietnamese(value), { lower: true, strict: true })
