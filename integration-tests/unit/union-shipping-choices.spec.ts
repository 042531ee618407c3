import {
  insufficientAt,
  PricedCooperativeOption,
  unionChoiceCode,
  unionChoiceName,
  unionShippingChoices,
} from "../../src/workflows/shipping/utils/union-shipping-choices"

const A = { id: "coop_a", name: "HTX Chè Thanh Nam", handle: "htx-che-thanh-nam" }
const B = { id: "coop_b", name: "HTX Dafusa Phú Đa", handle: "dafusa-phu-da" }

const option = (cooperative: string, id: string, code: string, amount: number | undefined, insufficient = false): PricedCooperativeOption => ({
  id,
  name: id,
  cooperative_id: cooperative,
  amount,
  is_tax_inclusive: false,
  type: { code, label: code === "standard" ? "Tiêu chuẩn" : "Riêng", description: null },
  insufficient_inventory: insufficient,
})

describe("union shipping choices", () => {
  it("one choice per kind of service every cooperative offers, priced as the sum of each one's rate", () => {
    const choices = unionShippingChoices([A, B], [
      option("coop_a", "so_a_std", "standard", 30000),
      option("coop_b", "so_b_std", "standard", 30000),
      option("coop_a", "so_a_fast", "express", 50000),
    ])
    expect(choices.map((c) => [c.id, c.amount, c.parts.map((p) => p.option.id)])).toEqual([["so_union_standard", 60000, ["so_a_std", "so_b_std"]]])
    expect(unionChoiceName(choices[0])).toBe("Giao hàng tiêu chuẩn (HTX Chè Thanh Nam + HTX Dafusa Phú Đa)")
  })

  it("a cooperative with two options of a kind gives the cheapest that can carry its goods; unpriced options do not count", () => {
    const [choice] = unionShippingChoices([A, B], [
      option("coop_a", "so_a_cheap_short", "cooperative-rate", 10000, true),
      option("coop_a", "so_a_dear", "cooperative-rate", 40000),
      option("coop_a", "so_a_unpriced", "cooperative-rate", undefined),
      option("coop_b", "so_b_free", "cooperative-rate", 0),
    ])
    expect(choice.parts.map((p) => p.option.id)).toEqual(["so_a_dear", "so_b_free"])
    expect([choice.amount, choice.insufficient_inventory]).toEqual([40000, false])
    // The cooperatives' own rates are named by each cooperative: the choice says what they are.
    expect(choice.label).toBe("Giao hàng theo giá riêng của từng HTX")
  })

  it("flagged when a cooperative has only options whose warehouse lacks its goods; unflagged choices come first", () => {
    const choices = unionShippingChoices([A, B], [
      option("coop_a", "so_a_std", "standard", 30000),
      option("coop_b", "so_b_std", "standard", 30000, true),
      option("coop_a", "so_a_fast", "express", 50000),
      option("coop_b", "so_b_fast", "express", 50000),
    ])
    expect(choices.map((c) => [c.code, c.insufficient_inventory])).toEqual([["express", false], ["standard", true]])
  })

  it("no kind common to all: one choice of each cooperative's cheapest; nothing for a single cooperative", () => {
    const choices = unionShippingChoices([A, B], [option("coop_a", "so_a_std", "standard", 30000), option("coop_b", "so_b_own", "cooperative-rate", 25000)])
    expect(choices.map((c) => [c.id, c.amount])).toEqual([["so_union_any", 55000]])
    expect(unionShippingChoices([A], [option("coop_a", "so_a_std", "standard", 30000)])).toEqual([])
    expect(unionShippingChoices([A, B], [option("coop_a", "so_a_std", "standard", 30000)])).toEqual([])
  })

  it("reads only well-formed union choice ids", () => {
    expect(unionChoiceCode("so_union_standard")).toBe("standard")
    for (const id of ["so_union_", "so_union_A", "so_union_../x", "so_union_" + "x".repeat(65), "so_01ABC", 42, null]) expect(unionChoiceCode(id)).toBeNull()
  })

  it("insufficient stock: Medusa's rule on the goods given, with the quantity each unit needs", () => {
    const item = (quantity: number, available: number, extra: Record<string, unknown> = {}) => ({
      quantity,
      variant: {
        manage_inventory: true,
        allow_backorder: false,
        inventory_items: [{ required_quantity: 2, inventory: { requires_shipping: true, location_levels: [{ location_id: "sloc_a", available_quantity: available }] } }],
        ...extra,
      },
    })
    expect(insufficientAt([item(2, 4)], "sloc_a")).toBe(false)
    expect(insufficientAt([item(2, 3)], "sloc_a")).toBe(true)
    expect(insufficientAt([item(1, 100)], "sloc_b")).toBe(true)
    expect(insufficientAt([item(9, 0, { allow_backorder: true })], "sloc_a")).toBe(false)
    expect(insufficientAt([item(9, 0, { manage_inventory: false })], "sloc_a")).toBe(false)
    expect(insufficientAt([], "sloc_a")).toBe(false)
  })
})
