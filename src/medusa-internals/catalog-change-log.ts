import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

// Which transactions changed anything a store product answer is made of, recorded by PostgreSQL
// itself: a statement trigger on every table of the schema except those that never feed a product
// answer (carts, orders, payments, auth, workflows…) writes the writing transaction's id into
// `catalog_change` (one row per transaction; distinct keys, so concurrent writers never wait on
// each other). A reader notes its snapshot before it reads; later, "did anything change since?"
// is one indexed query: a committed change row whose transaction that snapshot did not see.
// Because the log is written inside the writing transaction, a change is visible to that question
// exactly when it is visible to the data itself: no event bus, no race with the answer the writer
// gets back, and every server process sees every other one's writes.

const LOG_TABLE = "catalog_change"
const TRIGGER = "catalog_change_log"

/**
 * Tables that never feed GET /store/products(/:id), by name prefix. A table missing here only costs
 * cache hits (its writes invalidate needlessly); a table wrongly listed here would serve stale
 * answers, so the list stays short and obvious. Reservations are out: Medusa keeps the reserved
 * quantity on inventory_level, which is in.
 */
const NOT_CATALOG_PREFIXES = [
  LOG_TABLE, "cart", "order", "line_item", "return", "claim", "exchange", "refund", "capture", "payment",
  "fulfillment", "shipping", "service_zone", "geo_zone", "reservation", "workflow_execution", "auth_",
  "provider_identity", "user", "invite", "customer", "notification", "promotion", "application_method",
  "credit_line", "mikro_orm_migrations", "script_migrations", "link_module_migrations", "index_",
  "ledger", "payout", "cod_", "order_group", "idempotency", "session", "view_configuration", "user_preference",
  "locking", "trace_event", "scan", "search_", "medusa_search", "upload",
  // Lots carry the trace pages' scan counter, written every few seconds while shoppers scan QR
  // codes; no product answer reads lots, and logging them emptied every kept answer each time.
  "lot",
]

let installed: Promise<void> | null = null

function knex(container: MedusaContainer) {
  return container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
}

/** Creates the log table and the triggers (idempotent; once per process, serialised across processes). */
export function ensureCatalogChangeLog(container: MedusaContainer): Promise<void> {
  installed ??= install(container).catch((err) => {
    installed = null
    throw err
  })
  return installed
}

const LOCK = "SELECT pg_advisory_xact_lock(hashtext('coopstall.catalog_change_log'))"

async function install(container: MedusaContainer) {
  const db = knex(container)
  await db.transaction(async (trx: any) => {
    await trx.raw(LOCK)
    await trx.raw(`CREATE TABLE IF NOT EXISTS ${LOG_TABLE} (xid xid8 PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`)
    await trx.raw(`
      CREATE OR REPLACE FUNCTION ${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ${LOG_TABLE} (xid) VALUES (pg_current_xact_id()) ON CONFLICT (xid) DO NOTHING;
        RETURN NULL;
      END $$`)
  })
  const { rows } = await db.raw(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = ?)`,
    [TRIGGER]
  )
  // A table that has left the catalog since its trigger was created (a database installed by an
  // earlier version) loses it, one table per transaction like the creation below.
  const { rows: logged } = await db.raw(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname = ?
      WHERE n.nspname = current_schema()`,
    [TRIGGER]
  )
  for (const { name } of logged as { name: string }[]) {
    if (isCatalogTable(name)) continue
    await db.transaction(async (trx: any) => {
      await trx.raw(LOCK)
      await trx.raw(`DROP TRIGGER IF EXISTS ${TRIGGER} ON ??`, [name])
    })
  }
  // One table per transaction: creating a trigger locks its table against writes, and holding
  // several such locks at once could deadlock with a write transaction touching two of them.
  for (const { name } of rows as { name: string }[]) {
    if (!isCatalogTable(name)) continue
    await db.transaction(async (trx: any) => {
      await trx.raw(LOCK)
      await trx.raw(
        `CREATE OR REPLACE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ?? FOR EACH STATEMENT EXECUTE FUNCTION ${TRIGGER}()`,
        [name]
      )
    })
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

/**
 * For each snapshot, whether a catalog change committed since it was taken, in one query.
 * Concurrent callers share the next query that starts after they asked, so a burst of hits costs
 * one round trip, never an answer older than the request.
 */
export function changedSince(container: MedusaContainer, snapshots: string[]): Promise<boolean[]> {
  return batcher(container).ask(snapshots)
}

type Waiter = { snapshots: string[]; resolve: (changed: boolean[]) => void; reject: (err: unknown) => void }
let shared: { ask(snapshots: string[]): Promise<boolean[]> } | null = null

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
        const { rows } = await knex(container).raw(
          `SELECT s.snapshot, EXISTS (
             SELECT 1 FROM ${LOG_TABLE} c
              WHERE c.xid >= pg_snapshot_xmin(s.snapshot::pg_snapshot)
                AND NOT pg_visible_in_snapshot(c.xid, s.snapshot::pg_snapshot)
           ) AS changed
           FROM unnest(?::text[]) AS s(snapshot)`,
          [distinct]
        )
        const changed = new Map<string, boolean>(rows.map((r: any) => [r.snapshot, r.changed]))
        for (const w of batch) w.resolve(w.snapshots.map((s) => changed.get(s) ?? true))
      } catch (err) {
        for (const w of batch) w.reject(err)
      } finally {
        running = false
        if (queue.length) void flush()
      }
    }
    return {
      ask(snapshots: string[]) {
        return new Promise<boolean[]>((resolve, reject) => {
          queue.push({ snapshots, resolve, reject })
          if (!running) void flush()
        })
      },
    }
  })()
  return shared
}

let lastPrune = 0
/** Forgets changes older than an hour (no kept answer is that old), at most once a minute. */
export async function pruneCatalogChanges(container: MedusaContainer) {
  if (Date.now() - lastPrune < 60_000) return
  lastPrune = Date.now()
  await knex(container).raw(`DELETE FROM ${LOG_TABLE} WHERE created_at < now() - interval '1 hour'`)
}
