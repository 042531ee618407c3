// Moves source files and keeps every import of them working: `git mv` each file, then rewrites
// the relative specifiers (import/export from, require, import(), jest.mock) in src/,
// integration-tests/, bench/, scripts/, panel/ and the root config files, and the mentions of the
// old path (`src/lib/old-name.ts`) in docs and comments.
//
//   node scripts/move-files.mjs src/lib/old-name.ts=src/workflows/<domain>/read/new-name.ts …
//
// Paths are relative to the repository root and name files (with their extension).
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

const ROOT = process.cwd()
const pairs = process.argv.slice(2).map((arg) => {
  const [from, to] = arg.split("=")
  if (!from || !to) throw new Error(`expected old=new, got "${arg}"`)
  if (!fs.existsSync(path.join(ROOT, from))) throw new Error(`${from} does not exist`)
  if (fs.existsSync(path.join(ROOT, to))) throw new Error(`${to} exists already`)
  return [path.join(ROOT, from), path.join(ROOT, to)]
})
if (!pairs.length) throw new Error("usage: node scripts/move-files.mjs old=new …")
const moved = new Map(pairs)

const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean)
const CODE = /\.(ts|tsx|js|mjs|cjs)$/
const codeFiles = tracked
  .filter((f) => CODE.test(f) && (/^(src|integration-tests|bench|scripts|panel)\//.test(f) || !f.includes("/")))
  .map((f) => path.join(ROOT, f))
const known = new Set(tracked.map((f) => path.join(ROOT, f)))

const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs"]
/** The file a relative specifier names, and how it was spelled (extension, index). */
function resolve(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec)
  if (known.has(base)) return { file: base, style: "exact" }
  for (const ext of EXTENSIONS) if (known.has(base + ext)) return { file: base + ext, style: "bare" }
  for (const ext of EXTENSIONS) if (known.has(path.join(base, "index" + ext))) return { file: path.join(base, "index" + ext), style: "index" }
  return null
}

function spell(fromFile, target, style) {
  let rel = path.relative(path.dirname(fromFile), target).split(path.sep).join("/")
  if (style === "bare") rel = rel.replace(/\.(ts|tsx|js|mjs)$/, "")
  if (style === "index") rel = path.dirname(rel) === "." ? "." : rel.replace(/\/index\.(ts|tsx|js|mjs)$/, "")
  return rel.startsWith(".") ? rel : `./${rel}`
}

const SPECIFIER = /((?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|\bjest\.(?:mock|requireActual|doMock)\(\s*|^\s*import\s+))(["'])(\.{1,2}\/[^"']*|\.{1,2})\2/gm

let rewritten = 0
const contents = new Map()
for (const file of codeFiles) {
  const text = fs.readFileSync(file, "utf8")
  const newFile = moved.get(file) ?? file
  const next = text.replace(SPECIFIER, (whole, lead, quote, spec) => {
    const target = resolve(file, spec)
    if (!target) return whole
    const newTarget = moved.get(target.file) ?? target.file
    if (newFile === file && newTarget === target.file) return whole
    return `${lead}${quote}${spell(newFile, newTarget, target.style)}${quote}`
  })
  if (next !== text) {
    contents.set(file, next)
    rewritten++
  }
}

for (const [from, to] of moved) {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  execFileSync("git", ["mv", from, to], { cwd: ROOT })
}
for (const [file, text] of contents) fs.writeFileSync(moved.get(file) ?? file, text)

// Mentions of the old paths in prose (docs, comments), `src/lib/old-name.ts` or `src/lib/old-name`,
// except in this file.
const mentions = [...moved]
  .map(([from, to]) => [path.relative(ROOT, from), path.relative(ROOT, to)])
  .sort((a, b) => b[0].length - a[0].length)
let mentioned = 0
const TEXT = /\.(ts|tsx|js|mjs|cjs|md|json)$/
for (const rel of execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter((f) => TEXT.test(f))) {
  const file = path.join(ROOT, rel)
  if (!fs.existsSync(file) || rel === "scripts/move-files.mjs") continue
  const text = fs.readFileSync(file, "utf8")
  let next = text
  for (const [from, to] of mentions) {
    const stem = from.replace(/\.(ts|tsx|js|mjs)$/, "")
    const newStem = to.replace(/\.(ts|tsx|js|mjs)$/, "")
    const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    next = next.replace(new RegExp(`(?<![\\w./-])${escaped}(?![\\w/-])`, "g"), newStem)
  }
  if (next !== text) {
    fs.writeFileSync(file, next)
    mentioned++
  }
}
console.log(`moved ${moved.size} files; rewrote imports in ${rewritten} files; updated mentions in ${mentioned} files`)
