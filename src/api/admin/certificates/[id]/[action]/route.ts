import { decide } from "../../../review-queue"

/** POST /admin/certificates/:id/{verify,reject,revoke}: only union admins reach /admin. */
export const POST = decide("certificate")
