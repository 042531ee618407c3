import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { lastEndedPeriod } from "../../src/modules/payout/period"
import { COOPERATIVE_MODULE } from "../../src/modules/cooperative"
import { LEDGER_MODULE } from "../../src/modules/ledger"
import { seedMarketplace } from "../helpers"
import { findRedis, noRedisReachable } from "../redis"
import { useEnv } from "../env"

jest.setTimeout(240_000)

const redis = findRedis()

if (!redis.url) {
  noRedisReachable("the Redis-mode payout test", (redis as any).reason, "Redis mode: the scheduled payout run pays over BullMQ (no Redis reachable)")
} else {
  // Every two seconds here (BullMQ takes a seconds field), Mondays 01:00 Vietnam time by default.
  const ENV = { REDIS_URL: redis.url, PAYOUT_SCHEDULE: "*/2 * * * * *", PAYOUT_PERIOD: "week", PAYOUT_MIN_AMOUNT: "100000" }
  useEnv(ENV)
  afterAll(() => {
    ;(redis as any).stop()
  })

  const waitFor = async <T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> => {
    const until = Date.now() + ms
    for (;;) {
      const value = await probe()
      if (value) return value
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }

  medusaIntegrationTestRunner({
    testSuite: ({ getContainer }) => {
      beforeAll(async () => {
        await seedMarketplace(getContainer())
      })

      it(`runs on Redis (${(redis as any).source}): the scheduled payout run fires on the worker over BullMQ, pays once, and its events reach the notification subscriber`, async () => {
        const container = getContainer()
        expect(container.resolve(Modules.EVENT_BUS).constructor.name).toBe("RedisEventBusService")
        const ledger: any = container.resolve(LEDGER_MODULE)
        const period = lastEndedPeriod(new Date(), "week")

        // The scheduler starts with the app, before this test could book anything: its first firing
        // closes the week with nothing to pay. That proves the job fires over Redis; the test then
        // withdraws that empty run (a soft delete frees the period) so a later firing does real work.
        const empty = await waitFor("the first scheduled run", async () => {
          const [run] = await ledger.listPayoutRuns({ period: period.key })
          return run?.status === "completed" ? run : null
        })
        expect(empty).toMatchObject({ triggered_by: "schedule", payout_count: 0 })

        const [thanhNam] = await (container.resolve(COOPERATIVE_MODULE) as any).listCooperatives({ handle: "htx-che-thanh-nam" })
        expect(thanhNam.bank_account_verified_at).toBeTruthy()
        await ledger.book([
          { cooperative_id: thanhNam.id, type: "sale", amount: 640_000, source_type: "order_item", source_id: "item_redis_1", available_at: new Date(period.start) },
          { cooperative_id: thanhNam.id, type: "commission", amount: -64_000, rate_bps: 1000, source_type: "order_item", source_id: "item_redis_1", available_at: new Date(period.start) },
        ])
        await ledger.softDeletePayoutRuns([empty.id])

        const paid = await waitFor("a scheduled run that pays", async () => {
          const [run] = await ledger.listPayoutRuns({ period: period.key })
          return run?.status === "completed" && run.payout_count > 0 ? run : null
        })
        expect(paid).toMatchObject({ triggered_by: "schedule", payout_count: 1 })
        expect(Number(paid.payout_total)).toBe(576_000) // bigint column

        // Further firings find the period completed: still one payout, one ledger line.
        await new Promise((r) => setTimeout(r, 4_500))
        const payouts = await ledger.listPayouts({ cooperative_id: thanhNam.id })
        expect(payouts.map((p: any) => [p.period, p.amount, p.provider])).toEqual([[period.key, 576_000, "bank_transfer"]])
        expect(await ledger.listLedgerEntries({ cooperative_id: thanhNam.id, type: "payout" })).toHaveLength(1)

        // payout.created travelled over the Redis event bus to the subscriber that tells the owners.
        const notifications = container.resolve(Modules.NOTIFICATION)
        const found = await waitFor("the payout notification", async () => {
          const list = await notifications.listNotifications({ to: "thanhnam@coopstall.vn", template: "payout-created" })
          return list.length ? list : null
        }, 30_000)
        expect(found).toHaveLength(1)
        expect(found[0].data).toMatchObject({ period: period.key, amount: 576_000 })

        // The scheduled job and the events really live in Redis: BullMQ keeps its queues there.
        const client = new Redis(redis.url as string)
        try {
          expect((await client.keys("bull:medusa-workflows-jobs:repeat:schedule_job-payout-run*")).length).toBeGreaterThan(0)
          expect((await client.keys("*events-queue*")).length).toBeGreaterThan(0)
        } finally {
          client.disconnect()
        }
      })
    },
  })
}
