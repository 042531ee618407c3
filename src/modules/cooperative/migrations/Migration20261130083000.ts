import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Payout accounts: the union's verification of the bank account, and a Stripe Connect account. */
export class Migration20261130083000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cooperative" add column if not exists "bank_account_verified_at" timestamptz null, add column if not exists "bank_account_verified_by" text null, add column if not exists "stripe_account_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "cooperative" drop column if exists "bank_account_verified_at", drop column if exists "bank_account_verified_by", drop column if exists "stripe_account_id";`);
  }

}
