import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { forgetCatalogChangeLog } from "../../src/medusa-internals/catalog-change-log"
import { TRACEABILITY_MODULE } from "../../src/modules/traceability"
import { bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(300_000)

// Found by the soak (`npm run bench -- --soak`, docs/benchmarks.md): every trace page a shopper
// opens is counted on its lot, and those counts are written every few seconds. The lot table was
// logged as a catalog table, so each write made every kept store product answer be computed again.
// Scans must be counted without marking the catalog changed.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const changes = async () => Number((await pg().raw("SELECT count(*)::int AS n FROM catalog_change")).rows[0].n)
    const changesSince = async (t: string) => Number((await pg().raw("SELECT count(*)::int AS n FROM catalog_change WHERE created_at >= ?::timestamptz", [t])).rows[0].n)
    const lotTriggers = async () =>
      Number((await pg().raw("SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'lot'::regclass AND tgname = 'catalog_change_log'")).rows[0].n)

    /** The catalog change log is idle: no write from the seeding's subscribers still arriving. */
    async function settled() {
      let last = await changes()
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => setTimeout(r, 300))
        const now = await changes()
        if (now === last) return now
        last = now
      }
      return last
    }

    beforeAll(async () => {
      ;({ publishableKey } = await seedMarketplace(getContainer()))
    })

    it("QR scans of a trace page are counted on the lot and do not mark the catalog changed", async () => {
      // The first store product request installs the change log.
      expect((await call(api.get("/store/products?limit=1", storeHeaders(publishableKey)))).status).toBe(200)
      expect(await lotTriggers()).toBe(0)

      const thanhNam = await demoVendorToken(api, "htx-che-thanh-nam")
      const [lot] = (await api.get("/vendor/lots", bearer(thanhNam))).data.lots
      await settled()
      const since = (await pg().raw("SELECT now()::text AS t")).rows[0].t
      // Three shoppers' phones (a scan counts once per visitor).
      for (let i = 0; i < 3; i++) expect((await call(api.get(`/t/${lot.code}`, { headers: { "user-agent": `phone-${i}` } }))).status).toBe(200)
      await (getContainer().resolve(TRACEABILITY_MODULE) as any).flushScans()

      const counted = (await api.get("/vendor/lots", bearer(thanhNam))).data.lots.find((l: any) => l.id === lot.id)
      expect(counted.scan_count).toBe(lot.scan_count + 3)
      expect(await changesSince(since)).toBe(0)
    })

    it("a database whose lot table was logged by an earlier version loses that trigger at the next start", async () => {
      // The test database is reset between tests: install the log again first.
      forgetCatalogChangeLog()
      expect((await call(api.get("/store/products?limit=1", storeHeaders(publishableKey)))).status).toBe(200)
      await pg().raw(
        "CREATE OR REPLACE TRIGGER catalog_change_log AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lot FOR EACH STATEMENT EXECUTE FUNCTION catalog_change_log()"
      )
      expect(await lotTriggers()).toBe(1)
      forgetCatalogChangeLog() // what a new server process starts with
      expect((await call(api.get("/store/products?limit=1", storeHeaders(publishableKey)))).status).toBe(200)
      expect(await lotTriggers()).toBe(0)
      // Catalog tables keep theirs: a product write still shows in the next answer.
      const { rows } = await pg().raw("SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'product'::regclass AND tgname = 'catalog_change_log'")
      expect(rows[0].n).toBe(1)
    })
  },
})
