import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Cooperative } from "./models/cooperative"
import { CooperativeActivity } from "./models/cooperative-activity"
import { CooperativeInvite } from "./models/cooperative-invite"
import { CooperativeStatusChange } from "./models/cooperative-status-change"
import { CooperativeUser } from "./models/cooperative-user"
import { UnionHandoff } from "./models/union-handoff"

export type ClaimedHandoff = { cooperative_id: string; admin_user_id: string; admin_email: string }

class CooperativeModuleService extends MedusaService({
  Cooperative,
  CooperativeUser,
  CooperativeInvite,
  CooperativeStatusChange,
  CooperativeActivity,
  UnionHandoff,
}) {
  /**
   * Marks an unexpired, unused handoff code used and returns what it was for; null for any other
   * code. One conditional UPDATE, so of two exchanges of the same code at once exactly one wins.
   */
  @InjectManager()
  async claimUnionHandoff(codeHash: string, @MedusaContext() ctx: Context = {}): Promise<ClaimedHandoff | null> {
    const rows = await (ctx.manager as unknown as { execute: (sql: string, params: unknown[]) => Promise<ClaimedHandoff[]> }).execute(
      `update union_handoff set used_at = now(), updated_at = now()
        where code_hash = ? and used_at is null and expires_at > now() and deleted_at is null
        returning cooperative_id, admin_user_id, admin_email`,
      [codeHash]
    )
    return rows[0] ?? null
  }
}

export default CooperativeModuleService
