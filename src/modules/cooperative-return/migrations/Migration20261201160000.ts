import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Issue 16: shoppers' returns of delivered items, per cooperative order. */
export class Migration20261201160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "cooperative_return" ("id" text not null, "order_id" text not null, "order_group_id" text null, "cooperative_id" text not null, "customer_id" text not null, "status" text check ("status" in ('requested', 'accepted', 'refused', 'escalated', 'rejected', 'received', 'refunded')) not null default 'requested', "items" jsonb not null, "reason" text not null, "photos" jsonb not null, "cooperative_note" text null, "decided_by" text null, "decided_at" timestamptz null, "escalation_note" text null, "escalated_at" timestamptz null, "union_decision" text null, "union_note" text null, "union_decided_by" text null, "union_decided_at" timestamptz null, "received_by" text null, "received_at" timestamptz null, "refund_amount" bigint null, "refund_id" text null, "commission_reversed" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cooperative_return_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_return_order_id" ON "cooperative_return" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_return_cooperative_id_status" ON "cooperative_return" ("cooperative_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_return_customer_id" ON "cooperative_return" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_return_open_once" ON "cooperative_return" ("order_id") WHERE status in ('requested', 'accepted', 'escalated') and deleted_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cooperative_return" cascade;`);
  }

}
