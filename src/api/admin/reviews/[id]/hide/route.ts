import { moderateReview } from "../../helpers"

export const POST = moderateReview("hide")
