import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { request } from "../lib/sdk"

export type Review = {
  id: string
  subject_type: "product" | "cooperative"
  product_id: string | null
  rating: number
  title: string | null
  body: string
  photo_urls: string[]
  author_name: string
  published_at: string
  reply: { body: string; replied_at: string } | null
}

export const REVIEWS_PAGE = 20

/** Published reviews of the cooperative and its products, newest first; `unanswered` keeps those without a reply. */
export function useReviews(unanswered: boolean, offset: number) {
  return useQuery({
    queryKey: ["reviews", unanswered, offset],
    queryFn: () =>
      request<{ reviews: Review[]; count: number }>(`/vendor/reviews?limit=${REVIEWS_PAGE}&offset=${offset}${unanswered ? "&replied=false" : ""}`),
  })
}

/** One reply per review: the server refuses a second (409 already_replied), which the page shows. */
export function useReply() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      request<{ review: Review }>(`/vendor/reviews/${encodeURIComponent(id)}/reply`, { method: "POST", body: { body } }).then((r) => r.review),
    // Refused or not, the list is read again: a refusal means someone else answered meanwhile.
    onSettled: () => client.invalidateQueries({ queryKey: ["reviews"] }),
  })
}
