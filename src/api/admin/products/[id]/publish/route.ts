import { moderateProduct } from "../../moderate"

/** POST /admin/products/:id/publish: the union puts a cooperative's proposed product on sale. */
export const POST = moderateProduct("publish")
