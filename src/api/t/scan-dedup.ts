import { createHash } from "node:crypto"
import { Lru } from "../../lib/lru"

const DEFAULT_DEDUP_MS = 30 * 60 * 1000
const envInt = (name: string, fallback: number) => {
  const raw = process.env[name]
  const value = Number(raw)
  return raw !== undefined && raw !== "" && Number.isSafeInteger(value) && value >= 0 ? value : fallback
}

/** How long one visitor's repeated scans of one lot count once (TRACE_SCAN_DEDUP_MS, default 30 min; 0 counts every scan). */
export const scanDedupMs = () => envInt("TRACE_SCAN_DEDUP_MS", DEFAULT_DEDUP_MS)

/**
 * Decides whether a scan counts: at most once per visitor per lot per interval, and at most
 * TRACE_SCAN_MAX_PER_ADDRESS (default 10) visitors per address per lot per interval, so rotating
 * user agents from one address inflates nothing much, while a family or an office behind one
 * address (or a mobile carrier's NAT) still counts as several people. A visitor is the client
 * address (req.ip, which follows Express's trust-proxy setting) with a hash of its user agent.
 * Memory is capped: both tables are LRUs (TRACE_SCAN_DEDUP_MAX entries, default 100,000); an entry
 * pushed out early only means that visitor may count once more.
 */
export class ScanDeduper {
  private readonly seen: Lru<string, number>
  private readonly perAddress: Lru<string, { count: number; until: number }>

  constructor(max = envInt("TRACE_SCAN_DEDUP_MAX", 100_000)) {
    this.seen = new Lru(Math.max(1, max))
    this.perAddress = new Lru(Math.max(1, Math.ceil(max / 4)))
  }

  get size() {
    return this.seen.size + this.perAddress.size
  }

  shouldCount(lotId: string, address: string, userAgent: string, now = Date.now()): boolean {
    const interval = scanDedupMs()
    if (interval === 0) return true
    const visitor = createHash("sha256").update(`${address}\n${userAgent}`).digest("base64url").slice(0, 22)
    const key = `${lotId}|${visitor}`
    const until = this.seen.peek(key)
    if (until !== undefined && until > now) return false

    const addressKey = `${lotId}|${address}`
    const counted = this.perAddress.peek(addressKey)
    const maxPerAddress = envInt("TRACE_SCAN_MAX_PER_ADDRESS", 10)
    if (counted && counted.until > now && counted.count >= maxPerAddress) return false

    this.seen.set(key, now + interval)
    if (counted && counted.until > now) {
      counted.count++
      this.perAddress.set(addressKey, counted)
    } else {
      this.perAddress.set(addressKey, { count: 1, until: now + interval })
    }
    return true
  }
}
