import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "zod"
import { validateBody } from "../../lib/validation"
import { redisStores, signInLimiters, signInLimitsFromEnv } from "./sign-in-limits"

// Read once when the server starts: a malformed limit stops it there, not at the first sign-in.
const limiters = signInLimiters(signInLimitsFromEnv(), redisStores(process.env.REDIS_URL))

// The matchers are Medusa's own route shapes, so whatever spelling reaches its sign-in handler
// (letter case, a trailing slash, a percent-encoded provider) reaches the limiters too; they act
// when the matched provider is emailpass. GET signs in as well as POST on Medusa's route.
export const authMiddlewares: MiddlewareRoute[] = [
  { method: ["GET", "POST"], matcher: "/auth/:actor_type/:auth_provider", middlewares: limiters.signIn },
  { method: ["POST"], matcher: "/auth/:actor_type/:auth_provider/register", middlewares: limiters.register },
  { method: ["POST"], matcher: "/auth/:actor_type/:auth_provider/reset-password", middlewares: limiters.resetPassword },
  // A union admin's one-time code for a managed cooperative's panel (./union-handoff/route.ts).
  { method: ["POST"], matcher: "/auth/union-handoff", middlewares: [validateBody(z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "must be a handoff code") }).strict())] },
]
