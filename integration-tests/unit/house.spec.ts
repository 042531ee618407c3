import fs from "node:fs"
import path from "node:path"

// Where code lives (docs/architecture/where-things-live.md), checked so the tree cannot drift back:
// - src/lib holds code with no domain and no container: it imports nothing else of src/ and never
//   looks a service up (container.resolve, req.scope, a MedusaContainer parameter);
// - a module (src/modules/<m>) imports neither workflows nor routes, nor another module.
const ROOT = path.resolve(__dirname, "../..")
const SRC = path.join(ROOT, "src")

const CODE = /\.(ts|tsx|js|mjs)$/
const files = (dir: string): string[] =>
  fs.existsSync(dir)
    ? (fs.readdirSync(dir, { recursive: true }) as string[])
        .map((f) => path.join(dir, f))
        .filter((f) => CODE.test(f) && fs.statSync(f).isFile())
        .map((f) => path.relative(ROOT, f).split(path.sep).join("/"))
    : []

// Every spelling of a dependency: import/export … from, side-effect import, import(), require().
const SPECIFIERS = /(?:\bfrom\s*|^\s*import\s*|\bimport\(\s*|\brequire\(\s*)(["'`])([^"'`]+)\1/gm

/** What a file's source imports, as repository paths (`src/modules/ledger`) or package names. */
function importsOf(file: string, source: string): string[] {
  return [...source.matchAll(SPECIFIERS)].map(([, , spec]) => {
    if (!spec.startsWith(".")) return spec
    return path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)).split(path.sep).join("/")
  })
}

const CONTAINER =
  /\bcontainer\s*\.\s*resolve\b|\breq\s*\.\s*scope\b|\bscope\s*\.\s*resolve\b|\bMedusaContainer\b|import\s*\{[^}]*\bcontainer\b[^}]*\}\s*from\s*["']@medusajs\/framework["']/

const within = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`)
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8")
/** The module a path lies in (`src/modules/ledger/rules/x.ts` → `src/modules/ledger`), if any. */
const moduleOf = (p: string) => /^src\/modules\/[^/]+/.exec(p)?.[0] ?? null

const libFiles = files(path.join(SRC, "lib"))

describe("the house rules of src/", () => {
  it("the checks see every spelling of an import", () => {
    const sample = [
      `import { a } from "../modules/ledger"`,
      `import type { B } from '../workflows/x'`,
      `export * from "../api/y"`,
      `import "../links/z"`,
      `const c = require("../modules/cooperative")`,
      `type D = typeof import("../api/vendor/tenant")`,
    ].join("\n")
    expect(importsOf("src/lib/sample.ts", sample)).toEqual([
      "src/modules/ledger",
      "src/workflows/x",
      "src/api/y",
      "src/links/z",
      "src/modules/cooperative",
      "src/api/vendor/tenant",
    ])
    expect(CONTAINER.test(`const s = container.resolve(Modules.PRODUCT)`)).toBe(true)
    expect(CONTAINER.test(`const q = req.scope.resolve("query")`)).toBe(true)
    expect(CONTAINER.test(`export async function f(c: MedusaContainer) {}`)).toBe(true)
    expect(CONTAINER.test(`import { container as app } from "@medusajs/framework"`)).toBe(true)
    expect(CONTAINER.test(`export const nfc = (s: string) => s.normalize("NFC")`)).toBe(false)
  })

  it("src/lib imports nothing of src/ outside src/lib (no modules, workflows, routes, links)", () => {
    expect(libFiles.length).toBeGreaterThan(5)
    const offences = libFiles.flatMap((file) =>
      importsOf(file, read(file))
        .filter((target) => within(target, "src") && !within(target, "src/lib"))
        .map((target) => `${file} imports ${target}`)
    )
    expect(offences).toEqual([])
  })

  it("src/lib never uses the container (container.resolve, req.scope, MedusaContainer)", () => {
    expect(libFiles.filter((file) => CONTAINER.test(read(file)))).toEqual([])
  })

  it("a module imports neither workflows nor routes, nor another module", () => {
    const moduleFiles = files(path.join(SRC, "modules"))
    expect(moduleFiles.length).toBeGreaterThan(20)
    const offences = moduleFiles.flatMap((file) =>
      importsOf(file, read(file))
        .filter((target) => {
          if (within(target, "src/workflows") || within(target, "src/api")) return true
          const other = moduleOf(target)
          return other !== null && other !== moduleOf(file)
        })
        .map((target) => `${file} imports ${target}`)
    )
    expect(offences).toEqual([])
  })

})
