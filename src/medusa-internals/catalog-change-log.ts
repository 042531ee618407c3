import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

// What changed in anything a store product answer is made of, recorded by PostgreSQL itself,
// inside the writing transaction (no event bus, no race with the answer the writer gets back, and
// every server process sees every other one's writes):
//
// - `catalog_change_product` (xid, product_id, kind): for the tables whose rows name a product,
//   directly or through a variant, a price set or an inventory item (PRODUCT_TABLES), statement
//   triggers read the written rows (transition tables) and record which products they touch.
// - `catalog_change` (xid): for every other table of the schema, except those that never feed a
//   product answer (carts, orders, payments, auth, workflows…), a statement trigger records that
//   the transaction changed "something" (a region, a tax rate, a cooperative, a category's name…).
//
// One row per transaction (and product): distinct keys, so concurrent writers never wait on each
// other. A reader notes its snapshot before it reads; later, "what changed since?" is one indexed
// query: the committed rows whose transaction that snapshot did not see.

const LOG_TABLE = "catalog_change"
const PRODUCT_LOG_TABLE = "catalog_change_product"
const TRIGGER = "catalog_change_log"
const PRODUCT_TRIGGERS = { INSERT: "catalog_change_ins", UPDATE: "catalog_change_upd", DELETE: "catalog_change_del" } as const

/**
 * What a change to a product can alter in a list answer (GET /store/products?…):
 * - `stock`: only its variants' available quantities (`inventory_quantity`: stocked and reserved
 *   quantities of inventory levels; every purchase reserves some);
 * - `value`: what the product shows (prices, stock, images), never which products a list holds
 *   or their order;
 * - `variant`: also which products match `q` (Medusa searches variant titles and SKUs);
 * - `product`: which products any list holds (status, handle, collection, sales channel,
 *   category, cooperative, certificates…).
 */
export type ProductChangeKind = "stock" | "value" | "variant" | "product"

const VARIANT = (col: string) => `SELECT v.product_id FROM product_variant v WHERE v.id IN (SELECT ${col} FROM $rows)`
const PRICE_SET = (from: string) =>
  `SELECT v.product_id FROM product_variant_price_set l JOIN product_variant v ON v.id = l.variant_id WHERE l.price_set_id IN (${from})`
const INVENTORY_ITEM = (from: string) =>
  `SELECT v.product_id FROM product_variant_inventory_item l JOIN product_variant v ON v.id = l.variant_id WHERE l.inventory_item_id IN (${from})`

/**
 * Tables whose rows lead to the products they change, and how (`$rows`: the written rows). A table
 * not listed here is logged as "something changed" (every kept answer is dropped): a table listed
 * wrongly here would serve stale answers, so each entry names its product or the variant, price set
 * or inventory item that leads to it, through the same links Medusa's query follows.
 */
const PRODUCT_TABLES: Record<string, { kind: ProductChangeKind; products: string }> = {
  price: { kind: "value", products: PRICE_SET("SELECT price_set_id FROM $rows") },
  price_set: { kind: "value", products: PRICE_SET("SELECT id FROM $rows") },
  price_rule: { kind: "value", products: PRICE_SET("SELECT p.price_set_id FROM price p WHERE p.id IN (SELECT price_id FROM $rows)") },
  product_variant_price_set: { kind: "value", products: VARIANT("variant_id") },
  inventory_level: { kind: "stock", products: INVENTORY_ITEM("SELECT inventory_item_id FROM $rows") },
  inventory_item: { kind: "value", products: INVENTORY_ITEM("SELECT id FROM $rows") },
  product_variant_inventory_item: { kind: "value", products: VARIANT("variant_id") },
  image: { kind: "value", products: "SELECT product_id FROM $rows" },
  product_variant_product_image: { kind: "value", products: VARIANT("variant_id") },
  product_variant: { kind: "variant", products: "SELECT product_id FROM $rows" },
  product_variant_option: { kind: "variant", products: VARIANT("variant_id") },
  product: { kind: "product", products: "SELECT id FROM $rows" },
  product_sales_channel: { kind: "product", products: "SELECT product_id FROM $rows" },
  product_category_product: { kind: "product", products: "SELECT product_id FROM $rows" },
  product_tags: { kind: "product", products: "SELECT product_id FROM $rows" },
  product_product_option: { kind: "product", products: "SELECT product_id FROM $rows" },
  product_product_option_value: {
    kind: "product",
    products: "SELECT o.product_id FROM product_product_option o WHERE o.id IN (SELECT product_product_option_id FROM $rows)",
  },
  product_shipping_profile: { kind: "product", products: "SELECT product_id FROM $rows" },
  cooperative_cooperative_product_product: { kind: "product", products: "SELECT product_id FROM $rows" },
  certificate_product: { kind: "product", products: "SELECT product_id FROM $rows" },
}

