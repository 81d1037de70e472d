// The main thread's handle on a scheduler thread (scheduler-worker.ts): start a scheduler against
// an ApiEndpoint served over a fresh MessageChannel, stop it, and close the thread when done.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads'
import type { ApiEndpoint } from '../src/api/client.ts'
import { serveApi, type ServedApi } from '../src/api/remote/serve.ts'
import type { FromWorker, ToWorker } from './scheduler-worker.ts'

export interface RunningScheduler {
  /** Stops the scheduler and the served endpoint; resolves with its failed scheduling attempts. */
  stop(): Promise<number>
}

export class SchedulerThread {
  // The .mjs registers tsx in the worker's thread, then loads scheduler-worker.ts.
  readonly #worker = new Worker(new URL('./scheduler-worker.mjs', import.meta.url))
  #failure: Error | undefined

  constructor() {
    this.#worker.on('error', (error) => (this.#failure = error))
  }

  /** The thread's fraction of time busy since `since` (performance.eventLoopUtilization). */
  get performance(): Worker['performance'] {
    return this.#worker.performance
  }

  /** Starts a scheduler in the thread against `endpoint`; resolves once its informers have synced. */
  async start(endpoint: ApiEndpoint, seed: number): Promise<RunningScheduler> {
    const { port1, port2 } = new MessageChannel()
    const served: ServedApi = serveApi(endpoint, port1)
    await this.#send({ type: 'run', api: port2, seed }, [port2])
    return {
      stop: async () => {
        const reply = await this.#send({ type: 'stop' })
        served.close()
        port1.close()
        return reply.type === 'stopped' ? reply.failed : 0
      },
    }
  }

  async close(): Promise<void> {
    await this.#worker.terminate()
  }

  #send(message: ToWorker, transfer: readonly MessagePort[] = []): Promise<FromWorker> {
    if (this.#failure) return Promise.reject(this.#failure)
    return new Promise((resolve, reject) => {
      const onMessage = (reply: FromWorker) => {
        this.#worker.off('message', onMessage)
        this.#worker.off('error', reject)
        if (reply.type === 'error') reject(new Error(`scheduler thread: ${reply.message}`))
        else resolve(reply)
      }
      this.#worker.on('message', onMessage)
      this.#worker.once('error', reject)
      this.#worker.postMessage(message, transfer as MessagePort[])
    })
  }
}
