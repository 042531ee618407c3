import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Lot } from "./models/lot"
import { TraceEvent } from "./models/trace-event"

const DEFAULT_FLUSH_MS = 5000

/**
 * Lots and their trace events. Scans of the public page are counted here without a write per
 * request: `recordScan` only adds to an in-memory buffer, and one batched UPDATE every few seconds
 * (and on shutdown) moves the counts into the database.
 */
class TraceabilityModuleService extends MedusaService({ Lot, TraceEvent }) {
  private pendingScans = new Map<string, { count: number; last: Date }>()
  private flushTimer: NodeJS.Timeout | null = null
  private flushing: Promise<void> | null = null

  __hooks = {
    onApplicationPrepareShutdown: async () => {
      if (this.flushTimer) clearInterval(this.flushTimer)
      this.flushTimer = null
      await this.flushScans().catch(() => {})
    },
  }

  /** Counts one scan of a lot; never touches the database. */
  recordScan(lotId: string, at = new Date()) {
    const entry = this.pendingScans.get(lotId)
    if (entry) {
      entry.count++
      entry.last = at
    } else {
      this.pendingScans.set(lotId, { count: 1, last: at })
    }
    if (!this.flushTimer) {
      const every = Number(process.env.TRACE_SCAN_FLUSH_MS) || DEFAULT_FLUSH_MS
      this.flushTimer = setInterval(() => void this.flushScans().catch(() => {}), every)
      this.flushTimer.unref()
    }
  }

  /** Scans counted in memory and not yet written. */
  pendingScanCount(lotId: string) {
    return this.pendingScans.get(lotId)?.count ?? 0
  }

  /** Writes the buffered scan counts in one UPDATE. Concurrent calls share one flush. */
  async flushScans(): Promise<void> {
    if (this.flushing) return this.flushing
    if (!this.pendingScans.size) return
    const batch = [...this.pendingScans].map(([id, { count, last }]) => ({ id, n: count, at: last.toISOString() }))
    this.pendingScans = new Map()
    this.flushing = this.writeScans(batch)
      .catch((err) => {
        // Put the counts back so the next flush retries them.
        for (const { id, n, at } of batch) {
          const entry = this.pendingScans.get(id)
          if (entry) entry.count += n
          else this.pendingScans.set(id, { count: n, last: new Date(at) })
        }
        throw err
      })
      .finally(() => {
        this.flushing = null
      })
    return this.flushing
  }

  @InjectManager()
  protected async writeScans(batch: { id: string; n: number; at: string }[], @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    await manager.execute(
      `UPDATE "lot" AS l
          SET scan_count = l.scan_count + s.n,
              last_scanned_at = GREATEST(COALESCE(l.last_scanned_at, s.at), s.at)
         FROM json_to_recordset(?::json) AS s(id text, n integer, at timestamptz)
        WHERE l.id = s.id`,
      [JSON.stringify(batch)]
    )
  }
}

export default TraceabilityModuleService