/**
 * Tables that never feed GET /store/products(/:id), by name prefix. A table missing here only costs
 * cache hits (its writes invalidate needlessly); a table wrongly listed here would serve stale
 * answers, so the list stays short and obvious. Reservations are out: Medusa keeps the reserved
 * quantity on inventory_level, which is in. `cat_` and `index_` are the Index module's own copy.
 */
const NOT_CATALOG_PREFIXES = [
  LOG_TABLE, "cart", "order", "line_item", "return", "claim", "exchange", "refund", "capture", "payment",
  "fulfillment", "shipping", "service_zone", "geo_zone", "reservation", "workflow_execution", "auth_",
  "provider_identity", "user", "invite", "customer", "notification", "promotion", "application_method",
  "credit_line", "mikro_orm_migrations", "script_migrations", "link_module_migrations", "index_", "cat_",
  "ledger", "payout", "cod_", "order_group", "idempotency", "session", "view_configuration", "user_preference",
  "locking", "trace_event", "scan", "search_", "medusa_search", "upload",
  // Lots carry the trace pages' scan counter, written every few seconds while shoppers scan QR
  // codes; no product answer reads lots, and logging them emptied every kept answer each time.
  "lot",
  // Written by every purchase (the cooperative↔order link, a Stripe customer) or by the union's
  // and cooperatives' desks; a product answer shows none of them (its cooperative's public fields
  // come from `cooperative` itself). Logged, each purchase emptied every kept answer.
  "cooperative_cooperative_order_order", "account_holder", "commission_rate", "cooperative_return",
  "cooperative_invite", "cooperative_user",
  // One row per successful /vendor write (who did what): logged, every restock emptied the cache.
  "cooperative_activity", "union_handoff",
]

let installed: Promise<void> | null = null

function knex(container: MedusaContainer) {
  return container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
}

type Db = ReturnType<typeof knex>

/** Creates the log tables and the triggers (idempotent; once per process, serialised across processes). */
export function ensureCatalogChangeLog(container: MedusaContainer): Promise<void> {
  installed ??= install(container).catch((err) => {
    installed = null
    throw err
  })
  return installed
}

const LOCK = "SELECT pg_advisory_xact_lock(hashtext('coopstall.catalog_change_log'))"

const productFunction = (table: string) => `${TRIGGER}_${table}`

function productFunctionSql(table: string, { kind, products }: { kind: ProductChangeKind; products: string }) {
  const insert = (rows: string) =>
    `INSERT INTO ${PRODUCT_LOG_TABLE} (xid, product_id, kind)
       SELECT DISTINCT pg_current_xact_id(), p.product_id, '${kind}' FROM (${rows}) AS p(product_id)
        WHERE p.product_id IS NOT NULL
     ON CONFLICT DO NOTHING;`
  const from = (rows: string) => products.replaceAll("$rows", rows)
  return `
    CREATE OR REPLACE FUNCTION ${productFunction(table)}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN ${insert(from("new_rows"))}
      ELSIF TG_OP = 'DELETE' THEN ${insert(from("old_rows"))}
      ELSE ${insert(`${from("new_rows")} UNION ${from("old_rows")}`)}
      END IF;
      RETURN NULL;
    END $$`
}

