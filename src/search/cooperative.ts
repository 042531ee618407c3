import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import {
  COOPERATIVE_EVENTS,
  COOPERATIVE_SOURCE_FIELDS,
  cooperativeDocuments,
  cooperativeIdsForEvent,
  whenLive,
} from "./documents"
import { prefetchingSeed } from "./prefetch"

/** The stall directory: one document per approved cooperative. */
export const cooperativeFields = search.define({
  id: search.keyword().filterable(),
  name: search.text().searchable({ weight: 3 }),
  folded: search.text().searchable({ weight: 1 }).retrievable(false),
  description: search.text().searchable({ weight: 1 }),
  handle: search.keyword().filterable(),
  logo_url: search.keyword(),
  province: search.keyword().filterable().facetable(),
  status: search.keyword().filterable(),
  product_count: search.integer().filterable().sortable(),
  ocop_product_count: search.integer().filterable().sortable(),
  created_at: search.date().filterable().sortable(),
})

const source = { fields: COOPERATIVE_SOURCE_FIELDS, transform: cooperativeDocuments }

export default defineSearchIndex({
  name: "cooperative",
  entity: "cooperative",
  fields: cooperativeFields,
  settings: { typo_tolerance: { enabled: true } },
  events: COOPERATIVE_EVENTS,
  consume: whenLive(graphConsume({ ...source, resolve_ids: cooperativeIdsForEvent, is_delete: () => false })) as any,
  // The next page is read while the module writes the current one (src/search/prefetch.ts).
  seed: prefetchingSeed(graphSeed({ ...source, batch_size: 200 }) as any) as any,
})
