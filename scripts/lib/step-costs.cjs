// Bench-only preload: what each workflow step costs, for a purchase made one request at a time.
//   BENCH_SERVER_NODE_ARGS="--require ./scripts/lib/step-costs.cjs" STEP_COSTS_FILE=/tmp/steps.json
// (the path is resolved from the bench app's folder: pass an absolute one). Every step's wall time
// and the process's CPU time between its begin and end events are added up per workflow and step;
// nested workflows run inside a step, so a step's figures include theirs. Overlapping requests or
// parallel steps blur the CPU figures: read them from one-at-a-time runs (the soak's probes).
// Also adds up each request's CPU by method and path shape (ids replaced by ":id").
const fs = require("node:fs")
const http = require("node:http")
const path = require("node:path")

const out = process.env.STEP_COSTS_FILE
if (!out) throw new Error("step-costs: set STEP_COSTS_FILE")
const { DistributedTransaction } = require(require.resolve("@medusajs/orchestration", { paths: [process.cwd()] }))

const steps = new Map()
const requests = new Map()
const open = new Map()
let dirty = false

const cpuMs = (from) => {
  const d = process.cpuUsage(from)
  return (d.user + d.system) / 1000
}
const add = (table, key, wall, cpu) => {
  const row = table.get(key) ?? { n: 0, wall_ms: 0, cpu_ms: 0 }
  row.n += 1
  row.wall_ms += wall
  row.cpu_ms += cpu
  table.set(key, row)
  dirty = true
}

const emit = DistributedTransaction.prototype.emit
DistributedTransaction.prototype.emit = function (event, payload) {
  const step = payload?.step
  if (step && (event === "stepBegin" || event === "stepSuccess" || event === "stepFailure")) {
    const key = `${this.transactionId}|${step.id}`
    if (event === "stepBegin") open.set(key, { t: performance.now(), cpu: process.cpuUsage() })
    else {
      const begun = open.get(key)
      open.delete(key)
      if (begun) add(steps, `${this.modelId} › ${step.definition?.action ?? step.id}${event === "stepFailure" ? " (failed)" : ""}`, performance.now() - begun.t, cpuMs(begun.cpu))
    }
  }
  return emit.apply(this, arguments)
}

const shape = (url) =>
  url.split("?")[0].replace(/\/(cart|order|pay_col|payses|so|prod|variant|reg|ordgrp)_[0-9A-Za-z]+/g, "/$1_:id").replace(/\/t\/[^/]+/, "/t/:code")
const serverEmit = http.Server.prototype.emit
http.Server.prototype.emit = function (event, req, res) {
  if (event === "request") {
    const t = performance.now()
    const cpu = process.cpuUsage()
    res.on("finish", () => add(requests, `${req.method} ${shape(req.url)}`, performance.now() - t, cpuMs(cpu)))
  }
  return serverEmit.apply(this, arguments)
}

const round = (table) =>
  Object.fromEntries(
    [...table.entries()]
      .sort((a, b) => b[1].cpu_ms - a[1].cpu_ms)
      .map(([k, v]) => [k, { n: v.n, wall_ms: Math.round(v.wall_ms), cpu_ms: Math.round(v.cpu_ms) }])
  )
setInterval(() => {
  if (!dirty) return
  dirty = false
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, JSON.stringify({ steps: round(steps), requests: round(requests) }, null, 1))
}, 2000).unref()
