import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A GTIN and a lot number name at most one lot (issue 12). The column starts empty, so this never
 * fails on existing data; src/migration-scripts/backfill-lot-gtins.ts fills it from the variants,
 * giving a GTIN + lot number that several lots share to the first published (else first created)
 * lot only: the others keep their /t/ code but no Digital Link.
 */
export class Migration20261201093000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot" add column if not exists "gtin" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_gtin_lot_number_unique" ON "lot" ("gtin", "lot_number") WHERE deleted_at IS NULL AND gtin IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_lot_gtin_lot_number_unique";`);
    this.addSql(`alter table if exists "lot" drop column if exists "gtin";`);
  }

}
