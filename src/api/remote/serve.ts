// The server side of the thread transport (protocol.ts): answers each request by calling the
// endpoint, and forwards each watch's events. Answers and events are gathered in order and posted
// once per turn of the event loop, since a message costs more than the clone of one more event.
import type { MessagePort } from 'node:worker_threads'
import type { ApiEndpoint } from '../client.ts'
import { isApiError } from '../errors/status.ts'
import type { WatchEvent, WatchHandle } from '../watch-event.ts'
import type { Batch, ClientMessage, ServerMessage } from './protocol.ts'

export interface ServedApi {
  /** Stops every watch and stops listening on the port. */
  close(): void
}

export function serveApi(endpoint: ApiEndpoint, port: MessagePort): ServedApi {
  const watches = new Map<number, WatchHandle>()
  // Everything to send, in the order it was made; posted as one batch per turn of the event loop.
  let outbox: ServerMessage[] = []
  let flushQueued = false
  const flush = () => {
    flushQueued = false
    if (outbox.length === 0) return
    const batch: Batch<ServerMessage> = outbox
    outbox = []
    port.postMessage(batch)
  }
  const post = (message: ServerMessage) => {
    outbox.push(message)
    if (flushQueued) return
    flushQueued = true
    setImmediate(flush)
  }
  // Consecutive events of one watch share a message.
  const postEvent = (watchId: number, event: WatchEvent) => {
    const last = outbox.at(-1)
    if (last?.type === 'events' && last.watchId === watchId) (last.events as WatchEvent[]).push(event)
    else post({ type: 'events', watchId, events: [event] })
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
        void answer(message.id, () => call.apply(endpoint, [...message.args]))
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

  const onBatch = (batch: Batch<ClientMessage>) => {
    for (const message of batch) onMessage(message)
  }
  port.on('message', onBatch)
  return {
    close() {
      port.off('message', onBatch)
      for (const handle of watches.values()) handle.stop()
      watches.clear()
      flush()
    },
  }
}
