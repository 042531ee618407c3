import { setUnionManagement } from "./helpers"

export const POST = setUnionManagement(true)
