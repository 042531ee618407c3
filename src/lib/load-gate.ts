import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

// A bound on the HTTP work the process takes on at once (issue 14, point 6). Without it a crowd
// beyond capacity made every request wait for the same 10 database connections, kept working for
// clients that had given up, and grew memory with the backlog until nothing answered within 15 s.
// With it, at most `maxInFlight` requests run, up to `maxQueue` more wait (at most `queueTimeoutMs`,
// and only while their client is still there), and the rest get 503 `server_busy` at once, which
// costs next to nothing and tells a client when to come back.
//
// Hand-written rather than p-limit/p-queue: those queue without bound and cannot drop one waiting
// entry whose client left or whose wait is over; what is needed here is those three rules, ~60 lines.

export type GateLimits = { maxInFlight: number; maxQueue: number; queueTimeoutMs: number }
export type Refusal = "queue_full" | "queue_timeout" | "displaced"

type Waiter = { admit: (release: () => void) => void; refuse: (reason: Refusal) => void; timer?: NodeJS.Timeout }

/**
 * A counting semaphore with a bounded, time-limited, cancellable queue in two lanes: a freed slot
 * goes to the oldest urgent waiter first, then to the oldest other one; an urgent arrival at a full
 * queue displaces the newest other waiter (refused "displaced") instead of being refused.
 */
export class WorkGate {
  private running = 0
  // Sets keep arrival order and drop a cancelled waiter in O(1).
  private readonly urgent = new Set<Waiter>()
  private readonly waiting = new Set<Waiter>()

  constructor(readonly limits: GateLimits) {}

  get inFlight(): number {
    return this.running
  }

  get queued(): number {
    return this.urgent.size + this.waiting.size
  }

  /**
   * Asks for a slot: `admit(release)` is called once a slot is granted (now or later) and `release`
   * must be called when the work ends (extra calls are ignored); or `refuse(reason)` is called,
   * now if the queue is full, later if the wait runs out or an urgent request takes its place.
   * Returns `cancel`, which takes a waiting request out of the queue (neither callback is called
   * afterwards); it does nothing once admitted.
   */
  enter(admit: (release: () => void) => void, refuse: (reason: Refusal) => void, urgent = false): () => void {
    if (this.running < this.limits.maxInFlight) {
      this.running++
      admit(this.releaser())
      return () => {}
    }
    if (this.queued >= this.limits.maxQueue) {
      const newest = urgent ? [...this.waiting].pop() : undefined
      if (!newest) {
        refuse("queue_full")
        return () => {}
      }
      this.waiting.delete(newest)
      clearTimeout(newest.timer)
      newest.refuse("displaced")
    }
    const lane = urgent ? this.urgent : this.waiting
    const waiter: Waiter = { admit, refuse }
    lane.add(waiter)
    if (this.limits.queueTimeoutMs > 0) {
      waiter.timer = setTimeout(() => {
        if (lane.delete(waiter)) refuse("queue_timeout")
      }, this.limits.queueTimeoutMs)
      waiter.timer.unref()
    }
    return () => {
      if (lane.delete(waiter)) clearTimeout(waiter.timer)
    }
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      this.running--
      this.admitNext()
    }
  }

  private admitNext(): void {
    while (this.running < this.limits.maxInFlight) {
      const lane = this.urgent.size ? this.urgent : this.waiting
      const next = lane.values().next()
      if (next.done) return
      const waiter = next.value
      lane.delete(waiter)
      clearTimeout(waiter.timer)
      this.running++
      waiter.admit(this.releaser())
    }
  }
}

export const GATE_DEFAULTS: GateLimits = {
  // Measured (docs/benchmarks.md, "Load gate"): one Node thread gains nothing from more requests at
  // once than keep it and the 10-connection database pool busy; on a starved machine 20 (twice the
  // pool) served 40 of 1,200 requests and let the rest time out, 8 served 221 and refused the rest at once.
  maxInFlight: 8,
  maxQueue: 100,
  queueTimeoutMs: 5_000,
}

function intFrom(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0 (got "${raw}")`)
  return value
}

/** The limits from HTTP_MAX_IN_FLIGHT, HTTP_MAX_QUEUE, HTTP_QUEUE_TIMEOUT_MS; null when the gate is off (HTTP_MAX_IN_FLIGHT=0). */
export function gateLimitsFromEnv(env: Record<string, string | undefined> = process.env): GateLimits | null {
  const maxInFlight = intFrom(env.HTTP_MAX_IN_FLIGHT, GATE_DEFAULTS.maxInFlight, "HTTP_MAX_IN_FLIGHT")
  if (maxInFlight === 0) return null
  return {
    maxInFlight,
    maxQueue: intFrom(env.HTTP_MAX_QUEUE, GATE_DEFAULTS.maxQueue, "HTTP_MAX_QUEUE"),
    queueTimeoutMs: intFrom(env.HTTP_QUEUE_TIMEOUT_MS, GATE_DEFAULTS.queueTimeoutMs, "HTTP_QUEUE_TIMEOUT_MS"),
  }
}

const BUSY_MESSAGE = "The server is busy; please try again in a few seconds."

/** What the routes tell the gate about a request (the gate itself knows no route). */
export type GateRules = {
  /** Served without a slot: an answer already in memory costs less than the gate's own queueing. */
  bypass?: (req: MedusaRequest) => boolean
  /** Waits in the urgent lane: work a person is in the middle of (a purchase) before new work. */
  urgent?: (req: MedusaRequest) => boolean
}

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void

// Requests a gate let by (`bypass`), with the way to take a slot of that gate after all.
const letBy = new WeakMap<MedusaRequest, Middleware>()

/**
 * For a request a gate let by that turns out to need real work after all (its kept answer was
 * out of date): takes a slot for it now, then calls `next`. Any other request goes on at once:
 * it holds its slot already, or met no gate.
 */
export function takeSlotIfLetBy(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const take = letBy.get(req)
  if (!take) return next()
  letBy.delete(req)
  take(req, res, next)
}

/**
 * The Express middleware around a gate: a request holds its slot until its response finishes or its
 * connection closes, whichever comes first, also when the route throws (Medusa's error handler
 * answers, which finishes the response). A waiting request whose client has gone is dropped unrun.
 */
export function loadGate(gate: WorkGate | null, rules: GateRules = {}): Middleware {
  const retryAfter = gate ? String(Math.max(1, Math.ceil(gate.limits.queueTimeoutMs / 1000))) : "1"

  function take(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
    if (res.destroyed || res.writableEnded) return
    let cancel: () => void = () => {}
    const onGone = () => cancel()
    res.once("close", onGone)
    cancel = gate!.enter(
      (release) => {
        res.off("close", onGone)
        // The client may have left in the same tick it was admitted: give the slot back unused.
        if (res.destroyed || req.socket?.destroyed) return release()
        res.once("finish", release)
        res.once("close", release)
        next()
      },
      (reason) => {
        res.off("close", onGone)
        if (res.headersSent || res.destroyed) return
        res.setHeader("Retry-After", retryAfter)
        res.status(503).json({ code: "server_busy", type: "server_busy", message: BUSY_MESSAGE, reason })
      },
      rules.urgent?.(req) ?? false
    )
  }

  return function loadGateMiddleware(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
    if (!gate) return next()
    if (rules.bypass?.(req)) {
      letBy.set(req, take)
      return next()
    }
    take(req, res, next)
  }
}
