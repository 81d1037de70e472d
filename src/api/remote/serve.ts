// The server side of the thread transport (protocol.ts): answers each request by calling the
// endpoint, and forwards each watch's events. Answers and events go out through an Outbox, in the
// order they were made.
import type { MessagePort } from 'node:worker_threads'
import type { ApiEndpoint } from '../client.ts'
import { newInternalError } from '../errors/api-errors.ts'
import { isApiError } from '../errors/status.ts'
import type { WatchEvent, WatchHandle } from '../watch-event.ts'
import { Outbox } from './outbox.ts'
import { decodeBatch, type ClientMessage, type ServerMessage } from './protocol.ts'

export interface ServedApi {
  /** Stops every watch and stops listening on the port. */
  close(): void
}

/** What goes out instead of an answer or event JSON cannot carry. */
function unencodableAnswer(message: ServerMessage, error: Error): ServerMessage {
  const why = `the server's answer could not be encoded as JSON: ${error.message}`
  switch (message.type) {
    case 'result':
    case 'error':
      return { type: 'error', id: message.id, message: why }
    case 'events':
      return { type: 'events', watchId: message.watchId, events: [{ type: 'ERROR', object: newInternalError(why).status }] }
  }
}

export function serveApi(endpoint: ApiEndpoint, port: MessagePort): ServedApi {
  const watches = new Map<number, WatchHandle>()
  const outbox = new Outbox<ServerMessage>(port, unencodableAnswer)
  const post = (message: ServerMessage) => outbox.push(message)
  // Consecutive events of one watch share a message.
  const postEvent = (watchId: number, event: WatchEvent) => {
    const last = outbox.last
    if (last?.type !== 'events' || last.watchId !== watchId) return post({ type: 'events', watchId, events: [event] })
    ;(last.events as WatchEvent[]).push(event)
    outbox.grew()
  }

  async function answer(id: number, run: () => Promise<unknown>): Promise<void> {
    try {
      post({ type: 'result', id, value: await run() })
    } catch (error) {
      post(isApiError(error) ? { type: 'error', id, status: error.status } : { type: 'error', id, message: error instanceof Error ? error.message : String(error) })
    }
  }

  function onMessage(message: ClientMessage): void {
    switch (message.type) {
      case 'call': {
        const call = endpoint[message.method] as (...args: unknown[]) => Promise<unknown>
        // No endpoint argument is ever null, so a null is an omitted argument that JSON turned into null.
        const args = message.args.map((arg) => (arg === null ? undefined : arg))
        void answer(message.id, () => call.apply(endpoint, args))
        return
      }
      case 'watch': {
        const watchId = message.id
        void answer(watchId, async () => {
          const handle = await endpoint.watch(message.resource, message.namespace, message.options as never, (event) => postEvent(watchId, event))
          watches.set(watchId, handle)
          return watchId
        })
        return
      }
      case 'stop-watch':
        watches.get(message.watchId)?.stop()
        watches.delete(message.watchId)
        return
      case 'bookmark':
        watches.get(message.watchId)?.requestBookmark()
        return
    }
  }

  const onBatch = (text: string) => {
    // What this side made before the batch arrived goes out before the batch is worked through.
    outbox.flush()
    const batch = decodeBatch<ClientMessage>(text)
    for (const message of batch) onMessage(message)
  }
  port.on('message', onBatch)
  return {
    close() {
      port.off('message', onBatch)
      for (const handle of watches.values()) handle.stop()
      watches.clear()
      outbox.flush()
    },
  }
}
