import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Money that never overflows: ledger lines and payouts become bigint (an integer column stopped at
 * 2,147,483,647 đồng, so an adjustment of 3 billion answered 500), bounded by MAX_VND
 * (src/lib/money.ts, 10^12) like the validators. Partial Stripe reversals are booked per Stripe
 * event (source_type 'stripe_event'), and a run in which some cooperatives failed ends
 * 'partially_completed' with who failed and why.
 */
export class Migration20261201100500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "ledger_entry" alter column "amount" type bigint;`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_amount_max_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_amount_max_check" check ("amount" between -1000000000000 and 1000000000000);`);
    this.addSql(`alter table if exists "payout" alter column "amount" type bigint;`);
    this.addSql(`alter table if exists "payout" drop constraint if exists "payout_amount_max_check";`);
    this.addSql(`alter table if exists "payout" add constraint "payout_amount_max_check" check ("amount" <= 1000000000000);`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_source_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_source_type_check" check ("source_type" in ('order', 'order_item', 'refund', 'payout', 'admin', 'stripe_event'));`);
    this.addSql(`alter table if exists "payout_run" drop constraint if exists "payout_run_status_check";`);
    this.addSql(`alter table if exists "payout_run" add constraint "payout_run_status_check" check ("status" in ('running', 'completed', 'partially_completed', 'failed'));`);
    this.addSql(`alter table if exists "payout_run" add column if not exists "failures" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "payout_run" drop column if exists "failures";`);
    this.addSql(`alter table if exists "payout_run" drop constraint if exists "payout_run_status_check";`);
    this.addSql(`alter table if exists "payout_run" add constraint "payout_run_status_check" check ("status" in ('running', 'completed', 'failed'));`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_source_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_source_type_check" check ("source_type" in ('order', 'order_item', 'refund', 'payout', 'admin'));`);
    this.addSql(`alter table if exists "payout" drop constraint if exists "payout_amount_max_check";`);
    this.addSql(`alter table if exists "payout" alter column "amount" type integer;`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_amount_max_check";`);
    this.addSql(`alter table if exists "ledger_entry" alter column "amount" type integer;`);
  }

}
