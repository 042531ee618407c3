// `npm run reindex [index…]`: rebuilds the storefront search indexes through the Search module's
// own versioned rebuild: a new version of each index is seeded beside the one serving reads,
// caught up with what changed meanwhile, then swapped in; the old version is dropped.
import type { ExecArgs, ISearchModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export default async function reindex({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const search = container.resolve<ISearchModuleService>(Modules.SEARCH)
  const names = (args ?? []).filter(Boolean)
  const started = Date.now()
  const result = await search.reindex(names.length ? { index: names } : {})
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const status = (await search.listIndexes()).map((i) => `${i.name}: ${i.status}`).join(", ")
  logger.info(`Reindexed ${result.indexes.join(", ")} in ${seconds} s (${status})`)
  console.log(`REINDEX_RESULT ${JSON.stringify({ indexes: result.indexes, seconds: Number(seconds) })}`)
}
