/** Trace events in the order they happened (ties: the order they were recorded). */
export const sortEvents = <T extends { occurred_at: Date | string; created_at: Date | string }>(events: T[]): T[] =>
  [...events].sort(
    (a, b) =>
      new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime() ||
      new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
  )
