import { isCatalogTable } from "./catalog-change-log"

// The catalog change log (catalog-change-log.ts) puts statement triggers on Medusa's own tables and
// decides by table name which ones feed a store product answer. It stays correct only while the
// tables a product answer is read from exist under these names and none falls under one of its
// excluded prefixes; a table renamed by an upgrade would otherwise stop invalidating cached answers
// without a word. The list is what GET /store/products(/:id) reads with Medusa's default fields,
// calculated prices and inventory quantities (read off a migrated 2.21.2 database).

export const MEDUSA_CATALOG_TABLES = [
  // product module
  "product", "product_variant", "product_option", "product_option_value", "product_product_option",
  "product_product_option_value", "product_variant_option", "image", "product_variant_product_image",
  "product_tag", "product_tags", "product_type", "product_collection", "product_category", "product_category_product",
  // pricing module
  "price_set", "price", "price_rule", "price_list", "price_list_rule", "price_preference",
  // inventory, stock locations, sales channels
  "inventory_item", "inventory_level", "stock_location", "sales_channel", "publishable_api_key_sales_channel",
  // regions and taxes (calculated prices)
  "region", "region_country", "currency", "tax_rate", "tax_region",
  // module links
  "product_variant_price_set", "product_variant_inventory_item", "product_sales_channel", "sales_channel_stock_location",
] as const

/** Every table a product answer is made of is one the change log watches. */
export function checkCatalogTableNames(): string[] {
  return MEDUSA_CATALOG_TABLES.filter((t) => !isCatalogTable(t)).map(
    (t) => `catalog-change-log excludes the table "${t}", which feeds store product answers (they would be served stale)`
  )
}

/** Something that runs SQL and answers rows (knex's `raw`, as PG_CONNECTION provides). */
export type SqlRunner = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

/** Every such table exists in the database, under that name. */
export async function checkCatalogTablesExist(db: SqlRunner): Promise<string[]> {
  const { rows } = await db.raw(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname = ANY(?::text[])`,
    [[...MEDUSA_CATALOG_TABLES]]
  )
  const present = new Set(rows.map((r) => r.name))
  return MEDUSA_CATALOG_TABLES.filter((t) => !present.has(t)).map(
    (t) => `table "${t}" is missing: Medusa renamed or dropped it, and the catalog change log no longer knows whether its writes change product answers`
  )
}
