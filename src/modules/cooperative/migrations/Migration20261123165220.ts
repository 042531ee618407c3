import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123165220 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cooperative_user" drop constraint if exists "cooperative_user_email_unique";`);
    this.addSql(`alter table if exists "cooperative_invite" drop constraint if exists "cooperative_invite_token_unique";`);
    this.addSql(`alter table if exists "cooperative" drop constraint if exists "cooperative_tax_code_unique";`);
    this.addSql(`alter table if exists "cooperative" drop constraint if exists "cooperative_handle_unique";`);
    this.addSql(`create table if not exists "cooperative" ("id" text not null, "handle" text not null, "name" text not null, "legal_name" text not null, "tax_code" text not null, "registration_number" text null, "province" text not null, "ward" text not null, "street_address" text not null, "phone" text not null, "email" text not null, "founded_year" integer null, "member_count" integer null, "description" text null, "logo_url" text null, "bank_bin" text null, "bank_account_number" text null, "bank_account_holder" text null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'suspended')) not null default 'pending', "status_reason" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cooperative_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_handle_unique" ON "cooperative" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_tax_code_unique" ON "cooperative" ("tax_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_province" ON "cooperative" ("province") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_status" ON "cooperative" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_deleted_at" ON "cooperative" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "cooperative_invite" ("id" text not null, "email" text not null, "role" text check ("role" in ('owner', 'staff')) not null default 'staff', "token" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "invited_by" text not null, "cooperative_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cooperative_invite_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_invite_token_unique" ON "cooperative_invite" ("token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_invite_cooperative_id" ON "cooperative_invite" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_invite_deleted_at" ON "cooperative_invite" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "cooperative_status_change" ("id" text not null, "from_status" text check ("from_status" in ('pending', 'approved', 'rejected', 'suspended')) null, "to_status" text check ("to_status" in ('pending', 'approved', 'rejected', 'suspended')) not null, "reason" text not null, "actor_type" text check ("actor_type" in ('user', 'vendor', 'system')) not null, "actor_id" text not null, "cooperative_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cooperative_status_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_status_change_cooperative_id" ON "cooperative_status_change" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_status_change_deleted_at" ON "cooperative_status_change" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "cooperative_user" ("id" text not null, "email" text not null, "first_name" text null, "last_name" text null, "phone" text null, "role" text check ("role" in ('owner', 'staff')) not null default 'staff', "cooperative_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cooperative_user_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_user_email_unique" ON "cooperative_user" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_user_cooperative_id" ON "cooperative_user" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_user_deleted_at" ON "cooperative_user" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "cooperative_invite" add constraint "cooperative_invite_cooperative_id_foreign" foreign key ("cooperative_id") references "cooperative" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "cooperative_status_change" add constraint "cooperative_status_change_cooperative_id_foreign" foreign key ("cooperative_id") references "cooperative" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "cooperative_user" add constraint "cooperative_user_cooperative_id_foreign" foreign key ("cooperative_id") references "cooperative" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "cooperative_invite" drop constraint if exists "cooperative_invite_cooperative_id_foreign";`);

    this.addSql(`alter table if exists "cooperative_status_change" drop constraint if exists "cooperative_status_change_cooperative_id_foreign";`);

    this.addSql(`alter table if exists "cooperative_user" drop constraint if exists "cooperative_user_cooperative_id_foreign";`);

    this.addSql(`drop table if exists "cooperative" cascade;`);

    this.addSql(`drop table if exists "cooperative_invite" cascade;`);

    this.addSql(`drop table if exists "cooperative_status_change" cascade;`);

    this.addSql(`drop table if exists "cooperative_user" cascade;`);
  }

}
