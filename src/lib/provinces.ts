import { foldVietnamese, nfc } from "./text"

/** The 34 province-level units in force since 1 July 2025 (6 cities, 28 provinces). */
export const PROVINCES = [
  "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ",
  "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
  "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh",
  "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
  "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
].map(nfc)

const byFolded = new Map<string, string>()
for (const name of PROVINCES) {
  byFolded.set(foldVietnamese(name), name)
}
byFolded.set("ho chi minh", "Thành phố Hồ Chí Minh")
byFolded.set("tp ho chi minh", "Thành phố Hồ Chí Minh")
byFolded.set("tp. ho chi minh", "Thành phố Hồ Chí Minh")
byFolded.set("thua thien hue", "Huế")

/**
 * The canonical name of a province however it was typed (with or without marks, NFC or NFD),
 * or null for a name that is not one of the 34 current provinces.
 */
export function canonicalProvince(input: string): string | null {
  const folded = foldVietnamese(input)
  return byFolded.get(folded.replace(/^(tinh|thanh pho) /, "")) ?? byFolded.get(folded) ?? null
}
