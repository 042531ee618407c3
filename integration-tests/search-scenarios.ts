// Search scenarios every provider must pass: Vietnamese folding, ranking, typo tolerance and
// type-ahead on the demo catalog. Run for real against the PostgreSQL provider
// (integration-tests/http/search.spec.ts).

export type ScenarioApi = {
  titles: (q: string, options?: any) => Promise<string[]>
  products: (body?: any) => Promise<any>
  search: (body: any) => Promise<{ status: number; data: any }>
}

export function runSearchScenarios({ titles, products }: ScenarioApi) {
  it("`tra xanh` finds Trà xanh, title matches first", async () => {
    const found = await titles("tra xanh")
    expect(found[0]).toBe("Trà xanh Thanh Nam")
    expect(found).not.toContain("Hành lá Lâm Thao")
  })

  it("`dau phong` finds Dầu phộng", async () => {
    expect((await titles("dau phong"))[0]).toBe("Dầu phộng nguyên chất Dafusa")
    expect(await titles("Dầu phộng")).toEqual(await titles("dau phong"))
  })

  it("`Đá Hen` and `da hen` match the same products (đ folds to d)", async () => {
    const accented = await titles("Đá Hen")
    expect(accented.sort()).toEqual(["Chè búp Đá Hen", "Trà móc câu Đá Hen"])
    expect((await titles("da hen")).sort()).toEqual(accented.sort())
    expect((await titles("ĐÁ HEN")).sort()).toEqual(accented.sort())
  })

  it("decomposed (NFD) input finds what composed input finds", async () => {
    const composed = "Trà xanh Thanh Nam".normalize("NFC")
    const decomposed = composed.normalize("NFD")
    expect(decomposed).not.toBe(composed)
    expect(await titles(decomposed)).toEqual(await titles(composed))
    expect(await titles("Đá Hen".normalize("NFD"))).toEqual(await titles("Đá Hen"))
  })

  it("keeps every Vietnamese syllable (no English stop words or stemming)", async () => {
    expect(await titles("hong tra")).toContain("Hồng trà Thanh Nam")
    expect(await titles("khoai lang mat")).toEqual(["Khoai lang mật"])
  })

  it("tolerates typos typed without marks", async () => {
    const options = { search_options: { typo_tolerance: true } }
    expect((await titles("tra xnah", options))[0]).toBe("Trà xanh Thanh Nam")
    expect((await titles("dau phogn", options))[0]).toBe("Dầu phộng nguyên chất Dafusa")
    // Unasked, a query that matches nothing exactly falls back to typo matching…
    expect((await titles("tra xnah"))[0]).toBe("Trà xanh Thanh Nam")
    // …one that matches exactly is not widened, and `false` turns typo matching off.
    expect(await titles("khoai lang")).toEqual(["Khoai lang mật"])
    expect(await titles("tra xnah", { search_options: { typo_tolerance: false } })).toEqual([])
  })

  it("type-ahead completes the last word (match_strategy: last)", async () => {
    const found = await titles("tra xa", { search_options: { match_strategy: "last" } })
    expect(found[0]).toBe("Trà xanh Thanh Nam")
    expect(await titles("shan tu", { search_options: { match_strategy: "last" } })).toEqual(["Chè Shan tuyết Thanh Nam"])
  })

  it("pages through the results with a count", async () => {
    const first = await products({ filters: { q: "thanh nam" }, pagination: { take: 2 } })
    const second = await products({ filters: { q: "thanh nam" }, pagination: { take: 2, skip: 2 } })
    expect(first.metadata.count).toBe(3)
    expect(first.hits).toHaveLength(2)
    expect(second.hits).toHaveLength(1)
  })
}
