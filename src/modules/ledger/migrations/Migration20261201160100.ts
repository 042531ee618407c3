import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue 16: a return gives back the commission on the returned items: a positive `commission` line
 * whose source is the return. Every other commission line stays a debit.
 */
export class Migration20261201160100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_source_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_source_type_check" check ("source_type" in ('order', 'order_item', 'refund', 'payout', 'admin', 'stripe_event', 'remittance', 'failed_delivery', 'return'));`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_sign_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_sign_check" check (
        ("type" in ('sale', 'shipping', 'payout_reversal') and "amount" >= 0)
        or ("type" = 'commission' and "source_type" = 'return' and "amount" >= 0)
        or ("type" in ('commission', 'refund', 'payout', 'cash_collected') and "source_type" <> 'return' and "amount" <= 0)
        or "type" in ('adjustment', 'failed_delivery'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_sign_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_sign_check" check (
        ("type" in ('sale', 'shipping', 'payout_reversal') and "amount" >= 0)
        or ("type" in ('commission', 'refund', 'payout', 'cash_collected') and "amount" <= 0)
        or "type" in ('adjustment', 'failed_delivery'));`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_source_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_source_type_check" check ("source_type" in ('order', 'order_item', 'refund', 'payout', 'admin', 'stripe_event', 'remittance', 'failed_delivery'));`);
  }

}
