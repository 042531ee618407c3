import type { MedusaContainer } from "@medusajs/framework/types"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../../modules/traceability"

/**
 * Every published lot's public code and GS1 key (GTIN-14 | lot number), kept in memory so that a
 * made-up code is answered 404 without a database query. Its size is the number of published lots
 * (real data, which no request can grow). Published lots never change code, GTIN or lot number and
 * are never deleted, so the index only grows: after one full load, each refresh reads only the lots
 * published since the last one (with a minute of overlap for clocks of other processes). A refresh
 * runs only when a code is missing, at most once per `minGapMs` however many misses arrive, so a
 * lot published by another process is found within that gap. Every ten minutes a refresh reloads the
 * whole list instead, for lots written with an older published_at (imports, a clock far off).
 */
const FULL_RELOAD_MS = 10 * 60 * 1000

export class PublishedLotIndex {
  private codes = new Set<string>()
  private gs1 = new Map<string, string>()
  private loadedUntil: number | null = null
  private fullyLoadedAt = 0
  private checkedAt = 0
  private refreshing: Promise<void> | null = null
  /** Database reads this index has made (for tests and the benchmark). */
  refreshes = 0

  get size() {
    return this.codes.size
  }

  hasCode(code: string) {
    return this.codes.has(code)
  }

  codeFor(gtin14: string, lotNumber: string) {
    return this.gs1.get(`${gtin14}|${lotNumber}`) ?? null
  }

  /** A lot published in this process: known at once, without waiting for the next refresh. */
  add(lot: { code: string; gtin?: string | null; lot_number: string }) {
    this.codes.add(lot.code)
    if (lot.gtin) this.gs1.set(`${lot.gtin}|${lot.lot_number}`, lot.code)
  }

  /** Lets the next miss refresh at once (after a write in this process). */
  markStale() {
    this.checkedAt = 0
  }

  /** Refreshes unless it did less than `minGapMs` ago; concurrent callers share one refresh. */
  async refresh(container: MedusaContainer, minGapMs: number): Promise<void> {
    if (this.refreshing) return this.refreshing
    if (this.loadedUntil !== null && Date.now() - this.checkedAt < minGapMs) return
    this.refreshing = this.load(container).finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  private async load(container: MedusaContainer) {
    const startedAt = Date.now()
    const trace: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    const full = this.loadedUntil === null || startedAt - this.fullyLoadedAt >= FULL_RELOAD_MS
    const filters: Record<string, unknown> = { status: "published" }
    if (!full) filters.published_at = { $gte: new Date((this.loadedUntil as number) - 60_000) }
    this.refreshes++
    const lots = await trace.listLots(filters, { select: ["code", "gtin", "lot_number"] })
    // Nothing is removed: published lots are never deleted, and a lot added meanwhile must stay.
    if (full) this.fullyLoadedAt = startedAt
    for (const lot of lots as any[]) this.add(lot)
    this.loadedUntil = startedAt
    this.checkedAt = Date.now()
  }
}
