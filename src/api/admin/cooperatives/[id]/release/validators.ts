import { z } from "zod"
import { text } from "../../../../../lib/schemas"

/** Why the union frees this registration (kept in its status history). */
export const ReleaseCooperativeBody = z.object({ reason: text(2000) }).strict()
export type ReleaseCooperativeBody = z.infer<typeof ReleaseCooperativeBody>
