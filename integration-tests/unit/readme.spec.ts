import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

// The README stays short and true for a newcomer: at most 200 lines, every link it makes leads to a
// file, and its Layout section names every folder of the tree (and nothing that is gone).
const ROOT = path.resolve(__dirname, "../..")
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8")

/** The Layout section's block: one `path  description` per line; `a, b` names two, `*` any name. */
function layoutEntries(): string[] {
  const section = readme.split(/\n## /).find((s) => s.startsWith("Layout\n"))
  if (!section) throw new Error("README.md has no ## Layout section")
  const block = section.split("```")[1]
  return block
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/\s{2,}/)[0].split(/,\s*/))
    .map((entry) => entry.replace(/\/$/, ""))
}

const matches = (entry: string, dir: string) =>
  entry.includes("*") ? new RegExp(`^${entry.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")}$`).test(dir) : entry === dir

// Folders that hold files in git (not what tests or builds leave behind: static/, .data/, …).
const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean)
const subdirs = (dir: string) => {
  const prefix = dir === "." ? "" : `${dir}/`
  const names = tracked
    .filter((f) => f.startsWith(prefix))
    .map((f) => f.slice(prefix.length).split("/"))
    .filter((parts) => parts.length > 1 && !parts[0].startsWith("."))
    .map((parts) => `${prefix}${parts[0]}`)
  return [...new Set(names)]
}

describe("README.md", () => {
  it("is at most 200 lines", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(200)
  })

  it("links only to files that exist", () => {
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l))
    expect(links.length).toBeGreaterThan(0)
    expect(links.filter((l) => !fs.existsSync(path.join(ROOT, l)))).toEqual([])
  })

  it("names in Layout only paths that exist", () => {
    const entries = layoutEntries()
    const missing = entries.filter((e) => {
      if (!e.includes("*")) return !fs.existsSync(path.join(ROOT, e))
      return !subdirs(path.dirname(e)).some((d) => matches(e, d))
    })
    expect(missing).toEqual([])
  })

  it("names in Layout every folder of the project, src/ and src/modules/", () => {
    const entries = layoutEntries()
    const covered = (dir: string) => entries.some((e) => matches(e, dir) || e.startsWith(`${dir}/`))
    const folders = [...subdirs("."), ...subdirs("src"), ...subdirs("src/modules")]
    expect(folders.filter((d) => !covered(d))).toEqual([])
  })
})
