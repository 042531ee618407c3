// Medusa imports every file of src/search; this one defines no index.
/**
 * Wraps an index definition's `seed` so that the next page is read while the Search module writes
 * the current one. The module pulls a page, writes it, and only then asks for the next one; a page
 * is a `query.graph` read (Node and PostgreSQL) and the write is an upsert (mostly PostgreSQL), so
 * on a small machine the two overlap well. At most one page is read ahead; resuming is unchanged,
 * because the module records its cursor only after a page is written.
 */
export function prefetchingSeed<C, T>(seed: (context: C) => AsyncIterable<T>) {
  return async function* prefetchingSeedGenerator(context: C): AsyncGenerator<T> {
    const pages = seed(context)[Symbol.asyncIterator]()
    let next = pages.next()
    let finished = false
    try {
      for (;;) {
        const page = await next
        if (page.done) {
          finished = true
          return
        }
        next = pages.next()
        // A failed read ahead is reported when the module asks for that page, not before.
        next.catch(() => {})
        yield page.value
      }
    } finally {
      if (!finished) {
        // The module stopped early (a failed write, a lost lock): let the read in flight settle,
        // then close the inner generator so its own cleanup runs.
        await next.catch(() => {})
        await pages.return?.(undefined as any)
      }
    }
  }
}
