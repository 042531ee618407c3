import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123180101 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "certificate_product" drop constraint if exists "certificate_product_certificate_id_product_id_unique";`);
    this.addSql(`alter table if exists "certificate" drop constraint if exists "certificate_type_code_unique";`);
    this.addSql(`create table if not exists "certificate" ("id" text not null, "cooperative_id" text not null, "type" text check ("type" in ('vietgap', 'organic', 'globalgap', 'other')) not null, "code" text not null, "issuing_body" text not null, "holder_name" text not null, "production_site" text null, "area_hectares" real null, "yearly_output_kg" integer null, "issued_on" text not null, "valid_until" text not null, "expires_at" timestamptz not null, "evidence_file_id" text not null, "evidence_url" text not null, "status" text check ("status" in ('submitted', 'verified', 'rejected', 'revoked', 'expired', 'superseded')) not null default 'submitted', "review_note" text null, "reviewed_at" timestamptz null, "expiry_reminded_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "certificate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certificate_deleted_at" ON "certificate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_certificate_type_code_unique" ON "certificate" ("type", "code") WHERE status IN ('submitted', 'verified') AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certificate_cooperative_id" ON "certificate" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certificate_status_expires_at" ON "certificate" ("status", "expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "certificate_product" ("id" text not null, "product_id" text not null, "certificate_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "certificate_product_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certificate_product_product_id" ON "certificate_product" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certificate_product_certificate_id" ON "certificate_product" ("certificate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certificate_product_deleted_at" ON "certificate_product" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_certificate_product_certificate_id_product_id_unique" ON "certificate_product" ("certificate_id", "product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "certification_review" ("id" text not null, "subject_type" text check ("subject_type" in ('ocop_rating', 'certificate')) not null, "subject_id" text not null, "from_status" text check ("from_status" in ('submitted', 'verified', 'rejected', 'revoked', 'expired', 'superseded')) null, "to_status" text check ("to_status" in ('submitted', 'verified', 'rejected', 'revoked', 'expired', 'superseded')) not null, "note" text null, "actor_type" text check ("actor_type" in ('user', 'vendor', 'system')) not null, "actor_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "certification_review_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_review_deleted_at" ON "certification_review" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_review_subject_type_subject_id" ON "certification_review" ("subject_type", "subject_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "ocop_rating" ("id" text not null, "cooperative_id" text not null, "product_id" text not null, "stars" integer not null, "product_group" text check ("product_group" in ('food', 'drinks', 'herbal', 'handicrafts', 'ornamental', 'tourism')) not null, "decision_number" text not null, "issuing_authority" text not null, "decision_date" text not null, "expires_at" timestamptz not null, "evidence_file_id" text not null, "evidence_url" text not null, "status" text check ("status" in ('submitted', 'verified', 'rejected', 'revoked', 'expired', 'superseded')) not null default 'submitted', "review_note" text null, "reviewed_at" timestamptz null, "expiry_reminded_at" timestamptz null, "superseded_by_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_rating_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_rating_deleted_at" ON "ocop_rating" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_rating_one_verified_per_product" ON "ocop_rating" ("product_id") WHERE status = 'verified' AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_rating_one_submitted_per_product" ON "ocop_rating" ("product_id") WHERE status = 'submitted' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_rating_cooperative_id" ON "ocop_rating" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_rating_status_expires_at" ON "ocop_rating" ("status", "expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "certificate_product" add constraint "certificate_product_certificate_id_foreign" foreign key ("certificate_id") references "certificate" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "certificate_product" drop constraint if exists "certificate_product_certificate_id_foreign";`);

    this.addSql(`drop table if exists "certificate" cascade;`);

    this.addSql(`drop table if exists "certificate_product" cascade;`);

    this.addSql(`drop table if exists "certification_review" cascade;`);

    this.addSql(`drop table if exists "ocop_rating" cascade;`);
  }

}
