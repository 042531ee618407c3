import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue 15 point 4, stalls the union manages: the flag on the cooperative, the append-only activity
 * list (who did what through /vendor), and the one-time codes that open the panel for a union admin.
 */
export class Migration20261201183117 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cooperative" add column if not exists "managed_by_union" boolean not null default false, add column if not exists "managed_since" timestamptz null, add column if not exists "managed_by" text null;`);

    this.addSql(`create table if not exists "cooperative_activity" ("id" text not null, "cooperative_id" text not null, "actor_type" text check ("actor_type" in ('cooperative_user', 'union_admin')) not null, "actor_id" text not null, "actor_email" text not null, "action" text not null, "record_type" text null, "record_id" text null, "detail_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cooperative_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_activity_deleted_at" ON "cooperative_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_activity_cooperative_id_created_at" ON "cooperative_activity" ("cooperative_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_activity_cooperative_id_record_id" ON "cooperative_activity" ("cooperative_id", "record_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "union_handoff" ("id" text not null, "code_hash" text not null, "cooperative_id" text not null, "admin_user_id" text not null, "admin_email" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "union_handoff_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_union_handoff_deleted_at" ON "union_handoff" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_union_handoff_code_hash_unique" ON "union_handoff" ("code_hash") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "union_handoff" cascade;`);
    this.addSql(`drop table if exists "cooperative_activity" cascade;`);
    this.addSql(`alter table if exists "cooperative" drop column if exists "managed_by_union", drop column if exists "managed_since", drop column if exists "managed_by";`);
  }

}
