import { decide } from "../../../review-queue"

/** Only union admins reach /admin. */
export const POST = decide("ocop_rating", "reject")
