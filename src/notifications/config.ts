/**
 * What every message needs from the deployment: the union's name and where its sites live. Read
 * when a message is written, so a test (or an operator) can change them without a restart of code.
 */
const trim = (url: string) => url.replace(/\/+$/, "")

/** UNION_NAME, e.g. "Liên minh Hợp tác xã tỉnh Phú Thọ". */
export const unionName = () => process.env.UNION_NAME?.trim() || "Liên minh Hợp tác xã"

/** The shoppers' site (STOREFRONT_URL). */
export const storefrontUrl = () => trim(process.env.STOREFRONT_URL || "http://localhost:8000")

/** This server's public address (MEDUSA_BACKEND_URL): the cooperative panel and Medusa Admin live under it. */
export const backendUrl = () => trim(process.env.MEDUSA_BACKEND_URL || "http://localhost:9000")

/** A page of the cooperative panel, served by this server at /cooperative. */
export const panelUrl = (path: string) => `${backendUrl()}/cooperative${path}`

/** A page of Medusa Admin, served by this server at /app. */
export const adminUrl = (path: string) => `${backendUrl()}/app${path}`