async function install(container: MedusaContainer) {
  const db = knex(container)
  await db.transaction(async (trx) => {
    await trx.raw(LOCK)
    await trx.raw(`CREATE TABLE IF NOT EXISTS ${LOG_TABLE} (xid xid8 PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`)
    await trx.raw(
      `CREATE TABLE IF NOT EXISTS ${PRODUCT_LOG_TABLE} (
         xid xid8 NOT NULL, product_id text NOT NULL, kind text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (xid, product_id, kind))`
    )
    await trx.raw(`CREATE INDEX IF NOT EXISTS ${PRODUCT_LOG_TABLE}_created_at ON ${PRODUCT_LOG_TABLE} (created_at)`)
    await trx.raw(`CREATE INDEX IF NOT EXISTS ${LOG_TABLE}_created_at ON ${LOG_TABLE} (created_at)`)
    await trx.raw(`
      CREATE OR REPLACE FUNCTION ${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ${LOG_TABLE} (xid) VALUES (pg_current_xact_id()) ON CONFLICT (xid) DO NOTHING;
        RETURN NULL;
      END $$`)
  })
  const { rows } = await db.raw(
    `SELECT c.relname AS name, c.relkind AS kind,
            coalesce(array_agg(t.tgname::text ORDER BY t.tgname) FILTER (WHERE t.tgname IS NOT NULL), '{}') AS triggers
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname LIKE 'catalog_change%'
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      GROUP BY c.relname, c.relkind`
  )
  // One table per transaction: creating a trigger locks its table against writes, and holding
  // several such locks at once could deadlock with a write transaction touching two of them.
  for (const { name, kind, triggers } of rows as { name: string; kind: string; triggers: string[] }[]) {
    if (!isCatalogTable(name)) {
      // A table that has left the catalog since an earlier version logged it loses its triggers.
      if (triggers.length) {
        await db.transaction(async (trx: any) => {
          await trx.raw(LOCK)
          for (const trigger of [TRIGGER, ...Object.values(PRODUCT_TRIGGERS)]) await trx.raw(`DROP TRIGGER IF EXISTS ${trigger} ON ??`, [name])
        })
      }
      continue
    }
    const mapped = kind === "r" ? PRODUCT_TABLES[name] : undefined
    if (mapped && (await productMappingWorks(db, name, mapped.products))) {
      await db.transaction(async (trx) => {
        await trx.raw(LOCK)
        await trx.raw(productFunctionSql(name, mapped))
        for (const [event, trigger] of Object.entries(PRODUCT_TRIGGERS)) {
          const referencing = event === "INSERT" ? "NEW TABLE AS new_rows" : event === "DELETE" ? "OLD TABLE AS old_rows" : "OLD TABLE AS old_rows NEW TABLE AS new_rows"
          await trx.raw(
            `CREATE OR REPLACE TRIGGER ${trigger} AFTER ${event} ON ?? REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${productFunction(name)}()`,
            [name]
          )
        }
        // TRUNCATE has no rows to read: it counts as "something changed".
        await trx.raw(`CREATE OR REPLACE TRIGGER ${TRIGGER} AFTER TRUNCATE ON ?? FOR EACH STATEMENT EXECUTE FUNCTION ${TRIGGER}()`, [name])
      })
      continue
    }
    if (triggers.includes(TRIGGER) && !Object.values(PRODUCT_TRIGGERS).some((t) => triggers.includes(t))) continue
    await db.transaction(async (trx) => {
      await trx.raw(LOCK)
      for (const trigger of Object.values(PRODUCT_TRIGGERS)) await trx.raw(`DROP TRIGGER IF EXISTS ${trigger} ON ??`, [name])
      await trx.raw(
        `CREATE OR REPLACE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ?? FOR EACH STATEMENT EXECUTE FUNCTION ${TRIGGER}()`,
        [name]
      )
    })
  }
}

/**
 * A trigger that fails fails the write it belongs to: its query is planned against the table
 * itself first, and a table whose columns or links are not what PRODUCT_TABLES expects (a later
 * Medusa renamed one) falls back to "something changed".
 */
async function productMappingWorks(db: Db, table: string, products: string): Promise<boolean> {
  try {
    await db.raw(`EXPLAIN ${products.replaceAll("$rows", `"${table}"`)}`)
    return true
  } catch {
    return false
  }
}

/** After a failed query (the table was dropped, as between integration tests): install again on next use. */
export function forgetCatalogChangeLog() {
  installed = null
}

export function isCatalogTable(name: string): boolean {
  return !NOT_CATALOG_PREFIXES.some((prefix) => name.startsWith(prefix))
}

/** The reader's snapshot, to note before reading what will be kept. */
export async function catalogSnapshot(container: MedusaContainer): Promise<string> {
  const { rows } = await knex(container).raw("SELECT pg_current_snapshot()::text AS snapshot")
  return rows[0].snapshot
}

