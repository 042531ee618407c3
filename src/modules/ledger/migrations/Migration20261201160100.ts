import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Issue 16: a return gives back the commission on the returned items (source_type "return"). */
export class Migration20261201160100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_source_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_source_type_check" check ("source_type" in ('order', 'order_item', 'refund', 'payout', 'admin', 'stripe_event', 'remittance', 'failed_delivery', 'return'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_source_type_check";`);
    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_source_type_check" check ("source_type" in ('order', 'order_item', 'refund', 'payout', 'admin', 'stripe_event', 'remittance', 'failed_delivery'));`);
  }

}
