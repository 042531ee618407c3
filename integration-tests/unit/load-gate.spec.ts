import { gateLimitsFromEnv, GATE_DEFAULTS, type Refusal, WorkGate } from "../../src/lib/load-gate"

// The semaphore behind the HTTP load gate (src/lib/load-gate.ts); the middleware is tested through
// HTTP in integration-tests/http/load-gate.spec.ts.

function ticket(gate: WorkGate, urgent = false) {
  const t = { admitted: false, refused: null as Refusal | null, release: () => {}, cancel: () => {} }
  t.cancel = gate.enter(
    (release) => {
      t.admitted = true
      t.release = release
    },
    (reason) => {
      t.refused = reason
    },
    urgent
  )
  return t
}

describe("WorkGate", () => {
  afterEach(() => jest.useRealTimers())

  it("admits up to maxInFlight, queues up to maxQueue in arrival order, refuses the rest", () => {
    const gate = new WorkGate({ maxInFlight: 2, maxQueue: 2, queueTimeoutMs: 0 })
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map(() => ticket(gate))
    expect([a, b, c, d, e].map((t) => t.admitted)).toEqual([true, true, false, false, false])
    expect(e.refused).toBe("queue_full")
    expect(gate.inFlight).toBe(2)
    expect(gate.queued).toBe(2)

    a.release()
    expect(c.admitted).toBe(true)
    expect(d.admitted).toBe(false)
    b.release()
    expect(d.admitted).toBe(true)
    expect(gate.queued).toBe(0)
    c.release()
    d.release()
    expect(gate.inFlight).toBe(0)
  })

  it("a release called twice frees one slot only", () => {
    const gate = new WorkGate({ maxInFlight: 1, maxQueue: 5, queueTimeoutMs: 0 })
    const a = ticket(gate)
    const b = ticket(gate)
    const c = ticket(gate)
    a.release()
    a.release()
    expect(b.admitted).toBe(true)
    expect(c.admitted).toBe(false)
    expect(gate.inFlight).toBe(1)
  })

  it("a cancelled waiter leaves the queue, is never admitted nor refused, and frees its place", () => {
    const gate = new WorkGate({ maxInFlight: 1, maxQueue: 1, queueTimeoutMs: 0 })
    const a = ticket(gate)
    const b = ticket(gate)
    b.cancel()
    expect(gate.queued).toBe(0)
    const c = ticket(gate)
    expect(c.refused).toBeNull()
    a.release()
    expect(b.admitted).toBe(false)
    expect(b.refused).toBeNull()
    expect(c.admitted).toBe(true)
    // Cancelling once admitted does nothing: the slot is still held until released.
    c.cancel()
    expect(gate.inFlight).toBe(1)
  })

  it("a waiter is refused when its wait runs out, and a slot freed later goes to the next one", () => {
    jest.useFakeTimers()
    const gate = new WorkGate({ maxInFlight: 1, maxQueue: 5, queueTimeoutMs: 1_000 })
    const a = ticket(gate)
    const b = ticket(gate)
    jest.advanceTimersByTime(600)
    const c = ticket(gate)
    jest.advanceTimersByTime(500)
    expect(b.refused).toBe("queue_timeout")
    expect(c.refused).toBeNull()
    a.release()
    expect(b.admitted).toBe(false)
    expect(c.admitted).toBe(true)
    jest.advanceTimersByTime(5_000)
    expect(c.refused).toBeNull()
  })

  it("urgent waiters are admitted before older other ones, each lane in arrival order", () => {
    const gate = new WorkGate({ maxInFlight: 1, maxQueue: 10, queueTimeoutMs: 0 })
    const running = ticket(gate)
    const [b1, b2] = [ticket(gate), ticket(gate)]
    const [u1, u2] = [ticket(gate, true), ticket(gate, true)]
    const order: string[] = []
    const next = () => {
      const t = [["b1", b1], ["b2", b2], ["u1", u1], ["u2", u2]].find(([name, t]) => (t as typeof b1).admitted && !order.includes(name as string))
      order.push(t![0] as string)
      ;(t![1] as typeof b1).release()
    }
    running.release()
    for (let i = 0; i < 4; i++) next()
    expect(order).toEqual(["u1", "u2", "b1", "b2"])
    expect(gate.inFlight).toBe(0)
  })

  it("an urgent arrival at a full queue displaces the newest other waiter; with none to displace it is refused", () => {
    jest.useFakeTimers()
    const gate = new WorkGate({ maxInFlight: 1, maxQueue: 2, queueTimeoutMs: 1_000 })
    const running = ticket(gate)
    const [old, newest] = [ticket(gate), ticket(gate)]
    const u1 = ticket(gate, true)
    expect(newest.refused).toBe("displaced")
    expect(old.refused).toBeNull()
    expect(gate.queued).toBe(2)
    const u2 = ticket(gate, true)
    expect(old.refused).toBe("displaced")
    const u3 = ticket(gate, true)
    expect(u3.refused).toBe("queue_full")
    expect(ticket(gate).refused).toBe("queue_full")
    // A displaced waiter's timer is gone: it is not refused a second time.
    jest.advanceTimersByTime(500)
    running.release()
    expect(u1.admitted).toBe(true)
    u1.release()
    expect(u2.admitted).toBe(true)
    jest.advanceTimersByTime(5_000)
    expect([old.refused, newest.refused]).toEqual(["displaced", "displaced"])
    expect(u2.refused).toBeNull()
  })

  it("reads its limits from the environment; 0 turns it off; garbage is refused at boot", () => {
    expect(gateLimitsFromEnv({})).toEqual(GATE_DEFAULTS)
    expect(gateLimitsFromEnv({ HTTP_MAX_IN_FLIGHT: "0" })).toBeNull()
    expect(gateLimitsFromEnv({ HTTP_MAX_IN_FLIGHT: "4", HTTP_MAX_QUEUE: "0", HTTP_QUEUE_TIMEOUT_MS: "250" })).toEqual({
      maxInFlight: 4,
      maxQueue: 0,
      queueTimeoutMs: 250,
    })
    expect(() => gateLimitsFromEnv({ HTTP_MAX_IN_FLIGHT: "-1" })).toThrow(/HTTP_MAX_IN_FLIGHT/)
    expect(() => gateLimitsFromEnv({ HTTP_MAX_QUEUE: "lots" })).toThrow(/HTTP_MAX_QUEUE/)
  })
})
