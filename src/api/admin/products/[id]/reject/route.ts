import { moderateProduct } from "../../moderate"

/** POST /admin/products/:id/reject { reason }: the union sends a product back to its cooperative. */
export const POST = moderateProduct("reject")