/** More product changes than this since a snapshot count as "everything changed". */
const MAX_PRODUCT_CHANGES = 2000

export type CatalogChanges = {
  /** Something not tied to products changed (or too many products did). */
  all: boolean
  /** Each changed product with what its change can alter. */
  products: Map<string, Set<ProductChangeKind>>
  /** A snapshot that saw everything this answer reports: the next question can start from it. */
  now: string
}

/**
 * For each snapshot, what committed since it was taken, in one query. Concurrent callers share
 * the next query that starts after they asked, so a burst of hits costs one round trip, never an
 * answer older than the request.
 */
export function changesSince(container: MedusaContainer, snapshots: string[]): Promise<CatalogChanges[]> {
  return batcher(container).ask(snapshots)
}

/** Whether anything at all changed since each snapshot. */
export async function changedSince(container: MedusaContainer, snapshots: string[]): Promise<boolean[]> {
  return (await changesSince(container, snapshots)).map((c) => c.all || c.products.size > 0)
}

type Waiter = { snapshots: string[]; resolve: (changes: CatalogChanges[]) => void; reject: (err: unknown) => void }
let shared: { ask(snapshots: string[]): Promise<CatalogChanges[]> } | null = null

function batcher(container: MedusaContainer) {
  shared ??= (() => {
    let running = false
    let queue: Waiter[] = []
    const flush = async () => {
      running = true
      const batch = queue
      queue = []
      try {
        const distinct = [...new Set(batch.flatMap((w) => w.snapshots))]
        // `now`: this statement's own snapshot, which is the one its reads of the log use.
        const { rows } = await knex(container).raw(
          `SELECT s.snapshot, pg_current_snapshot()::text AS now,
                  EXISTS (
                    SELECT 1 FROM ${LOG_TABLE} c
                     WHERE c.xid >= pg_snapshot_xmin(s.snapshot::pg_snapshot)
                       AND NOT pg_visible_in_snapshot(c.xid, s.snapshot::pg_snapshot)
                  ) AS all_changed,
                  (SELECT coalesce(json_agg(json_build_array(x.product_id, x.kind)), '[]'::json) FROM (
                     SELECT p.product_id, p.kind FROM ${PRODUCT_LOG_TABLE} p
                      WHERE p.xid >= pg_snapshot_xmin(s.snapshot::pg_snapshot)
                        AND NOT pg_visible_in_snapshot(p.xid, s.snapshot::pg_snapshot)
                      LIMIT ${MAX_PRODUCT_CHANGES + 1}
                   ) x) AS products
             FROM unnest(?::text[]) AS s(snapshot)`,
          [distinct]
        )
        const bySnapshot = new Map<string, CatalogChanges>(
          (rows as { snapshot: string; all_changed: boolean; products: unknown; now: string }[]).map((r) => {
            const pairs = r.products as [string, ProductChangeKind][]
            const products = new Map<string, Set<ProductChangeKind>>()
            for (const [id, kind] of pairs) {
              if (!products.has(id)) products.set(id, new Set())
              products.get(id)!.add(kind)
            }
            return [r.snapshot, { all: r.all_changed || pairs.length > MAX_PRODUCT_CHANGES, products, now: r.now }]
          })
        )
        for (const w of batch) w.resolve(w.snapshots.map((s) => bySnapshot.get(s) ?? { all: true, products: new Map(), now: s }))
      } catch (err) {
        for (const w of batch) w.reject(err)
      } finally {
        running = false
        if (queue.length) void flush()
      }
    }
    return {
      ask(snapshots: string[]) {
        return new Promise<CatalogChanges[]>((resolve, reject) => {
          queue.push({ snapshots, resolve, reject })
          if (!running) void flush()
        })
      },
    }
  })()
  return shared
}

let lastPrune = 0
/** Forgets changes older than an hour (no kept answer's snapshot is that old), at most once a minute. */
export async function pruneCatalogChanges(container: MedusaContainer) {
  if (Date.now() - lastPrune < 60_000) return
  lastPrune = Date.now()
  const db = knex(container)
  await db.raw(`DELETE FROM ${LOG_TABLE} WHERE created_at < now() - interval '1 hour'`)
  await db.raw(`DELETE FROM ${PRODUCT_LOG_TABLE} WHERE created_at < now() - interval '1 hour'`)
}
