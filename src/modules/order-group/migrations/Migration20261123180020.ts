import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123180020 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "order_group" ("id" text not null, "cart_id" text not null, "email" text null, "customer_id" text null, "currency_code" text not null, "total" integer not null, "payment_collection_id" text null, "payment_provider_id" text null, "payment_reference" text null, "shares" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_group_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_group_cart_id_unique" ON "order_group" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_group_payment_reference" ON "order_group" ("payment_reference") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_group_deleted_at" ON "order_group" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_group" cascade;`);
  }

}
