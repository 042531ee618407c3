/**
 * The path a request was sent to, without its query string or a trailing slash, as Express matches
 * it (`/store/products/` serves what `/store/products` does). Its case is kept as sent.
 */
export function requestPath(req: { originalUrl: string }): string {
  return req.originalUrl.split("?")[0].replace(/\/$/, "")
}
