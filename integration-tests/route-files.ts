import fs from "node:fs"
import path from "node:path"

export type RouteMethod = "GET" | "POST" | "DELETE" | "PUT" | "PATCH"
export type RouteFile = { method: RouteMethod; template: string; params: string[] }

const API_ROOT = path.join(__dirname, "../src/api")

/**
 * Every method that a route file under src/api/<under> exports, read from the files themselves so a
 * route added later is covered by the specs that walk them (`template` keeps `[param]` segments).
 */
export function routeFiles(under = ""): RouteFile[] {
  const routes: RouteFile[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^route\.[jt]s$/.test(entry.name)) {
        const segments = path.relative(API_ROOT, dir).split(path.sep).filter(Boolean)
        const params = segments.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1))
        const source = fs.readFileSync(full, "utf8")
        for (const [, method] of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|DELETE|PUT|PATCH)\b/g)) {
          routes.push({ method: method as RouteMethod, template: "/" + segments.join("/"), params })
        }
      }
    }
  }
  walk(path.join(API_ROOT, under))
  return routes
}
