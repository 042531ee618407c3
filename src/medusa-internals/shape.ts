import fs from "fs"
import path from "path"

// Small probes the touch points use to say whether the Medusa they were written against is still
// the one installed. Each returns problems as sentences (empty when the shape is there) instead of
// throwing, so one start-up check can name every broken touch point at once.

/** The package directory of an installed package, found from its main entry (its package.json may not be exported). */
export function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name))
  while (!fs.existsSync(path.join(dir, "package.json")) || readJson(path.join(dir, "package.json")).name !== name) {
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`cannot find the package.json of ${name}`)
    dir = up
  }
  return dir
}

function readJson(file: string): { name?: string; version?: string } {
  return JSON.parse(fs.readFileSync(file, "utf8"))
}

/** The installed version of a package ("missing" when it cannot be found). */
export function packageVersion(name: string): string {
  try {
    return readJson(path.join(packageDir(name), "package.json")).version ?? "unknown"
  } catch {
    return "missing"
  }
}

/** The Medusa version every start-up message names: @medusajs/framework's. */
export function medusaVersion(): string {
  return packageVersion("@medusajs/framework")
}

/** Loads a file of a package's build output by path (outside its `exports`), or says why not. */
export function loadPackageFile(pkg: string, file: string): { module?: Record<string, unknown>; problem?: string } {
  try {
    const full = path.join(packageDir(pkg), file)
    if (!fs.existsSync(full)) return { problem: `${pkg}/${file} does not exist` }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- by file path is the point: these files are outside the package's exports
    return { module: require(full) as Record<string, unknown> }
  } catch (err) {
    return { problem: `${pkg}/${file} cannot be loaded: ${(err as Error).message}` }
  }
}

/** The text of a file of a package's build output (to check how Medusa's own code uses something). */
export function packageFileText(pkg: string, file: string): { text?: string; problem?: string } {
  try {
    const full = path.join(packageDir(pkg), file)
    if (!fs.existsSync(full)) return { problem: `${pkg}/${file} does not exist` }
    return { text: fs.readFileSync(full, "utf8") }
  } catch (err) {
    return { problem: `${pkg}/${file} cannot be read: ${(err as Error).message}` }
  }
}

type Callable = (...args: never[]) => unknown

/** `owner[name]` is a function taking `arity` declared parameters (Function.length). */
export function expectFunction(owner: unknown, name: string, arity: number | null, where: string): string[] {
  const value = owner && (owner as Record<string, unknown>)[name]
  if (typeof value !== "function") return [`${where}.${name} is not a function (found ${typeof value})`]
  if (arity !== null && (value as Callable).length !== arity) {
    return [`${where}.${name} takes ${(value as Callable).length} parameters, expected ${arity}`]
  }
  return []
}

/**
 * The compiled source of a function still mentions each word: the cheapest way to notice that
 * untyped JavaScript we rely on stopped reading or writing a field (a rename shows up here).
 */
export function expectMentions(fn: unknown, words: string[], where: string): string[] {
  if (typeof fn !== "function") return [`${where} is not a function`]
  const source = Function.prototype.toString.call(fn)
  return words.filter((w) => !source.includes(w)).map((w) => `${where} no longer mentions \`${w}\``)
}

/** Runs a probe; an exception is a problem too. */
export function probe(run: () => string[]): string[] {
  try {
    return run()
  } catch (err) {
    return [(err as Error).message]
  }
}
