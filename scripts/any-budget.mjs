// Part of `npm run lint`: the number of explicit `any` in src/ may only go down. Lower BUDGET
// when you remove some; the run fails when a change adds more than it removes.
import { ESLint } from "eslint"

const BUDGET = Number(process.env.ANY_BUDGET || 85)

const eslint = new ESLint({
  overrideConfig: { rules: { "@typescript-eslint/no-explicit-any": "error" } },
})
const results = await eslint.lintFiles(["src/**/*.{ts,tsx}"])
const perFile = results
  .map((r) => ({ file: r.filePath.replace(process.cwd() + "/", ""), n: r.messages.filter((m) => m.ruleId === "@typescript-eslint/no-explicit-any").length }))
  .filter((f) => f.n)
  .sort((a, b) => b.n - a.n)
const total = perFile.reduce((sum, f) => sum + f.n, 0)
if (total > BUDGET) {
  console.error(`any-budget: ${total} explicit \`any\` in src/, over the budget of ${BUDGET}. Most in:`)
  for (const f of perFile.slice(0, 10)) console.error(`  ${String(f.n).padStart(4)}  ${f.file}`)
  process.exit(1)
}
console.log(`any-budget: ${total} explicit \`any\` in src/ (budget ${BUDGET})${total < BUDGET ? ": lower BUDGET in scripts/any-budget.mjs" : ""}`)
