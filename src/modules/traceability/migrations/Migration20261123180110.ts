import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123180110 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot" drop constraint if exists "lot_variant_id_lot_number_unique";`);
    this.addSql(`alter table if exists "lot" drop constraint if exists "lot_code_unique";`);
    this.addSql(`create table if not exists "lot" ("id" text not null, "code" text not null, "lot_number" text not null, "cooperative_id" text not null, "product_id" text not null, "variant_id" text not null, "quantity" integer null, "unit" text null, "harvested_on" text null, "packed_on" text null, "best_before" text null, "origin_area" text null, "origin_ward" text null, "origin_province" text null, "growing_area_code" text null, "status" text check ("status" in ('draft', 'published')) not null default 'draft', "published_at" timestamptz null, "scan_count" integer not null default 0, "last_scanned_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_code_unique" ON "lot" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_cooperative_id" ON "lot" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_product_id" ON "lot" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_variant_id" ON "lot" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_deleted_at" ON "lot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_variant_id_lot_number_unique" ON "lot" ("variant_id", "lot_number") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "trace_event" ("id" text not null, "type" text check ("type" in ('planting', 'fertilising', 'spraying', 'harvest', 'processing', 'packing', 'lab_test', 'shipping', 'other')) not null, "occurred_at" timestamptz not null, "title" text null, "description" text null, "attachments" jsonb null, "corrects_event_id" text null, "lot_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trace_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trace_event_lot_id" ON "trace_event" ("lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trace_event_deleted_at" ON "trace_event" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "trace_event" add constraint "trace_event_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "trace_event" drop constraint if exists "trace_event_lot_id_foreign";`);

    this.addSql(`drop table if exists "lot" cascade;`);

    this.addSql(`drop table if exists "trace_event" cascade;`);
  }

}
