import { decideCooperative } from "../../helpers"

export const POST = decideCooperative("reject")
