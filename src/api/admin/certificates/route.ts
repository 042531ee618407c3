import { listQueue } from "../review-queue"

/** GET /admin/certificates: the union's review queue. */
export const GET = listQueue("certificate")
