import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "knex"
import { useEnv } from "../env"
import { call, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(240_000)

// The HTTP load gate (src/lib/load-gate.ts) with 2 slots and a queue of 1. Requests are made slow
// without test-only code: the test holds an exclusive lock on the region table, so GET /store/regions
// waits in PostgreSQL until the test lets go; the number of queries waiting on that lock is how the
// test knows which requests the gate admitted.
useEnv({ HTTP_MAX_IN_FLIGHT: "2", HTTP_MAX_QUEUE: "1", HTTP_QUEUE_TIMEOUT_MS: "4000" })

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let key: string
    let regionId: string
    let pg: Knex

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      key = seeded.publishableKey
      regionId = seeded.regionId
      pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    })

    const regions = (extra: Record<string, unknown> = {}) => call(api.get(`/store/regions`, { ...storeHeaders(key), ...extra }))

    let held: Knex.Transaction | null = null
    /** Locks the region table until `unlock` is called (or the test ends). */
    async function lockRegions() {
      const trx = await pg.transaction()
      await trx.raw(`LOCK TABLE region IN ACCESS EXCLUSIVE MODE`)
      held = trx
      return { unlock: () => trx.commit() }
    }
    // A failed test must not leave the lock held (every later request, and the teardown, would wait).
    afterEach(async () => {
      if (held && !held.isCompleted()) await held.rollback()
      held = null
    })

    async function waitersOnLock(expected: number) {
      const deadline = Date.now() + 30_000
      for (;;) {
        const { rows } = await pg.raw(
          // A listing runs its rows and its count as two queries at once: the rows query counts the request.
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query NOT ILIKE '%count(%'`
        )
        if (rows[0].n === expected) return
        if (Date.now() > deadline) throw new Error(`expected ${expected} queries waiting on the lock, saw ${rows[0].n}`)
        await sleep(50)
      }
    }

    /** Two slow requests admitted (both waiting on the lock), their answers pending. */
    async function fillSlots() {
      const lock = await lockRegions()
      const running = [regions(), regions()]
      await waitersOnLock(2)
      return { lock, running }
    }

    it("beyond 2 running and 1 waiting: 503 server_busy with Retry-After at once; /health still answers; all admitted ones answer 200; then the slots are free again", async () => {
      const { lock, running } = await fillSlots()
      const queued = regions()
      await sleep(700) // the third reaches the server and waits in the gate's queue

      const started = Date.now()
      const refused = await regions()
      expect(Date.now() - started).toBeLessThan(2_000)
      expect(refused.status).toBe(503)
      expect(refused.data).toMatchObject({ code: "server_busy", reason: "queue_full" })
      expect(refused.data.message).toMatch(/busy/)
      const raw = await api.get(`/store/regions`, { ...storeHeaders(key), validateStatus: () => true })
      expect(raw.status).toBe(503)
      expect(Number(raw.headers["retry-after"])).toBeGreaterThanOrEqual(1)

      // Never gated: the health check.
      expect((await call(api.get(`/health`))).status).toBe(200)

      await lock.unlock()
      const answers = await Promise.all([...running, queued])
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
      expect(answers[2].data.regions.length).toBeGreaterThan(0)

      // Slots and queue place released: three at once are all served again.
      expect((await Promise.all([regions(), regions(), regions()])).map((a) => a.status)).toEqual([200, 200, 200])
    })

    it("a request waiting longer than HTTP_QUEUE_TIMEOUT_MS gets 503 server_busy (queue_timeout) without running", async () => {
      const { lock, running } = await fillSlots()
      const started = Date.now()
      const waited = await regions()
      expect(waited.status).toBe(503)
      expect(waited.data).toMatchObject({ code: "server_busy", reason: "queue_timeout" })
      expect(Date.now() - started).toBeGreaterThanOrEqual(3_500)
      await waitersOnLock(2) // it never reached the database
      await lock.unlock()
      expect((await Promise.all(running)).map((a) => a.status)).toEqual([200, 200])
    })

    it("a client that gives up while queued frees its place and never takes a slot", async () => {
      const { lock, running } = await fillSlots()
      const controller = new AbortController()
      const abandoned = api.get(`/store/regions`, { ...storeHeaders(key), signal: controller.signal }).catch((e: Error) => e)
      await sleep(700)
      controller.abort()
      expect(await abandoned).toBeInstanceOf(Error)
      await sleep(500)

      // Its place in the queue is free: the next one waits instead of being refused…
      const queued = regions()
      await sleep(700)
      // …and the queue is full again with it.
      expect((await regions()).status).toBe(503)

      await lock.unlock()
      expect((await Promise.all([...running, queued])).map((a) => a.status)).toEqual([200, 200, 200])
      // The abandoned request did not keep a slot: two can run and one wait, as before.
      const again = await fillSlots()
      const queuedAgain = regions()
      await sleep(700)
      expect((await regions()).status).toBe(503)
      await again.lock.unlock()
      expect((await Promise.all([...again.running, queuedAgain])).map((a) => a.status)).toEqual([200, 200, 200])
    })

    it("answers that are errors (400, 401, 404) release their slot", async () => {
      for (let i = 0; i < 4; i++) {
        expect((await call(api.get(`/store/regions/reg_missing_${i}`, storeHeaders(key)))).status).toBe(404)
        expect((await call(api.get(`/store/regions?limit=lots`, storeHeaders(key)))).status).toBe(400)
        expect((await call(api.get(`/store/regions`))).status).toBe(400) // no publishable key
        expect((await call(api.get(`/admin/regions`))).status).toBe(401)
        expect((await call(api.get(`/store/regions?x=${"%00"}`, storeHeaders(key)))).status).toBe(400)
      }
      // Had any of those 20 kept its slot, fewer than two could run now.
      const { lock, running } = await fillSlots()
      const queued = regions()
      await sleep(700)
      expect((await regions()).status).toBe(503)
      await lock.unlock()
      expect((await Promise.all([...running, queued])).map((a) => a.status)).toEqual([200, 200, 200])
    })

    it("a product answer kept in memory is sent while every slot is taken and the queue is full; one not kept, or out of date, waits its turn like any other", async () => {
      const kept = `/store/products?limit=3&fields=id,title&order=created_at`
      const first = await call(api.get(kept, storeHeaders(key)))
      expect(first.status).toBe(200)
      const { lock, running } = await fillSlots()
      const queued = regions()
      await sleep(700)

      const started = Date.now()
      const again = await call(api.get(kept, storeHeaders(key)))
      expect(again.status).toBe(200)
      expect(again.data).toEqual(first.data)
      expect(Date.now() - started).toBeLessThan(2_000)
      // The same spelling in capitals is another question, not kept: it meets the full queue.
      expect((await call(api.get(kept.replace("/products", "/Products"), storeHeaders(key)))).data).toMatchObject({ code: "server_busy" })
      expect((await call(api.get(`/store/products?limit=4&fields=id,title`, storeHeaders(key)))).data).toMatchObject({ code: "server_busy", reason: "queue_full" })

      // A product it shows changes: the kept answer is out of date, so working it out again needs a slot.
      const productModule = getContainer().resolve(Modules.PRODUCT)
      await productModule.updateProducts(first.data.products[0].id, { title: `${first.data.products[0].title} (mới)` })
      expect((await call(api.get(kept, storeHeaders(key)))).data).toMatchObject({ code: "server_busy" })

      await lock.unlock()
      expect((await Promise.all([...running, queued])).map((a) => a.status)).toEqual([200, 200, 200])
      const fresh = await call(api.get(kept, storeHeaders(key)))
      expect(fresh.status).toBe(200)
      expect(fresh.data.products[0].title).toMatch(/\(mới\)$/)
    })

    it("light reads (a cooperative's page, the cooperatives) have slots of their own: served while every other slot is taken and the queue is full", async () => {
      const { lock, running } = await fillSlots()
      const queued = regions()
      await sleep(700)
      expect((await regions()).data).toMatchObject({ code: "server_busy", reason: "queue_full" })
      const list = await call(api.get(`/store/cooperatives`, storeHeaders(key)))
      expect(list.status).toBe(200)
      const handle = list.data.cooperatives[0].handle
      expect((await call(api.get(`/store/cooperatives/${handle}`, storeHeaders(key)))).status).toBe(200)
      // Express serves any spelling of the path: each takes the same lane.
      expect((await call(api.get(`/STORE/Cooperatives/${handle}/`, storeHeaders(key)))).status).toBe(200)
      await lock.unlock()
      expect((await Promise.all([...running, queued])).map((a) => a.status)).toEqual([200, 200, 200])
    })

    it("a step of a purchase under way goes ahead of browsing: at a full queue it takes the newest browsing request's place (503 displaced), and runs first", async () => {
      const cart = await call(api.post(`/store/carts`, { region_id: regionId }, storeHeaders(key)))
      expect(cart.status).toBe(200)
      const cartId = cart.data.cart.id
      const { lock, running } = await fillSlots()
      const browsing = regions()
      await sleep(700)

      // Starting a purchase is not a step of one: it waits with browsing, and the queue is full.
      expect((await call(api.post(`/store/carts`, { region_id: regionId }, storeHeaders(key)))).data).toMatchObject({ code: "server_busy", reason: "queue_full" })
      const step = call(api.post(`/store/carts/${cartId}`, { email: "khach@example.vn" }, storeHeaders(key)))
      const displaced = await browsing
      expect(displaced.status).toBe(503)
      expect(displaced.data).toMatchObject({ code: "server_busy", reason: "displaced" })

      // A second step finds the queue full of steps: it is refused, not another step displaced.
      expect((await call(api.get(`/STORE/carts/${cartId}`, storeHeaders(key)))).data).toMatchObject({ code: "server_busy", reason: "queue_full" })

      await lock.unlock()
      expect((await Promise.all(running)).map((a) => a.status)).toEqual([200, 200])
      const answered = await step
      expect(answered.status).toBe(200)
      expect(answered.data.cart.email).toBe("khach@example.vn")
    })
  },
})
