// The client side of the thread transport (protocol.ts): an ApiEndpoint whose methods post a
// request to the server's thread and resolve with its answer, so an ApiClient, informers and a
// whole scheduler can run in a worker the way kube-scheduler runs in its own process. What comes
// back is deep-frozen, as the in-process server's answers are; an error Status comes back as the
// same ApiError. A watch's events arrive in order, and none after stop() returns.
import type { MessagePort } from 'node:worker_threads'
import type { ApiEndpoint } from '../client.ts'
import { ApiError } from '../errors/status.ts'
import { deepFreeze } from '../registry/object.ts'
import type { WatchEvent, WatchHandle, WatchListener } from '../watch-event.ts'
import { Outbox } from './outbox.ts'
import { decodeBatch, type ClientMessage, type Method, type ServerMessage } from './protocol.ts'

interface Waiting {
  readonly resolve: (value: unknown) => void
  readonly reject: (error: unknown) => void
}

class RemoteWatch implements WatchHandle {
  #active = true
  readonly #endpoint: RemoteEndpoint
  readonly #listener: WatchListener

  constructor(endpoint: RemoteEndpoint, readonly watchId: number, listener: WatchListener) {
    this.#endpoint = endpoint
    this.#listener = listener
  }

  get active(): boolean {
    return this.#active
  }

  deliver(events: readonly WatchEvent[]): void {
    for (const event of events) {
      if (!this.#active) return
      // The server stops a watch after an ERROR event; so does its handle here.
      if (event.type === 'ERROR') this.#active = false
      this.#listener(deepFreeze(event))
    }
  }

  stop(): void {
    if (!this.#active) return
    this.#active = false
    this.#endpoint.send({ type: 'stop-watch', watchId: this.watchId })
  }

  requestBookmark(): void {
    if (this.#active) this.#endpoint.send({ type: 'bookmark', watchId: this.watchId })
  }
}

export class RemoteEndpoint implements ApiEndpoint {
  readonly #port: MessagePort
  readonly #waiting = new Map<number, Waiting>()
  readonly #watches = new Map<number, RemoteWatch>()
  #nextId = 1
  readonly #outbox: Outbox<ClientMessage>

  constructor(port: MessagePort) {
    this.#port = port
    this.#outbox = new Outbox(port, this.#unsendable)
    port.on('message', (text: string) => {
      // What this side made before the batch arrived goes out before the batch is worked through.
      this.#outbox.flush()
      for (const message of decodeBatch<ServerMessage>(text)) this.#receive(message)
    })
  }

  /** Stops listening: requests still waiting are rejected. */
  close(): void {
    this.#port.close()
    for (const w of this.#waiting.values()) w.reject(new Error('the API connection was closed'))
    this.#waiting.clear()
  }

  /** Queues a message; everything queued in one turn of the event loop goes out as one batch. */
  send(message: ClientMessage): void {
    this.#outbox.push(message)
  }

  /** A request JSON cannot carry fails on its own; the rest of its batch still goes out. */
  readonly #unsendable = (message: ClientMessage, error: Error): undefined => {
    if (message.type !== 'call' && message.type !== 'watch') return undefined
    const waiting = this.#waiting.get(message.id)
    this.#waiting.delete(message.id)
    waiting?.reject(new Error(`the request could not be encoded as JSON: ${error.message}`))
    return undefined
  }

  create: ApiEndpoint['create'] = (...args) => this.#call('create', args)
  get: ApiEndpoint['get'] = (...args) => this.#call('get', args)
  list: ApiEndpoint['list'] = (...args) => this.#call('list', args)
  update: ApiEndpoint['update'] = (...args) => this.#call('update', args)
  patch: ApiEndpoint['patch'] = (...args) => this.#call('patch', args)
  delete: ApiEndpoint['delete'] = (...args) => this.#call('delete', args)
  bind: ApiEndpoint['bind'] = (...args) => this.#call('bind', args)

  watch: ApiEndpoint['watch'] = async (resource, namespace, options, listener) => {
    const id = this.#nextId++
    const handle = new RemoteWatch(this, id, listener as WatchListener)
    // Registered before the request goes out: the first events may overtake the answer.
    this.#watches.set(id, handle)
    try {
      await this.#request<number>({ type: 'watch', id, resource, namespace, options }, id)
    } catch (error) {
      this.#watches.delete(id)
      throw error
    }
    return handle
  }

  #call<T>(method: Method, args: readonly unknown[]): Promise<T> {
    const id = this.#nextId++
    return this.#request<T>({ type: 'call', id, method, args }, id)
  }

  #request<T>(message: ClientMessage, id: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.send(message)
    })
  }

  #receive(message: ServerMessage): void {
    switch (message.type) {
      case 'events': {
        const watch = this.#watches.get(message.watchId)
        if (watch === undefined) return
        watch.deliver(message.events)
        if (!watch.active) this.#watches.delete(message.watchId)
        return
      }
      case 'result': {
        const waiting = this.#waiting.get(message.id)
        this.#waiting.delete(message.id)
        waiting?.resolve(typeof message.value === 'object' && message.value !== null ? deepFreeze(message.value) : message.value)
        return
      }
      case 'error': {
        const waiting = this.#waiting.get(message.id)
        this.#waiting.delete(message.id)
        waiting?.reject(message.status ? new ApiError(message.status) : new Error(message.message))
        return
      }
    }
  }
}
