import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { LEDGER_MODULE } from "../src/modules/ledger"
import { runPayoutsWorkflow } from "../src/workflows/payout/run-payouts"

const vmHwmKb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0)

/**
 * `medusa exec` script of `npm run bench:payouts`: runs one payout run for BENCH_PAYOUT_PERIOD over
 * whatever the bench seeded and prints one BENCH_RESULT line: the run's time, and the memory of this
 * process before and during it (resident set and V8 heap sampled every 10 ms, and VmHWM).
 */
export default async function benchPayoutRun({ container }: ExecArgs) {
  const period = process.env.BENCH_PAYOUT_PERIOD || "2026-W40"
  ;(globalThis as any).gc?.()
  const before = process.memoryUsage()
  const hwmBefore = vmHwmKb()
  let peakRss = before.rss
  let peakHeap = before.heapUsed
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }, 10)
  const started = process.hrtime.bigint()
  const { result } = await runPayoutsWorkflow(container).run({ input: { period, at: new Date().toISOString(), triggered_by: "bench" } })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  clearInterval(sampler)
  const run = await (container.resolve(LEDGER_MODULE) as any).retrievePayoutRun(result.run_id)
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10
  console.log(
    "BENCH_RESULT " +
      JSON.stringify({
        period,
        run_ms: Math.round(ms),
        status: run.status,
        payout_count: run.payout_count,
        payout_total: Number(run.payout_total),
        skipped: (run.skipped ?? []).length,
        rss_before_mb: mb(before.rss),
        rss_peak_growth_mb: mb(peakRss - before.rss),
        heap_before_mb: mb(before.heapUsed),
        heap_peak_growth_mb: mb(peakHeap - before.heapUsed),
        vm_hwm_mb: Math.round(vmHwmKb() / 1024),
        vm_hwm_growth_mb: Math.round((vmHwmKb() - hwmBefore) / 1024),
      })
  )
}
