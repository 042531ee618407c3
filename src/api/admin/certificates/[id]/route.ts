import { retrieveOne } from "../../review-queue"

/** GET /admin/certificates/:id: one item with evidence, context and history. */
export const GET = retrieveOne("certificate")
