import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A run's total is a sum over every cooperative paid: a union paying 300 cooperatives about
 * 10 million đồng each already passes the 2,147,483,647 an integer holds.
 */
export class Migration20261130083100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payout_run" alter column "payout_total" type bigint;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "payout_run" alter column "payout_total" type integer;`);
  }

}
