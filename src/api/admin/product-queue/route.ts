import { listProductQueue } from "../products/queue"

/** GET /admin/product-queue: new products and changes to published products waiting for the union. */
export const GET = listProductQueue
