import { inviteState } from "../../../modules/cooperative/invite-token"

/** An invite as its cooperative's owner sees it: never the token or its hash. */
export const shapeInvite = ({ id, email, role, expires_at, accepted_at, revoked_at, created_at }: any) => ({
  id,
  email,
  role,
  status: inviteState({ accepted_at, revoked_at, expires_at }),
  expires_at,
  accepted_at,
  revoked_at: revoked_at ?? null,
  created_at,
})
