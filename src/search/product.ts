import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import {
  PRODUCT_EVENTS,
  PRODUCT_SOURCE_FIELDS,
  productDocuments,
  productIdsForEvent,
  whenLive,
} from "./documents"
import { prefetchingSeed } from "./prefetch"

/**
 * The marketplace catalog: one document per published product of an approved cooperative.
 * `status` and `sales_channel_ids` are filterable so Medusa's POST /store/search narrows every
 * query to published products of the publishable key's channels; src/api/store/search adds the
 * approved-cooperative filter on top.
 */
export const productFields = search.define({
  id: search.keyword().filterable(),
  title: search.text().searchable({ weight: 3 }),
  subtitle: search.text().searchable({ weight: 2 }),
  cooperative_name: search.text().searchable({ weight: 2 }),
  description: search.text().searchable({ weight: 1 }),
  folded: search.text().searchable({ weight: 1 }).retrievable(false),
  handle: search.keyword().filterable(),
  thumbnail: search.keyword(),
  status: search.keyword().filterable(),
  sales_channel_ids: search.keyword().array().filterable(),
  cooperative_id: search.keyword().filterable().facetable(),
  cooperative_handle: search.keyword().filterable(),
  cooperative_status: search.keyword().filterable(),
  province: search.keyword().filterable().facetable(),
  categories: search.keyword().array().filterable().facetable(),
  ocop_stars: search.integer().filterable().sortable().facetable({ types: ["value", "range"] }),
  certificate_types: search.keyword().array().filterable().facetable(),
  min_price: search.integer().filterable().sortable().facetable({ types: ["range", "stats"] }),
  max_price: search.integer().filterable().sortable().facetable({ types: ["range", "stats"] }),
  in_stock: search.boolean().filterable().facetable(),
  created_at: search.date().filterable().sortable(),
})

const source = { fields: PRODUCT_SOURCE_FIELDS, transform: productDocuments }

export default defineSearchIndex({
  name: "product",
  entity: "product",
  fields: productFields,
  settings: { typo_tolerance: { enabled: true } },
  events: PRODUCT_EVENTS,
  // A document is deleted whenever its product no longer reads back as listable, whatever the event.
  consume: whenLive(graphConsume({ ...source, resolve_ids: productIdsForEvent, is_delete: () => false })) as any,
  // The next page is read while the module writes the current one (src/search/prefetch.ts).
  seed: prefetchingSeed(graphSeed({ ...source, batch_size: 500 }) as any) as any,
})
