/**
 * A Map with a hard size cap that evicts the least recently used entry. What the trace-page caches
 * use so that no stream of requests, however many distinct keys it names, grows memory past the cap.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>()
  constructor(readonly max: number) {}

  get size() {
    return this.map.size
  }

  get(key: K): V | undefined {
    const value = this.map.get(key)
    if (value !== undefined) {
      // Re-insert: Map iteration order is insertion order, so the first key is the least recently used.
      this.map.delete(key)
      this.map.set(key, value)
    }
    return value
  }

  /** Reads without refreshing the entry's place in line. */
  peek(key: K): V | undefined {
    return this.map.get(key)
  }

  set(key: K, value: V) {
    this.map.delete(key)
    while (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as K)
    this.map.set(key, value)
  }

  delete(key: K) {
    return this.map.delete(key)
  }

  clear() {
    this.map.clear()
  }

  entries() {
    return this.map.entries()
  }
}
