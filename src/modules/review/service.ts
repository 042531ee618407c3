import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { ShopperReview } from "./models/shopper-review"

export type StarCounts = Record<1 | 2 | 3 | 4 | 5, number>

class ReviewModuleService extends MedusaService({ ShopperReview }) {
  /**
   * How many PUBLISHED reviews each product or cooperative has per star, counted by the database
   * (one grouped query, however many reviews there are).
   */
  @InjectManager()
  async publishedStarCounts(
    by: "product_id" | "cooperative_id",
    ids: string[],
    subjectType?: "product" | "cooperative",
    @MedusaContext() ctx: Context = {}
  ): Promise<Map<string, StarCounts>> {
    const result = new Map<string, StarCounts>(ids.map((id) => [id, { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }]))
    if (!ids.length) return result
    const column = by === "product_id" ? "product_id" : "cooperative_id"
    const rows: { owner: string; rating: number; n: string }[] = await (ctx.manager as SqlEntityManager).execute(
      `select ${column} as owner, rating, count(*) as n from shopper_review
        where status = 'published' and deleted_at is null and ${column} in (?)${subjectType ? " and subject_type = ?" : ""}
        group by ${column}, rating`,
      subjectType ? [ids, subjectType] : [ids]
    )
    for (const row of rows) result.get(row.owner)![row.rating as 1] = Number(row.n)
    return result
  }
}

export default ReviewModuleService
