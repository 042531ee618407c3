import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A purchase total is bigint, bounded by MAX_VND (src/lib/money.ts, 10^12) like every stored amount. */
export class Migration20261201100600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_group" alter column "total" type bigint;`);
    this.addSql(`alter table if exists "order_group" drop constraint if exists "order_group_total_max_check";`);
    this.addSql(`alter table if exists "order_group" add constraint "order_group_total_max_check" check ("total" between 0 and 1000000000000);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "order_group" drop constraint if exists "order_group_total_max_check";`);
    this.addSql(`alter table if exists "order_group" alter column "total" type integer;`);
  }

}
