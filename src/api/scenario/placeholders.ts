// Uids and generated names are random by design, so two servers running one script never agree
// on them. Each side replaces them by placeholders in order of appearance (uid-1, web-<1>): the two
// sides agree when the same objects share a uid, and only they do, and when the k-th generated
// name stands for the same object on both.
import { GENERATE_NAME } from './replica-set-requests.ts'

/** One side's placeholders for uids and generated names. */
export class Placeholders {
  readonly #uids = new Map<string, string>()
  readonly #names = new Map<string, string>()

  generatedName(name: string): void {
    if (!this.#names.has(name)) this.#names.set(name, `${GENERATE_NAME}<${this.#names.size + 1}>`)
  }

  uid(uid: unknown): unknown {
    if (typeof uid !== 'string' || uid === '') return uid
    let p = this.#uids.get(uid)
    if (p === undefined) this.#uids.set(uid, (p = `uid-${this.#uids.size + 1}`))
    return p
  }

  name(name: unknown): unknown {
    return typeof name === 'string' ? (this.#names.get(name) ?? name) : name
  }

  text(text: string): string {
    let out = text
    for (const [name, p] of this.#names) out = out.split(name).join(p)
    for (const [uid, p] of this.#uids) out = out.split(uid).join(p)
    return out
  }

  /** A JSON copy with uid and generated name replaced. */
  object(obj: unknown): unknown {
    if (obj === null || typeof obj !== 'object') return obj
    const copy = JSON.parse(JSON.stringify(obj)) as { metadata?: Record<string, unknown> }
    if (copy.metadata && typeof copy.metadata === 'object') {
      if ('uid' in copy.metadata) copy.metadata.uid = this.uid(copy.metadata.uid)
      if ('name' in copy.metadata) copy.metadata.name = this.name(copy.metadata.name)
    }
    return copy
  }
}
