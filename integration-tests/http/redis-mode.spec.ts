import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { COOPERATIVE_MODULE } from "../../src/modules/cooperative"
import { adminToken, bearer, seedMarketplace } from "../helpers"
import { findRedis, noRedisReachable } from "../redis"

jest.setTimeout(180_000)

const redis = findRedis()

if (!redis.url) {
  noRedisReachable("the Redis-mode test", (redis as any).reason, "Redis mode: an event reaches a subscriber over Redis (no Redis reachable)")
} else {
  const previous = process.env.REDIS_URL
  process.env.REDIS_URL = redis.url
  afterAll(() => {
    if (previous === undefined) delete process.env.REDIS_URL
    else process.env.REDIS_URL = previous
    ;(redis as any).stop()
  })

  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      beforeAll(async () => {
        await seedMarketplace(getContainer())
      })

      it(`runs on Redis (${(redis as any).source}): the union's approval event reaches the notification subscriber`, async () => {
        const container = getContainer()
        expect(container.resolve(Modules.EVENT_BUS).constructor.name).toBe("RedisEventBusService")
        expect(container.resolve(Modules.WORKFLOW_ENGINE).constructor.name).toMatch(/Redis|WorkflowsModuleService/)

        const [pending] = await container.resolve(COOPERATIVE_MODULE).listCooperatives({ handle: "htx-mat-ong-lang-ha" })
        const admin = await adminToken(api)
        await api.post(`/admin/cooperatives/${pending.id}/approve`, { reason: "Đủ điều kiện" }, bearer(admin))

        const notifications = container.resolve(Modules.NOTIFICATION)
        let found: any[] = []
        for (let i = 0; i < 100 && !found.length; i++) {
          found = await notifications.listNotifications({ to: "langha@coopstall.vn", template: "cooperative-status-changed" })
          if (!found.length) await new Promise((r) => setTimeout(r, 100))
        }
        expect(found).toHaveLength(1)
        expect(found[0].data).toMatchObject({ action: "approve", to: "approved", reason: "Đủ điều kiện" })

        // The event really travelled through Redis: BullMQ keeps its queue there.
        const client = new Redis(redis.url as string)
        try {
          expect((await client.keys("bull:*")).length).toBeGreaterThan(0)
        } finally {
          client.disconnect()
        }
      })
    },
  })
}
