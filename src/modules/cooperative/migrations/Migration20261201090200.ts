import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue 12, smaller holes:
 * - invite tokens are kept only as their SHA-256 (hex); existing rows are hashed in place, so
 *   tokens already handed out keep working; invites can be revoked.
 * - a rejected registration holds neither its handle nor its tax code; the union can release a
 *   registration (released_at/by).
 */
export class Migration20261201090200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cooperative_invite" add column if not exists "token_hash" text null, add column if not exists "revoked_at" timestamptz null, add column if not exists "revoked_by" text null;`);
    // sha256() is built into PostgreSQL 11+; encode(…, 'hex') gives the same text as Node's digest("hex").
    this.addSql(`update "cooperative_invite" set "token_hash" = encode(sha256(convert_to("token", 'UTF8')), 'hex') where "token_hash" is null and "token" is not null;`);
    this.addSql(`alter table if exists "cooperative_invite" alter column "token_hash" set not null;`);
    this.addSql(`drop index if exists "IDX_cooperative_invite_token_unique";`);
    this.addSql(`alter table if exists "cooperative_invite" drop column if exists "token";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_invite_token_hash_unique" ON "cooperative_invite" ("token_hash") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "cooperative" add column if not exists "released_at" timestamptz null, add column if not exists "released_by" text null;`);
    this.addSql(`drop index if exists "IDX_cooperative_handle_unique";`);
    this.addSql(`drop index if exists "IDX_cooperative_tax_code_unique";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_handle_unique" ON "cooperative" ("handle") WHERE deleted_at IS NULL AND status <> 'rejected';`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_tax_code_unique" ON "cooperative" ("tax_code") WHERE deleted_at IS NULL AND status <> 'rejected';`);
  }

  override async down(): Promise<void> {
    // The plaintext tokens are gone for good: invites outstanding at rollback can no longer be accepted.
    this.addSql(`drop index if exists "IDX_cooperative_invite_token_hash_unique";`);
    this.addSql(`alter table if exists "cooperative_invite" add column if not exists "token" text null;`);
    this.addSql(`update "cooperative_invite" set "token" = 'revoked:' || "id" where "token" is null;`);
    this.addSql(`alter table if exists "cooperative_invite" alter column "token" set not null;`);
    this.addSql(`alter table if exists "cooperative_invite" drop column if exists "token_hash", drop column if exists "revoked_at", drop column if exists "revoked_by";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_invite_token_unique" ON "cooperative_invite" ("token") WHERE deleted_at IS NULL;`);

    // Fails if a rejected registration and a live one now share a handle or tax code: resolve first.
    this.addSql(`drop index if exists "IDX_cooperative_handle_unique";`);
    this.addSql(`drop index if exists "IDX_cooperative_tax_code_unique";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_handle_unique" ON "cooperative" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_tax_code_unique" ON "cooperative" ("tax_code") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "cooperative" drop column if exists "released_at", drop column if exists "released_by";`);
  }

}
