import { inviteState } from "../../../modules/cooperative/invite-token"

/** An invite as its cooperative's owner sees it: never the token or its hash. */
/** What is shown of a cooperative_invite row. */
type InviteRow = {
  id: string
  email: string
  role: string
  expires_at: Date | string
  accepted_at?: Date | string | null
  revoked_at?: Date | string | null
  created_at: Date | string
}

export const shapeInvite = ({ id, email, role, expires_at, accepted_at, revoked_at, created_at }: InviteRow) => ({
  id,
  email,
  role,
  status: inviteState({ accepted_at, revoked_at, expires_at }),
  expires_at,
  accepted_at,
  revoked_at: revoked_at ?? null,
  created_at,
})
