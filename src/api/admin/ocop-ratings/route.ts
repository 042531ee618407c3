import { listQueue } from "../review-queue"

/** GET /admin/ocop-ratings: the union's review queue. */
export const GET = listQueue("ocop_rating")
