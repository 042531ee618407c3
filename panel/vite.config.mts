import react from "@vitejs/plugin-react"
import autoprefixer from "autoprefixer"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import zlib from "node:zlib"
import tailwindcss from "tailwindcss"
import { defineConfig, type Plugin } from "vite"

// The cooperative panel, served by coopstall at /cooperative (src/api/cooperative/middlewares.ts).
// `npm run build` writes it beside the built server (.medusa/server/public/cooperative);
// PANEL_OUT_DIR puts it elsewhere (the browser test builds into its own server copy).

const require = createRequire(import.meta.url)
const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, "..")
const outDir = path.resolve(root, process.env.PANEL_OUT_DIR || ".medusa/server/public/cooperative")

/** Writes a .gz beside every text file (the server sends it when the browser accepts gzip) and reports the first load's JS. */
function gzipAndReport(): Plugin {
  let firstLoad = { files: [] as string[], gzip_bytes: 0 }
  let pages: { page: string; files: string[]; gzip_bytes: number }[] = []
  return {
    name: "coopstall-panel-gzip",
    apply: "build",
    generateBundle(_options, bundle) {
      // The entry and every chunk it imports statically, plus the heaviest page opened first (a lazy
      // chunk and its static imports): what the browser fetches before the first page shows.
      const closure = (start: string[]) => {
        const seen = new Set<string>()
        const visit = (name: string) => {
          const chunk = bundle[name]
          if (!chunk || chunk.type !== "chunk" || seen.has(name)) return
          seen.add(name)
          chunk.imports.forEach(visit)
        }
        start.forEach(visit)
        return seen
      }
      const entry = Object.values(bundle).find((c) => c.type === "chunk" && c.isEntry)
      if (!entry || entry.type !== "chunk") return
      const shell = closure([entry.fileName])
      const size = (names: Set<string>) => [...names].reduce((n, f) => n + zlib.gzipSync((bundle[f] as { code: string }).code, { level: 9 }).length, 0)
      pages = entry.dynamicImports.map((page) => {
        const files = closure([entry.fileName, page])
        return { page, files: [...files], gzip_bytes: size(files) }
      })
      firstLoad = { files: [...shell], gzip_bytes: size(shell) }
    },
    writeBundle(options) {
      const dir = options.dir!
      const walk = (d: string): string[] =>
        fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
      for (const file of walk(dir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 9 }))
      }
      const heaviest = pages.reduce((a, b) => (b.gzip_bytes > a.gzip_bytes ? b : a), { page: "", files: [], gzip_bytes: 0 })
      const report = { shell: firstLoad, heaviest_first_page: heaviest, pages: pages.map(({ page, gzip_bytes }) => ({ page, gzip_bytes })) }
      fs.writeFileSync(path.join(dir, "size.json"), JSON.stringify(report, null, 2))
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
      console.log(`panel: first load ${kb(firstLoad.gzip_bytes)} gzipped JS (shell), ${kb(heaviest.gzip_bytes)} with the heaviest page (${heaviest.page})`)
    },
  }
}

export default defineConfig({
  root: here,
  base: "/cooperative/",
  plugins: [react(), gzipAndReport()],
  css: {
    postcss: {
      plugins: [
        tailwindcss({
          presets: [require("@medusajs/ui-preset")],
          content: [path.join(here, "index.html"), path.join(here, "src/**/*.{ts,tsx}"), path.join(root, "node_modules/@medusajs/ui/dist/esm/**/*.js")],
          darkMode: "class",
        }),
        autoprefixer(),
      ],
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2020",
    chunkSizeWarningLimit: 600,
    reportCompressedSize: false,
  },
})
