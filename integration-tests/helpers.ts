import type { MedusaContainer } from "@medusajs/framework/types"
import { seedDemoMarketplace } from "../src/scripts/demo-marketplace"
import logins from "../src/scripts/demo-logins.json"

export { logins }

export type Api = {
  get: (url: string, config?: any) => Promise<any>
  post: (url: string, body?: any, config?: any) => Promise<any>
  delete: (url: string, config?: any) => Promise<any>
}

/** axios throws on 4xx; tests read status and body of every answer the same way. */
export async function call(promise: Promise<any>): Promise<{ status: number; data: any }> {
  try {
    const res = await promise
    return { status: res.status, data: res.data }
  } catch (err: any) {
    if (!err.response) throw err
    return { status: err.response.status, data: err.response.data }
  }
}

export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

export async function seedMarketplace(container: MedusaContainer) {
  const seeded = await seedDemoMarketplace(container)
  return { publishableKey: seeded.publishableKey.token as string, salesChannelId: seeded.salesChannel.id as string, regionId: seeded.region.id as string }
}

export async function login(api: Api, actor: "user" | "vendor", email: string, password: string) {
  const { data } = await api.post(`/auth/${actor}/emailpass`, { email, password })
  return data.token as string
}

export const adminToken = (api: Api) => login(api, "user", logins.admin.email, logins.admin.password)

export function demoLogin(handle: string) {
  const found = logins.cooperatives.find((c) => c.handle === handle)
  if (!found) throw new Error(`no demo login for ${handle}`)
  return found
}

export async function demoVendorToken(api: Api, handle: string) {
  const { email, password } = demoLogin(handle)
  return login(api, "vendor", email, password)
}

/** Registers a vendor sign-in and returns its (not yet joined) token. */
export async function registerVendor(api: Api, email: string, password = "mat-khau-1") {
  const { data } = await api.post(`/auth/vendor/emailpass/register`, { email, password })
  return data.token as string
}

export const validCooperative = (overrides: Record<string, unknown> = {}) => ({
  name: "HTX Rau sạch Long Hồ",
  legal_name: "Hợp tác xã Rau sạch Long Hồ",
  tax_code: "3301000016",
  province: "Vĩnh Long",
  ward: "Xã Long Hồ",
  street_address: "Ấp Phước Định",
  phone: "0912 345 678",
  email: "lienhe@rausachlongho.vn",
  founded_year: 2019,
  member_count: 12,
  ...overrides,
})

/** Registers, creates a pending cooperative, signs in again; returns the joined token and the cooperative. */
export async function createCooperative(api: Api, email: string, overrides: Record<string, unknown> = {}) {
  const registration = await registerVendor(api, email)
  const { data } = await api.post(`/vendor/cooperatives`, validCooperative(overrides), bearer(registration))
  const token = await login(api, "vendor", email, "mat-khau-1")
  return { token, cooperative: data.cooperative }
}

export const storeHeaders = (publishableKey: string) => ({ headers: { "x-publishable-api-key": publishableKey } })
