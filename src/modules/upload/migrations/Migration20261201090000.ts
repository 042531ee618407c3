import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "upload" ("id" text not null, "cooperative_id" text not null, "name" text not null, "file_id" text null, "mime_type" text not null, "size" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "upload_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upload_cooperative_id" ON "upload" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_upload_name_unique" ON "upload" ("name") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upload_deleted_at" ON "upload" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "upload" cascade;`);
  }

}
