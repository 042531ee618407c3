import fs from "node:fs"
import path from "node:path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"

// The cooperative panel (panel/, a Vite + React app) is served here from its production build, in
// `npm run dev` (scripts/dev.mjs builds it first) and `npm start` alike: one code path, same origin
// as /vendor. Hashed files under assets/ are cached for a year; every other path under /cooperative
// answers index.html (the panel routes on the client). index.html is the file Vite wrote: nothing
// from a request or the database is ever put into it.

export const PANEL_PATH = "/cooperative"

/** Where the build is: PANEL_DIST, else public/cooperative of the built server (cwd .medusa/server), else of the source tree. */
export function panelDirectory(): string | null {
  const candidates = [
    process.env.PANEL_DIST,
    path.join(process.cwd(), "public/cooperative"),
    path.join(process.cwd(), ".medusa/server/public/cooperative"),
  ].filter((c): c is string => !!c)
  return candidates.find((dir) => fs.existsSync(path.join(dir, "index.html"))) ?? null
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json; charset=utf-8",
}

/** The app's own scripts and styles only; images may come from the file module's host (uploads). */
export const PANEL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ")

function commonHeaders(res: MedusaResponse) {
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Referrer-Policy", "same-origin")
}

function sendFile(req: MedusaRequest, res: MedusaResponse, file: string, type: string, cache: string) {
  commonHeaders(res)
  res.setHeader("Content-Type", type)
  res.setHeader("Cache-Control", cache)
  res.setHeader("Vary", "Accept-Encoding")
  // The build writes a .gz beside every text file; Medusa's own compression is off by default.
  const gz = `${file}.gz`
  const acceptsGzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))
  const body = acceptsGzip && fs.existsSync(gz) ? gz : file
  if (body === gz) res.setHeader("Content-Encoding", "gzip")
  res.setHeader("Content-Length", String(fs.statSync(body).size))
  res.status(200)
  if (req.method === "HEAD") return res.end()
  fs.createReadStream(body).pipe(res)
}

export function servePanel(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "GET" && req.method !== "HEAD") return next()
  const dir = panelDirectory()
  if (!dir) {
    commonHeaders(res)
    res.setHeader("Content-Type", "text/plain; charset=utf-8")
    res.setHeader("Cache-Control", "no-store")
    return res.status(503).end("The cooperative panel is not built: run `npm run build` (or `npm run dev`).\n")
  }
  // req.path is relative to the mount point; a malformed %-sequence is simply not a file.
  let rel: string
  try {
    rel = decodeURIComponent(req.path)
  } catch {
    rel = ""
  }
  if (rel.startsWith("/assets/") || rel === "/favicon.svg") {
    const file = path.join(dir, path.normalize(rel))
    const ext = path.extname(file)
    if (file.startsWith(dir + path.sep) && TYPES[ext] && !rel.includes("\0") && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return sendFile(req, res, file, TYPES[ext], rel.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600")
    }
    commonHeaders(res)
    res.setHeader("Content-Type", "text/plain; charset=utf-8")
    return res.status(404).end("Not found\n")
  }
  // Any other path is a page of the panel: the same index.html, never cached (it names the current assets).
  res.setHeader("Content-Security-Policy", PANEL_CSP)
  res.setHeader("X-Frame-Options", "DENY")
  return sendFile(req, res, path.join(dir, "index.html"), "text/html; charset=utf-8", "no-cache")
}

export const panelMiddlewares: MiddlewareRoute[] = [{ matcher: PANEL_PATH, middlewares: [servePanel] }]
