import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createHash } from "crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs"
import path from "path"
import { toHandle } from "../lib/text"
import { updateCooperativeWorkflow } from "../workflows/cooperative/update-cooperative"
import { DEMO_COOPERATIVES, demoLogoFile, demoProductImageFile } from "./demo-catalog"

// The committed pictures (scripts/demo-images.mjs draws them) are copied under <cwd>/static/demo/,
// the directory Medusa serves at /static (through src/medusa-internals/inert-static.ts, so with an
// image Content-Type) and where the local file provider keeps uploads. Not uploaded through the
// file module: its local provider stamps every key with Date.now(), so each fresh database (every
// HTTP spec seeds one) would add another copy. Names carry a hash of the content, so copying is
// idempotent and a redrawn picture gets a new URL.
const SOURCE_DIR = path.join(__dirname, "demo-images")
const PUBLIC_DIR = "demo"
/** Marks a URL as the seed's own, so a second run may refresh it but never replaces a cooperative's own picture. */
const isDemoUrl = (url: string | null | undefined) => !url || url.includes(`/static/${PUBLIC_DIR}/`)

const backendUrl = () => (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")

/** Copies one committed picture into the static directory (once) and returns its public URL. */
export function publishDemoImage(file: string) {
  const source = path.join(SOURCE_DIR, file)
  if (!existsSync(source)) throw new Error(`No demo picture ${file}: draw it with \`node scripts/demo-images.mjs\` and commit it.`)
  const content = readFileSync(source)
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10)
  const ext = path.extname(file)
  const name = `${path.basename(file, ext)}-${hash}${ext}`
  const dir = path.resolve(process.cwd(), "static", PUBLIC_DIR)
  mkdirSync(dir, { recursive: true })
  if (!existsSync(path.join(dir, name))) writeFileSync(path.join(dir, name), content)
  return `${backendUrl()}/static/${PUBLIC_DIR}/${name}`
}

/**
 * Gives every demo product its picture (thumbnail and images) and every demo cooperative its logo,
 * through the workflows the API uses (so the search index follows). Idempotent: what already points
 * at the right URL is left alone; a product or cooperative with a picture of its own is never touched.
 */
export async function seedDemoImages(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const handles = DEMO_COOPERATIVES.map((c) => c.handle)
  const { data: cooperatives } = await query.graph({
    entity: "cooperative",
    fields: ["id", "handle", "logo_url", "products.id", "products.handle", "products.thumbnail", "products.images.url"],
    filters: { handle: handles },
  })
  let changed = 0
  for (const demo of DEMO_COOPERATIVES) {
    const cooperative = (cooperatives as any[]).find((c) => c.handle === demo.handle)
    if (!cooperative) continue
    const logo = publishDemoImage(demoLogoFile(demo))
    if (cooperative.logo_url !== logo && isDemoUrl(cooperative.logo_url)) {
      await updateCooperativeWorkflow(container).run({ input: { cooperative_id: cooperative.id, update: { logo_url: logo } } })
      changed++
    }
    const updates = demo.products.flatMap((product) => {
      const existing = (cooperative.products ?? []).find((p: any) => p?.handle === `${toHandle(product.title)}-${demo.handle}`)
      if (!existing) return []
      const url = publishDemoImage(demoProductImageFile(product))
      const images = (existing.images ?? []).map((i: any) => i.url)
      const current = existing.thumbnail === url && images.length === 1 && images[0] === url
      if (current || !isDemoUrl(existing.thumbnail) || !images.every(isDemoUrl)) return []
      return [{ id: existing.id, thumbnail: url, images: [{ url }] }]
    })
    if (updates.length) {
      await updateProductsWorkflow(container).run({ input: { products: updates } })
      changed += updates.length
    }
  }
  return changed
}
