import { retrieveOne } from "../../review-queue"

/** GET /admin/ocop-ratings/:id: one item with evidence, context and history. */
export const GET = retrieveOne("ocop_rating")
