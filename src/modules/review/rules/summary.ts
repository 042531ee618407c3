import type { StarCounts } from "../service"

export type ReviewSummary = { average_rating: number | null; review_count: number }

/** The average of published stars to one decimal (null with none), and how many there are. */
export function summarize(stars: StarCounts): ReviewSummary & { stars: StarCounts } {
  const count = Object.values(stars).reduce((a, b) => a + b, 0)
  const sum = Object.entries(stars).reduce((a, [star, n]) => a + Number(star) * n, 0)
  return { average_rating: count ? Math.round((sum / count) * 10) / 10 : null, review_count: count, stars }
}
