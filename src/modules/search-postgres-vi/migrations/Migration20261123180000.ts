import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The text search configuration our search provider runs with (`language: "simple"`):
 * `simple` keeps every Vietnamese syllable (the default `english` drops "me", "an", "hoi"… as
 * stop words or stems them), and `unaccent` in front of it folds the marks, đ→d included.
 * Medusa's own search-postgres migration creates only `medusa_search_english`.
 */
export class Migration20261123180000 extends Migration {
  async up(): Promise<void> {
    this.addSql(`CREATE EXTENSION IF NOT EXISTS unaccent;`)
    this.addSql(`CREATE EXTENSION IF NOT EXISTS pg_trgm;`)
    this.addSql(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'medusa_search_simple') THEN
          CREATE TEXT SEARCH CONFIGURATION medusa_search_simple (COPY = simple);
          ALTER TEXT SEARCH CONFIGURATION medusa_search_simple
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
      END
      $$;
    `)
  }

  async down(): Promise<void> {
    this.addSql(`DROP TEXT SEARCH CONFIGURATION IF EXISTS medusa_search_simple;`)
  }
}
