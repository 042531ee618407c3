import type { Stats } from "fs"
import type { ServerResponse } from "http"
import path from "path"
import type serveStatic from "serve-static"
import { expectFunction, packageDir, packageFileText, probe } from "./shape"

// Medusa's express loader mounts `app.use("/static", express.static(<root>/static))` before any
// project middleware, and takes no options for it: a middleware in src/api/middlewares.ts runs only
// when no file matched, so it cannot put headers on a file that is served. This wraps
// `express.static` before that loader runs (medusa-config.ts calls installInertStatic()), so the
// `/static` server it creates also sets our headers on every file it sends (serve-static's
// `setHeaders`, which runs before `send` picks a Content-Type and keeps one already set).
// Contract test: integration-tests/http/uploads.spec.ts fetches files through the running server.

/** Types a browser may display in place: raster images only. Everything else is downloaded. */
const INLINE_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".avif": "image/avif",
}
const ATTACHMENT_TYPES: Record<string, string> = { ".pdf": "application/pdf" }

/** No script, no plugin, no form, no same-origin: even a document that slipped through cannot act. */
export const STATIC_FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

/** The headers that keep one stored file inert, chosen from its name alone (never from its bytes). */
export function inertFileHeaders(filePath: string): Record<string, string> {
  const ext = path.extname(filePath).toLowerCase()
  const inline = INLINE_TYPES[ext]
  return {
    "Content-Type": inline ?? ATTACHMENT_TYPES[ext] ?? "application/octet-stream",
    "Content-Disposition": inline ? "inline" : "attachment",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": STATIC_FILE_CSP,
  }
}

let installed = false
/** express's own static, kept to check its shape once the wrapper has replaced it. */
let originalStatic: typeof serveStatic | null = null
const wrappedRoots: string[] = []

/** Wraps express.static once; only the server Medusa mounts on `<root>/static` gets the headers. */
export function installInertStatic() {
  if (installed) return
  installed = true
  // The same module instance Medusa's express loader requires (express is hoisted once).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the mutable CommonJS module object itself, to replace its export
  const express = require("express") as { static: typeof serveStatic }
  const original = express.static
  originalStatic = original
  const inertStatic = function (root: string, options: serveStatic.ServeStaticOptions<ServerResponse> = {}) {
    if (path.basename(path.resolve(root)) !== "static") return original(root, options)
    wrappedRoots.push(path.resolve(root))
    const own = options.setHeaders
    return original(root, {
      ...options,
      setHeaders(res: ServerResponse, filePath: string, stat: Stats) {
        own?.(res, filePath, stat)
        for (const [name, value] of Object.entries(inertFileHeaders(filePath))) res.setHeader(name, value)
      },
    })
  }
  Object.assign(inertStatic, original)
  express.static = inertStatic as typeof serveStatic
}

/** Whether Medusa's `/static` server was created through the wrapper (checked before accepting uploads). */
export function inertStaticActive() {
  return wrappedRoots.length > 0
}

/**
 * The shapes the wrapper relies on: Medusa's express loader mounts `/static` through
 * `express.static` of the express this file requires (one hoisted copy), read off the module when
 * the loader runs (after medusa-config.ts installed the wrapper), and `express.static` still takes
 * (root, options) with serve-static's `setHeaders`.
 */
export function checkInertStatic(): string[] {
  return probe(() => {
    const problems: string[] = []
    const loaderFile = "dist/http/express-loader.js"
    const loader = packageFileText("@medusajs/framework", loaderFile)
    if (loader.problem) return [loader.problem]
    if (!/app\.use\("\/static", express_\d+\.default\.static\(/.test(loader.text!)) {
      problems.push(`${loaderFile} no longer mounts /static with express.static read at call time`)
    }
    const ours = require.resolve("express")
    const medusas = require.resolve("express", { paths: [packageDir("@medusajs/framework")] })
    if (ours !== medusas) problems.push(`Medusa's express (${medusas}) is not the one we wrap (${ours})`)
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same module object installInertStatic changes
    const express = require("express") as { static?: unknown }
    problems.push(...expectFunction({ static: originalStatic ?? express.static }, "static", 2, "express"))
    return problems
  })
}
