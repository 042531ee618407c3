import { setUnionManagement } from "../manage/helpers"

export const POST = setUnionManagement(false)
