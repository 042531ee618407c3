import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Issue 13: lines for cash a cooperative collected itself and for failed deliveries. */
export class Migration20261201120100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_type_check" check ("type" in ('sale', 'shipping', 'commission', 'refund', 'adjustment', 'payout', 'payout_reversal', 'cash_collected', 'failed_delivery'));`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_source_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_source_type_check" check ("source_type" in ('order', 'order_item', 'refund', 'payout', 'admin', 'stripe_event', 'remittance', 'failed_delivery'));`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_sign_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_sign_check" check (
        ("type" in ('sale', 'shipping', 'payout_reversal') and "amount" >= 0)
        or ("type" in ('commission', 'refund', 'payout', 'cash_collected') and "amount" <= 0)
        or "type" in ('adjustment', 'failed_delivery'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_sign_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_sign_check" check (
        ("type" in ('sale', 'shipping', 'payout_reversal') and "amount" >= 0)
        or ("type" in ('commission', 'refund', 'payout') and "amount" <= 0)
        or "type" = 'adjustment');`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_type_check" check ("type" in ('sale', 'shipping', 'commission', 'refund', 'adjustment', 'payout', 'payout_reversal'));`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_source_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_source_type_check" check ("source_type" in ('order', 'order_item', 'refund', 'payout', 'admin', 'stripe_event'));`);
  }

}
