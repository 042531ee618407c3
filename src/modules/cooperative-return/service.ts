import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CooperativeReturn } from "./models/cooperative-return"
import type { ReturnStatus } from "./status"

class CooperativeReturnModuleService extends MedusaService({ CooperativeReturn }) {
  /**
   * Moves a return from one of `from` to a new status with `patch`, in one conditional UPDATE, so two
   * decisions at the same moment cannot both apply: the loser gets null.
   */
  @InjectTransactionManager()
  async transition(id: string, from: ReturnStatus[], patch: Record<string, unknown> & { status: ReturnStatus }, @MedusaContext() ctx: Context = {}): Promise<boolean> {
    const keys = Object.keys(patch)
    const sets = keys.map((k) => `"${k}" = ?`).join(", ")
    const values = keys.map((k) => {
      const v = patch[k]
      return v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v
    })
    const rows = await (ctx.transactionManager as SqlEntityManager).execute(
      `update cooperative_return set ${sets}, updated_at = now() where id = ? and status in (?) and deleted_at is null returning id`,
      [...values, id, from]
    )
    return rows.length === 1
  }
}

export default CooperativeReturnModuleService
