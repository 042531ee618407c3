import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Issue 13: who collects cash on delivery for a cooperative (null: the union's COD_COLLECTOR). */
export class Migration20261201120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cooperative" add column if not exists "cod_collector" text null;`);
    this.addSql(`alter table if exists "cooperative" drop constraint if exists "cooperative_cod_collector_check";`);
    this.addSql(`alter table if exists "cooperative" add constraint "cooperative_cod_collector_check" check ("cod_collector" in ('cooperative', 'union'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "cooperative" drop constraint if exists "cooperative_cod_collector_check";`);
    this.addSql(`alter table if exists "cooperative" drop column if exists "cod_collector";`);
  }

}
