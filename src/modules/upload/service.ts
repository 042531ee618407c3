import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Upload } from "./models/upload"

export type UploadReservation = { name: string; mime_type: string; size: number }

class UploadModuleService extends MedusaService({ Upload }) {
  @InjectManager()
  async bytesUsed(cooperativeId: string, @MedusaContext() ctx: Context = {}): Promise<number> {
    const [row] = await (ctx.manager as SqlEntityManager).execute(
      `select coalesce(sum(size), 0)::bigint as used from upload where cooperative_id = ? and deleted_at is null`,
      [cooperativeId]
    )
    return Number(row.used)
  }

  /**
   * Records the files if the cooperative's stored bytes plus theirs stay within `quotaBytes`, else
   * records nothing. A transaction-scoped advisory lock per cooperative serialises the check and the
   * insert across every server process, so two concurrent uploads cannot both pass the same room.
   */
  @InjectTransactionManager()
  async reserve(
    cooperativeId: string,
    files: UploadReservation[],
    quotaBytes: number,
    @MedusaContext() ctx: Context = {}
  ): Promise<{ ok: true; ids: string[] } | { ok: false; used: number }> {
    const manager = ctx.transactionManager as SqlEntityManager
    await manager.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`upload-quota:${cooperativeId}`])
    const [row] = await manager.execute(
      `select coalesce(sum(size), 0)::bigint as used from upload where cooperative_id = ? and deleted_at is null`,
      [cooperativeId]
    )
    const used = Number(row.used)
    if (used + files.reduce((sum, f) => sum + f.size, 0) > quotaBytes) return { ok: false, used }
    const created = await this.createUploads(files.map((f) => ({ ...f, cooperative_id: cooperativeId })), ctx)
    return { ok: true, ids: created.map((u) => u.id) }
  }
}

export default UploadModuleService
