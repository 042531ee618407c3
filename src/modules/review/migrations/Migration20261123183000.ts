import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123183000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "shopper_review" ("id" text not null, "subject_type" text check ("subject_type" in ('product', 'cooperative')) not null, "subject_id" text not null, "product_id" text null, "cooperative_id" text null, "order_id" text not null, "customer_id" text not null, "author_name" text not null, "rating" integer not null, "title" text not null, "body" text not null, "photo_urls" jsonb null, "status" text check ("status" in ('pending', 'published', 'rejected', 'hidden')) not null default 'pending', "moderation_reason" text null, "moderated_at" timestamptz null, "moderated_by" text null, "published_at" timestamptz null, "reply" text null, "replied_at" timestamptz null, "replied_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopper_review_pkey" primary key ("id"), constraint "shopper_review_rating_check" check ("rating" between 1 and 5));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopper_review_deleted_at" ON "shopper_review" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopper_review_once_per_order" ON "shopper_review" ("order_id", "subject_type", "subject_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopper_review_product_id_status" ON "shopper_review" ("product_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopper_review_cooperative_id_status" ON "shopper_review" ("cooperative_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopper_review_status_created_at" ON "shopper_review" ("status", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shopper_review" cascade;`);
  }

}
