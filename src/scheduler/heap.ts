// A binary heap whose items are also found by key, so one can be updated or removed in place.
// Mirrors pkg/scheduler/backend/heap/heap.go (internal/heap/heap.go in older trees): Add (add or
// update), Delete, Get, Peek, Pop, List, Len, ordered by a less function.

export class KeyedHeap<T> {
  readonly #items: T[] = []
  // Each item's key, kept beside it: a sift moves items a dozen times per pop at 10,000 pods, and
  // working the key out again at every move was most of the queue's cost.
  readonly #keys: string[] = []
  readonly #index = new Map<string, number>()
  readonly #keyOf: (item: T) => string
  readonly #less: (a: T, b: T) => boolean

  constructor(keyOf: (item: T) => string, less: (a: T, b: T) => boolean) {
    this.#keyOf = keyOf
    this.#less = less
  }

  get length(): number {
    return this.#items.length
  }

  has(key: string): boolean {
    return this.#index.has(key)
  }

  get(key: string): T | undefined {
    const i = this.#index.get(key)
    return i === undefined ? undefined : this.#items[i]
  }

  peek(): T | undefined {
    return this.#items[0]
  }

  /** Adds the item, or replaces the one with the same key and restores the order. */
  add(item: T): void {
    const key = this.#keyOf(item)
    const i = this.#index.get(key)
    if (i !== undefined) {
      this.#items[i] = item
      this.#fix(i)
      return
    }
    this.#items.push(item)
    this.#keys.push(key)
    this.#index.set(key, this.#items.length - 1)
    this.#up(this.#items.length - 1)
  }

  delete(key: string): T | undefined {
    const i = this.#index.get(key)
    if (i === undefined) return undefined
    const item = this.#items[i]
    this.#removeAt(i)
    return item
  }

  pop(): T | undefined {
    if (this.#items.length === 0) return undefined
    const item = this.#items[0]
    this.#removeAt(0)
    return item
  }

  /** The items in no particular order. */
  list(): readonly T[] {
    return this.#items.slice()
  }

  #removeAt(i: number): void {
    const last = this.#items.length - 1
    this.#index.delete(this.#keys[i])
    if (i !== last) {
      this.#items[i] = this.#items[last]
      this.#keys[i] = this.#keys[last]
      this.#index.set(this.#keys[i], i)
    }
    this.#items.pop()
    this.#keys.pop()
    if (i < this.#items.length) this.#fix(i)
  }

  #fix(i: number): void {
    if (!this.#down(i)) this.#up(i)
  }

  #swap(i: number, j: number): void {
    const items = this.#items
    const keys = this.#keys
    const a = items[i]
    items[i] = items[j]
    items[j] = a
    const k = keys[i]
    keys[i] = keys[j]
    keys[j] = k
    this.#index.set(keys[i], i)
    this.#index.set(keys[j], j)
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.#less(this.#items[i], this.#items[parent])) break
      this.#swap(i, parent)
      i = parent
    }
  }

  /** Sifts down; true when the item moved. */
  #down(start: number): boolean {
    const n = this.#items.length
    let i = start
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      let child = left
      if (left + 1 < n && this.#less(this.#items[left + 1], this.#items[left])) child = left + 1
      if (!this.#less(this.#items[child], this.#items[i])) break
      this.#swap(i, child)
      i = child
    }
    return i > start
  }
}
