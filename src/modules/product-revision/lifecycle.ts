/**
 * pending → published (applied to the live product) | rejected (with a reason) | superseded (the
 * cooperative edited again; a new pending revision replaces it) | withdrawn (the product left the
 * store, so its content is edited directly again).
 */
export const REVISION_STATUSES = ["pending", "published", "rejected", "superseded", "withdrawn"] as const
export type RevisionStatus = (typeof REVISION_STATUSES)[number]

/** Product fields shoppers read as the product's content: a change to them on a live product waits for the union. */
export const MODERATED_FIELDS = ["title", "subtitle", "description", "handle", "thumbnail", "images", "origin_country"] as const
export type ModeratedField = (typeof MODERATED_FIELDS)[number]

export type ProductContent = Partial<Record<ModeratedField, unknown>>

/** What is read of a live product: its moderated fields, images as their URLs (a graph row or Medusa's ProductDTO). */
export type LiveProduct = { images?: { url: string }[] | null } & { [F in Exclude<ModeratedField, "images">]?: unknown }

/** What a view reads of a revision (a row of the product_revision model). */
export type RevisionRow = {
  id: string
  status: RevisionStatus
  changes: unknown
  reason?: string | null
  created_at: Date | string
  decided_at?: Date | string | null
}

/** A field's value in one comparable shape: images as their URLs in order, absent and null alike. */
function comparable(field: ModeratedField, value: unknown): unknown {
  if (field === "images") return ((value as { url: string }[] | null | undefined) ?? []).map((i) => i.url)
  return value ?? null
}

const same = (field: ModeratedField, a: unknown, b: unknown) =>
  JSON.stringify(comparable(field, a)) === JSON.stringify(comparable(field, b))

/** The live product's content, in the shape a revision stores it. */
export function liveContent(product: LiveProduct): Record<ModeratedField, unknown> {
  const content = {} as Record<ModeratedField, unknown>
  for (const field of MODERATED_FIELDS) {
    content[field] = field === "images" ? (product.images ?? []).map((i) => ({ url: i.url })) : product[field] ?? null
  }
  return content
}

export type EditPlan = {
  /** Applied to the product now (price-free product fields, status, or everything while it is not live). */
  immediate: Record<string, unknown>
  /** The content changes that must wait for the union, or null when nothing new waits. */
  revision: ProductContent | null
  /** What happens to the revision already waiting, if any. */
  close: "superseded" | "withdrawn" | null
}

/**
 * How a cooperative's edit of its product lands. While the product is not live (draft, proposed,
 * rejected) or the edit takes it out of the store, the edit applies at once, with any waiting
 * revision folded in. While it stays published, content changes wait in a revision (merged over
 * the one already waiting, which it replaces) and the rest applies at once.
 */
export function planProductEdit(
  product: { status: string } & LiveProduct,
  pending: { changes: ProductContent } | null,
  update: Record<string, unknown>
): EditPlan {
  // Only "draft" takes a live product off the store; "proposed" on a live product means "review
  // my changes", which the revision does, so the listing stays.
  const leavesStore = product.status === "published" && update.status === "draft"
  if (product.status !== "published" || leavesStore) {
    return { immediate: { ...(pending?.changes ?? {}), ...update }, revision: null, close: pending ? "withdrawn" : null }
  }
  const immediate: Record<string, unknown> = {}
  const content: ProductContent = {}
  for (const [key, value] of Object.entries(update)) {
    if (key === "status") continue
    if ((MODERATED_FIELDS as readonly string[]).includes(key)) content[key as ModeratedField] = value
    else immediate[key] = value
  }
  if (!Object.keys(content).length) return { immediate, revision: null, close: null }
  const live = liveContent(product)
  const proposed = { ...(pending?.changes ?? {}), ...content }
  const changes: ProductContent = {}
  for (const field of MODERATED_FIELDS) {
    if (field in proposed && !same(field, proposed[field], live[field])) changes[field] = proposed[field]
  }
  if (!Object.keys(changes).length) return { immediate, revision: null, close: pending ? "withdrawn" : null }
  return { immediate, revision: changes, close: pending ? "superseded" : null }
}

export type RevisionView = {
  id: string
  status: RevisionStatus
  /** Only the fields that change. */
  changes: ProductContent
  /** Each changed field, live value beside proposed value: what the union reviews. */
  diff: { field: ModeratedField; live: unknown; proposed: unknown }[]
  /** The whole content as it would read once published. */
  proposed: Record<ModeratedField, unknown>
  reason: string | null
  submitted_at: Date | string
  decided_at: Date | string | null
}

export function revisionView(product: LiveProduct, revision: RevisionRow): RevisionView {
  const live = liveContent(product)
  const changes = (revision.changes ?? {}) as ProductContent
  return {
    id: revision.id,
    status: revision.status,
    changes,
    diff: MODERATED_FIELDS.filter((f) => f in changes).map((field) => ({ field, live: live[field], proposed: changes[field] })),
    proposed: { ...live, ...changes },
    reason: revision.reason ?? null,
    submitted_at: revision.created_at,
    decided_at: revision.decided_at ?? null,
  }
}
