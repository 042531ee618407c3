import { z } from "zod"

export const ListInvitesQuery = z
  .object({ status: z.enum(["pending", "accepted", "revoked", "expired"]).optional() })
  .strict()
export type ListInvitesQuery = z.infer<typeof ListInvitesQuery>
