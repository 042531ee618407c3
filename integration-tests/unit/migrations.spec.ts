import fs from "node:fs"
import path from "node:path"

// Medusa records applied migrations by name in one table shared by every module: two modules with
// a migration of the same name would silently skip the second one's tables.
describe("module migrations", () => {
  it("have names unique across all of our modules", () => {
    const root = path.join(__dirname, "../../src/modules")
    const names = fs
      .readdirSync(root)
      .flatMap((module) => {
        const dir = path.join(root, module, "migrations")
        return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^Migration.*\.ts$/.test(f)) : []
      })
    expect(names.length).toBeGreaterThan(4)
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  })
})
