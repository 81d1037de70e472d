// What one side of the thread transport has yet to send: messages in the order they were made,
// posted as one batch (protocol.ts) at the end of the turn of the event loop, or at once when
// FLUSH_AT items have gathered, so a sender that runs long without yielding still streams. Both
// sides use it: serve.ts for answers and watch events, remote-endpoint.ts for requests.
import type { MessagePort } from 'node:worker_threads'
import { encodeBatch, FLUSH_AT } from './protocol.ts'

export class Outbox<M> {
  readonly #port: MessagePort
  readonly #unencodable: (message: M, error: Error) => M | undefined
  #messages: M[] = []
  /** Messages plus items appended to the last one (grew()); a watch event counts as one. */
  #items = 0
  #queued = false

  constructor(port: MessagePort, unencodable: (message: M, error: Error) => M | undefined) {
    this.#port = port
    this.#unencodable = unencodable
  }

  /** The newest message not yet posted; a sender may append to it, then call grew(). */
  get last(): M | undefined {
    return this.#messages.at(-1)
  }

  push(message: M): void {
    this.#messages.push(message)
    this.grew()
  }

  /** One more item went into the last message. */
  grew(): void {
    if (++this.#items >= FLUSH_AT) this.flush()
    else if (!this.#queued) {
      this.#queued = true
      setImmediate(this.flush)
    }
  }

  /** Posts everything gathered so far as one batch. */
  readonly flush = (): void => {
    this.#queued = false
    if (this.#messages.length === 0) return
    const batch = this.#messages
    this.#messages = []
    this.#items = 0
    this.#port.postMessage(encodeBatch(batch, this.#unencodable))
  }
}
