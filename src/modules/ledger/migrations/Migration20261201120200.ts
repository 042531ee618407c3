import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Issue 13: carriers' cash-on-delivery remittances to the union, one per order. */
export class Migration20261201120200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "cod_remittance" ("id" text not null, "order_id" text not null, "order_group_id" text not null, "cooperative_id" text not null, "carrier" text not null, "amount" bigint not null, "reference" text null, "remitted_at" timestamptz not null, "recorded_by" text null, "source" text not null default 'admin', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cod_remittance_pkey" primary key ("id"), constraint "cod_remittance_amount_check" check ("amount" > 0 and "amount" <= 1000000000000));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cod_remittance_order_once" ON "cod_remittance" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cod_remittance_cooperative_id" ON "cod_remittance" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cod_remittance_order_group_id" ON "cod_remittance" ("order_group_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cod_remittance" cascade;`);
  }

}
