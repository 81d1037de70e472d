// The messages between an API server and a client in another thread (worker_threads), as
// kube-scheduler and kube-apiserver are separate processes talking over HTTP: a request carries a
// method and its arguments, a response its value or the error Status, and a watch streams its
// events until either side stops it. Objects cross as JSON text, as they do over HTTP: parsing a
// batch of pods took 3.4 µs per pod against 4.7 µs to deserialize the same batch as a structured
// clone (v8.deserialize), and the receiving thread, the scheduler's, is the busy one.
import type { Status } from '../errors/status.ts'
import type { WatchEvent } from '../watch-event.ts'

/** The endpoint methods a request may call (ApiEndpoint in ../client.ts). */
export type Method = 'create' | 'get' | 'list' | 'update' | 'patch' | 'delete' | 'bind'

export type ClientMessage =
  | { readonly type: 'call'; readonly id: number; readonly method: Method; readonly args: readonly unknown[] }
  | { readonly type: 'watch'; readonly id: number; readonly resource: string; readonly namespace: string; readonly options: unknown }
  | { readonly type: 'stop-watch'; readonly watchId: number }
  | { readonly type: 'bookmark'; readonly watchId: number }

export type ServerMessage =
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  /** `status` when the server answered with an API error; `message` for anything else thrown. */
  | { readonly type: 'error'; readonly id: number; readonly status?: Status; readonly message?: string }
  /** Watch events in the order the server delivered them, batched per turn of the event loop. */
  | { readonly type: 'events'; readonly watchId: number; readonly events: readonly WatchEvent[] }

/**
 * What one postMessage carries: every message of one turn of the sender's event loop, in order.
 * A message costs more than encoding one more small request, so neither side posts them singly.
 */
export type Batch<M> = readonly M[]

/**
 * How many messages (a watch event counts as one) a side gathers before it posts without waiting
 * for the end of the turn: a sender that runs long without yielding still streams to the other
 * thread, so the two threads overlap instead of taking turns.
 */
export const FLUSH_AT = 128

/**
 * The batch as one JSON text. A message JSON cannot encode (a BigInt, a cycle) must not take the
 * rest of the batch down with it: such a message is replaced by what `unencodable` returns for it
 * (nothing: it is dropped), and every other message goes out as usual.
 */
export function encodeBatch<M>(batch: Batch<M>, unencodable: (message: M, error: Error) => M | undefined): string {
  try {
    return JSON.stringify(batch)
  } catch {
    const parts: string[] = []
    for (const message of batch) {
      try {
        parts.push(JSON.stringify(message))
      } catch (error) {
        const replacement = unencodable(message, error instanceof Error ? error : new Error(String(error)))
        if (replacement !== undefined) parts.push(JSON.stringify(replacement))
      }
    }
    return `[${parts.join(',')}]`
  }
}

/**
 * The batch back as messages. JSON has no `undefined`: an omitted argument inside a call's
 * argument list arrives as null (see serve.ts).
 */
export function decodeBatch<M>(text: string): Batch<M> {
  return JSON.parse(text) as Batch<M>
}
