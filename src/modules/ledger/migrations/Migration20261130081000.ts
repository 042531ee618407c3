import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130081000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "ledger_entry" ("id" text not null, "cooperative_id" text not null, "type" text check ("type" in ('sale', 'shipping', 'commission', 'refund', 'adjustment', 'payout', 'payout_reversal')) not null, "amount" integer not null, "source_type" text check ("source_type" in ('order', 'order_item', 'refund', 'payout', 'admin')) not null, "source_id" text not null, "order_id" text null, "line_item_id" text null, "payout_id" text null, "rate_bps" integer null, "commission_rate_id" text null, "description" text null, "reason" text null, "created_by" text null, "occurred_at" timestamptz not null, "available_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ledger_entry_pkey" primary key ("id"),
      constraint "ledger_entry_sign_check" check (
        ("type" in ('sale', 'shipping', 'payout_reversal') and "amount" >= 0)
        or ("type" in ('commission', 'refund', 'payout') and "amount" <= 0)
        or "type" = 'adjustment'),
      constraint "ledger_entry_adjustment_reason_check" check ("type" <> 'adjustment' or ("reason" is not null and length(trim("reason")) > 0)),
      constraint "ledger_entry_commission_rate_check" check ("type" <> 'commission' or "rate_bps" is not null));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ledger_entry_source_once" ON "ledger_entry" ("type", "source_type", "source_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_cooperative_id_available_at" ON "ledger_entry" ("cooperative_id", "available_at") INCLUDE ("amount");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_cooperative_id_occurred_at" ON "ledger_entry" ("cooperative_id", "occurred_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_order_id" ON "ledger_entry" ("order_id") WHERE "order_id" IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_payout_id" ON "ledger_entry" ("payout_id") WHERE "payout_id" IS NOT NULL;`);
    // Append-only, enforced by the database: a correction is a new line, never an edit.
    this.addSql(`CREATE OR REPLACE FUNCTION "ledger_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation'; END $$;`);
    this.addSql(`DROP TRIGGER IF EXISTS "ledger_entry_append_only" ON "ledger_entry";`);
    this.addSql(`CREATE TRIGGER "ledger_entry_append_only" BEFORE UPDATE OR DELETE ON "ledger_entry" FOR EACH ROW EXECUTE FUNCTION "ledger_entry_append_only"();`);

    this.addSql(`create table if not exists "commission_rate" ("id" text not null, "scope" text check ("scope" in ('default', 'cooperative', 'category', 'cooperative_category')) not null, "cooperative_id" text null, "category_id" text null, "rate_bps" integer not null, "note" text null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_rate_pkey" primary key ("id"),
      constraint "commission_rate_bps_check" check ("rate_bps" between 0 and 10000),
      constraint "commission_rate_target_check" check (
        ("scope" = 'default' and "cooperative_id" is null and "category_id" is null)
        or ("scope" = 'cooperative' and "cooperative_id" is not null and "category_id" is null)
        or ("scope" = 'category' and "cooperative_id" is null and "category_id" is not null)
        or ("scope" = 'cooperative_category' and "cooperative_id" is not null and "category_id" is not null)));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commission_rate_target" ON "commission_rate" ("scope", "cooperative_id", "category_id") NULLS NOT DISTINCT WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payout_run" ("id" text not null, "period" text not null, "cutoff_at" timestamptz not null, "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "triggered_by" text null, "started_at" timestamptz not null, "finished_at" timestamptz null, "payout_count" integer not null default 0, "payout_total" integer not null default 0, "skipped" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_run_period_unique" ON "payout_run" ("period") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payout" ("id" text not null, "cooperative_id" text not null, "run_id" text null, "period" text not null, "amount" integer not null, "currency_code" text not null default 'vnd', "provider" text check ("provider" in ('bank_transfer', 'stripe_connect')) not null default 'bank_transfer', "status" text check ("status" in ('pending', 'processing', 'paid', 'failed')) not null default 'pending', "bank_account" jsonb null, "vietqr_payload" text null, "transfer_message" text null, "reference" text null, "failure_reason" text null, "paid_at" timestamptz null, "failed_at" timestamptz null, "decided_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_pkey" primary key ("id"), constraint "payout_amount_check" check ("amount" > 0));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_once_per_period" ON "payout" ("cooperative_id", "period") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_status_created_at" ON "payout" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_run_id" ON "payout" ("run_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payout" cascade;`);
    this.addSql(`drop table if exists "payout_run" cascade;`);
    this.addSql(`drop table if exists "commission_rate" cascade;`);
    this.addSql(`drop table if exists "ledger_entry" cascade;`);
    this.addSql(`drop function if exists "ledger_entry_append_only"() cascade;`);
  }

}
