import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { request } from "../lib/sdk"

export type Variant = {
  id: string
  title: string
  sku: string | null
  price: number | null
  weight: number | null
  manage_inventory: boolean
  inventory_items?: { inventory_item_id: string }[]
}
export type ReviewState = "draft" | "proposed" | "published" | "rejected" | "changes_pending" | "changes_rejected"
export type Product = {
  id: string
  title: string
  subtitle: string | null
  description: string | null
  handle: string
  status: "draft" | "proposed" | "published" | "rejected"
  review_state: ReviewState
  thumbnail: string | null
  images: { id: string; url: string }[]
  variants: Variant[]
  moderation: { decision: "publish" | "reject"; reason: string | null; at: string } | null
  revision: { status: string; reason?: string | null } | null
  created_at: string
}

export type VariantInput = { title: string; price: number; weight?: number | null; sku?: string | null }
export type ProductInput = {
  title: string
  description?: string | null
  thumbnail?: string | null
  images?: { url: string }[]
  status?: "draft" | "proposed"
}

export function useProducts(status?: string) {
  return useQuery({
    queryKey: ["products", status ?? "all"],
    queryFn: () => request<{ products: Product[]; count: number }>(`/vendor/products?limit=100${status ? `&status=${status}` : ""}`),
  })
}

export function useProduct(id: string | null) {
  return useQuery({
    queryKey: ["product", id],
    queryFn: () => request<{ product: Product }>(`/vendor/products/${encodeURIComponent(id!)}`).then((r) => r.product),
    enabled: !!id,
  })
}

export const createProduct = (body: ProductInput & { variants: VariantInput[] }) =>
  request<{ product: Product }>("/vendor/products", { method: "POST", body }).then((r) => r.product)

export const updateProduct = (id: string, body: Partial<ProductInput>) =>
  request<{ product: Product }>(`/vendor/products/${encodeURIComponent(id)}`, { method: "POST", body }).then((r) => r.product)

export const addVariant = (id: string, body: VariantInput) =>
  request(`/vendor/products/${encodeURIComponent(id)}/variants`, { method: "POST", body })

export const updateVariant = (id: string, variantId: string, body: Partial<VariantInput>) =>
  request(`/vendor/products/${encodeURIComponent(id)}/variants/${encodeURIComponent(variantId)}`, { method: "POST", body })

export function useInvalidateProducts() {
  const client = useQueryClient()
  return () => Promise.all([client.invalidateQueries({ queryKey: ["products"] }), client.invalidateQueries({ queryKey: ["product"] }), client.invalidateQueries({ queryKey: ["inventory"] })])
}

export function useSubmitForReview(id: string) {
  const invalidate = useInvalidateProducts()
  return useMutation({ mutationFn: () => updateProduct(id, { status: "proposed" }), onSuccess: invalidate })
}
