import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201090100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "product_revision" ("id" text not null, "product_id" text not null, "cooperative_id" text not null, "changes" jsonb not null, "status" text check ("status" in ('pending', 'published', 'rejected', 'superseded', 'withdrawn')) not null default 'pending', "submitted_by" text null, "reason" text null, "decided_by" text null, "decided_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "product_revision_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_revision_deleted_at" ON "product_revision" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_product_revision_one_pending" ON "product_revision" ("product_id") WHERE status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_revision_product_id_created_at" ON "product_revision" ("product_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_revision_status_created_at" ON "product_revision" ("status", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_revision" cascade;`);
  }

}
