// A scheduler in its own thread, talking to the API server in the main thread over a
// MessagePort — kube-scheduler's place in a real cluster: a separate process that reaches the
// API server only through its API. Driven by SchedulerThread (scheduler-thread.ts). One thread
// serves many runs, so every run after the first meets a warm JIT, as the in-thread runs do:
//   { type: 'run', api, seed } → starts a scheduler on that port; says "ready" once its informers
//                                have synced
//   { type: 'stop' }           → stops it; says "stopped" with the number of failed attempts
import { parentPort, type MessagePort } from 'node:worker_threads'
import { ApiClient } from '../src/api/client.ts'
import { RemoteEndpoint } from '../src/api/remote/remote-endpoint.ts'
import { Scheduler } from '../src/scheduler/scheduler.ts'
import { RealClock } from '../src/sim/real-clock.ts'
import { Random } from '../src/sim/random.ts'

export type ToWorker = { readonly type: 'run'; readonly api: MessagePort; readonly seed: number } | { readonly type: 'stop' }
export type FromWorker = { readonly type: 'ready' } | { readonly type: 'stopped'; readonly failed: number } | { readonly type: 'error'; readonly message: string }

const port = parentPort!
let running: { scheduler: Scheduler; remote: RemoteEndpoint; failed: () => number } | undefined

async function handle(message: ToWorker): Promise<FromWorker> {
  switch (message.type) {
    case 'run': {
      if (running) throw new Error('a scheduler is already running in this thread')
      const remote = new RemoteEndpoint(message.api)
      const client = new ApiClient(remote)
      let failed = 0
      const scheduler = await Scheduler.start({
        client,
        clock: new RealClock(),
        random: new Random(message.seed),
        // Let the API server's answers and watch events in while the queue is long.
        yieldEvery: 32,
        onEvent: (e) => {
          if (e.type === 'failed') failed++
        },
      })
      // Synced means listed; the informers' watch requests went out after their lists. One more
      // round trip, answered after them, means the server is watching for us before the run's
      // first pod is created (else the pods reach us only when the server next takes a turn).
      await client.namespaces().get('default')
      running = { scheduler, remote, failed: () => failed }
      return { type: 'ready' }
    }
    case 'stop': {
      if (!running) throw new Error('no scheduler is running in this thread')
      const { scheduler, remote, failed } = running
      running = undefined
      await scheduler.stop()
      remote.close()
      return { type: 'stopped', failed: failed() }
    }
  }
}

port.on('message', (message: ToWorker) => {
  handle(message).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
  )
})
