import type { MiddlewareRoute } from "@medusajs/framework/http"

export const hooksMiddlewares: MiddlewareRoute[] = [
  // The signature covers the exact bytes the bank sent.
  { method: ["POST"], matcher: "/hooks/vietqr", bodyParser: { preserveRawBody: true }, middlewares: [] },
]
