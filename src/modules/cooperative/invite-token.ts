import { createHash, randomBytes } from "node:crypto"

/** A fresh invite token: 32 random bytes, URL-safe. Shown once (to the owner), never stored. */
export const newInviteToken = () => randomBytes(32).toString("base64url")

/**
 * What the database keeps instead of the token. A plain SHA-256 suffices: the token has 256 bits of
 * entropy, so there is nothing to brute-force, and an equality lookup on the hash finds the invite.
 */
export const hashInviteToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex")

export type InviteState = "pending" | "accepted" | "revoked" | "expired"

/** Where an invite stands now; only a pending one can be accepted or revoked. */
export function inviteState(invite: { accepted_at?: Date | string | null; revoked_at?: Date | string | null; expires_at: Date | string }, now = Date.now()): InviteState {
  if (invite.accepted_at) return "accepted"
  if (invite.revoked_at) return "revoked"
  if (new Date(invite.expires_at).getTime() <= now) return "expired"
  return "pending"
}
