import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Issue 18: the history of commission rate changes (who, when, target, old and new rate, why); append-only. */
export class Migration20261201150000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "commission_rate_change" ("id" text not null, "commission_rate_id" text not null, "action" text check ("action" in ('created', 'updated', 'deleted')) not null, "scope" text check ("scope" in ('default', 'cooperative', 'category', 'cooperative_category')) not null, "cooperative_id" text null, "category_id" text null, "old_rate_bps" integer null, "new_rate_bps" integer null, "reason" text null, "actor_id" text null, "actor_email" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_rate_change_pkey" primary key ("id"),
      constraint "commission_rate_change_bps_check" check (("old_rate_bps" is null or "old_rate_bps" between 0 and 10000) and ("new_rate_bps" is null or "new_rate_bps" between 0 and 10000)),
      constraint "commission_rate_change_rates_check" check (
        ("action" = 'created' and "old_rate_bps" is null and "new_rate_bps" is not null)
        or ("action" = 'updated' and "old_rate_bps" is not null and "new_rate_bps" is not null)
        or ("action" = 'deleted' and "old_rate_bps" is not null and "new_rate_bps" is null)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rate_change_created_at" ON "commission_rate_change" ("created_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rate_change_cooperative_id" ON "commission_rate_change" ("cooperative_id", "created_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rate_change_rate_id" ON "commission_rate_change" ("commission_rate_id", "created_at");`);
    // Append-only, like the ledger: history is never edited.
    this.addSql(`CREATE OR REPLACE FUNCTION "commission_rate_change_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'commission_rate_change is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation'; END $$;`);
    this.addSql(`DROP TRIGGER IF EXISTS "commission_rate_change_append_only" ON "commission_rate_change";`);
    this.addSql(`CREATE TRIGGER "commission_rate_change_append_only" BEFORE UPDATE OR DELETE ON "commission_rate_change" FOR EACH ROW EXECUTE FUNCTION "commission_rate_change_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commission_rate_change" cascade;`);
    this.addSql(`drop function if exists "commission_rate_change_append_only"() cascade;`);
  }

}
