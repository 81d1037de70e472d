// Wrong: keeps a key → lease index beside each lease's key set, and detach updates only the index, so a key put again without the lease (or deleted) still dies with it.
import { Lessor as Solution } from '../lessor.ts'

export * from '../lessor.ts' // the solution's, but for the Lessor this file defines

export class Lessor extends Solution {
  /** etcd's itemMap: which lease each key belongs to. */
  readonly #owner = new Map<string, number>()

  override attach(id: number, key: string): void {
    super.attach(id, key)
    if (this.live.has(id)) this.#owner.set(key, id)
  }

  override detach(id: number, key: string): void {
    if (this.#owner.get(key) === id) this.#owner.delete(key) // the lease's own key set still holds the key
  }
}
