// A scheduler in its own thread, talking to the API server in the main thread over a
// MessagePort — kube-scheduler's place in a real cluster: a separate process that reaches the
// API server only through its API. Started by scheduler-throughput.ts; says "ready" once its
// informers have synced and "stopped" when told to stop.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { ApiClient } from '../src/api/client.ts'
import { RemoteEndpoint } from '../src/api/remote/remote-endpoint.ts'
import { Scheduler } from '../src/scheduler/scheduler.ts'
import { RealClock } from '../src/sim/real-clock.ts'
import { Random } from '../src/sim/random.ts'

const { api, seed } = workerData as { api: MessagePort; seed: number }
const remote = new RemoteEndpoint(api)
let failed = 0
const scheduler = await Scheduler.start({
  client: new ApiClient(remote),
  clock: new RealClock(),
  random: new Random(seed),
  onEvent: (e) => {
    if (e.type === 'failed') failed++
  },
})
parentPort!.postMessage({ type: 'ready' })
parentPort!.on('message', async (message: { type: 'stop' }) => {
  if (message.type !== 'stop') return
  await scheduler.stop()
  remote.close()
  parentPort!.postMessage({ type: 'stopped', failed })
  parentPort!.close()
})
