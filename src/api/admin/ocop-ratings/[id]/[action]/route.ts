import { decide } from "../../../review-queue"

/** POST /admin/ocop-ratings/:id/{verify,reject,revoke}: only union admins reach /admin. */
export const POST = decide("ocop_rating")
