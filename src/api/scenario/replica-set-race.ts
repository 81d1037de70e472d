// Clients racing on one ReplicaSet: each talks to its own registry (as several kube-apiservers
// share one etcd, so no in-process lock can help), and every store call waits for a scheduler to
// let it through, so the reads and writes of different clients interleave in every order.
// Two situations: read-modify-write loops on one object (get, change, update with the
// resourceVersion read, or with none; after a 409 a client may read again and retry, as
// client-go's retry.RetryOnConflict does), and several creates of one name.
// The checks (replica-set-race-checks.ts) read the store's history afterwards.
// Mirrors what staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go's GuaranteedUpdate and
// Create guarantee through their txn compares on the key's mod revision.
import fc from 'fast-check'
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { KeyValueStore } from '../../store/index.ts'
import { MemoryStore } from '../../store/index.ts'
import { VirtualClock } from '../../sim/index.ts'
import type { Status } from '../errors/status.ts'
import type { ReplicaSetEndpoint } from './replica-set-endpoint.ts'
import { manifest, updateBody, type ClientId } from './replica-set-requests.ts'
import { checkCreates, checkUpdates } from './replica-set-race-checks.ts'
import { ScheduledStore, schedulerGate } from './scheduled-store.ts'

export type RaceChange = 'replicas' | 'image' | 'annotation' | 'status'

export interface RaceClient {
  readonly change: RaceChange
  /** Send the resourceVersion read ('seen'), or none (an unconditional update). */
  readonly rv: 'seen' | 'none'
  /** After a 409, read again and retry once. */
  readonly retry: boolean
}

export type RaceSituation =
  | { readonly kind: 'updates'; readonly finalizers: boolean; readonly clients: readonly RaceClient[] }
  | { readonly kind: 'creates'; readonly replicas: readonly number[] }

const opts = { noNullPrototype: true } as const

export function raceSituation(): fc.Arbitrary<RaceSituation> {
  const client = fc.record(
    {
      change: fc.constantFrom<RaceChange>('replicas', 'image', 'annotation', 'status'),
      rv: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant<'seen'>('seen'), weight: 4 }, { arbitrary: fc.constant<'none'>('none'), weight: 1 }),
      retry: fc.boolean(),
    },
    opts,
  )
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.record({ kind: fc.constant('updates' as const), finalizers: fc.boolean(), clients: fc.array(client, { minLength: 2, maxLength: 3 }) }, opts), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('creates' as const), replicas: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 3 }) }, opts), weight: 1 },
  )
}

/** One request a client made during the race, and its answer. */
export interface RaceEvent {
  readonly client: ClientId
  /** `update web (replicas+1)`, without the resourceVersion. */
  readonly action: string
  /** The action with the resourceVersion sent: `update web (replicas+1) rv=7`. */
  readonly text: string
  readonly sentRv?: string
  readonly outcome: { readonly type: 'ok'; readonly obj: ReplicaSet } | { readonly type: 'error'; readonly status: Status }
  readonly write: boolean
}

export interface RaceRun {
  readonly events: readonly RaceEvent[]
  /** Store calls in the order the scheduler let them run: `c1 range`, `c2 txn`. */
  readonly storeCalls: readonly string[]
  readonly problems: readonly string[]
  /** Set when some request never finished. */
  readonly hung: boolean
}

export const RACE_NAME = 'web'
export const RACE_NAMESPACE = 'default'
const KEY = `/registry/replicasets/${RACE_NAMESPACE}/${RACE_NAME}`

/** Builds one client's registry over its view of the shared store. */
export type EndpointFactory = (store: KeyValueStore, clock: VirtualClock, client: ClientId) => ReplicaSetEndpoint

function isStatusError(error: unknown): error is { status: Status } {
  const status = (error as { status?: { kind?: unknown } } | null)?.status
  return typeof status === 'object' && status !== null && status.kind === 'Status'
}

async function call(client: ClientId, action: string, sentRv: string | undefined, write: boolean, fn: () => Promise<ReplicaSet>): Promise<RaceEvent> {
  const text = write && action.startsWith('update') ? `${action} ${sentRv === undefined ? '(no rv)' : `rv=${sentRv}`}` : action
  try {
    return { client, action, text, sentRv, write, outcome: { type: 'ok', obj: await fn() } }
  } catch (error) {
    if (!isStatusError(error)) throw error
    return { client, action, text, sentRv, write, outcome: { type: 'error', status: error.status } }
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function runRace(situation: RaceSituation, scheduler: fc.Scheduler, makeEndpoint: EndpointFactory): Promise<RaceRun> {
  const clock = new VirtualClock(Date.UTC(2024, 0, 1))
  const shared = new MemoryStore({ clock })
  const storeCalls: string[] = []
  let gated = false
  const scheduled = schedulerGate(scheduler, storeCalls)
  const gate = (label: string) => (gated ? scheduled(label) : Promise.resolve())
  const count = situation.kind === 'updates' ? situation.clients.length : situation.replicas.length
  const clients = Array.from({ length: count }, (_, i) => (i + 1) as ClientId)
  const endpoints = clients.map((c) => makeEndpoint(new ScheduledStore(shared, `c${c}`, gate), clock, c))
  const events: RaceEvent[] = []
  let setupRevision = 0
  if (situation.kind === 'updates') {
    await endpoints[0].create(RACE_NAMESPACE, manifest(RACE_NAME, situation.finalizers ? 1 : 0))
    setupRevision = (await shared.range({ key: KEY })).header.revision
  }
  gated = true
  const tasks = clients.map(async (client, i) => {
    const endpoint = endpoints[i]
    if (situation.kind === 'creates') {
      const body = { ...manifest(RACE_NAME), spec: { ...manifest(RACE_NAME).spec!, replicas: situation.replicas[i] } }
      events.push(await call(client, `create ${RACE_NAME} (replicas=${situation.replicas[i]})`, undefined, true, () => endpoint.create(RACE_NAMESPACE, body)))
      return
    }
    const spec = situation.clients[i]
    for (let attempt = 0; attempt < (spec.retry ? 2 : 1); attempt++) {
      const read = await call(client, `get ${RACE_NAME}`, undefined, false, () => endpoint.get(RACE_NAMESPACE, RACE_NAME))
      events.push(read)
      if (read.outcome.type !== 'ok') return
      const status = spec.change === 'status'
      const body = updateBody(
        status ? { op: 'updateStatus', client, ns: RACE_NAMESPACE, ref: RACE_NAME, change: 'status', rv: spec.rv } : { op: 'update', client, ns: RACE_NAMESPACE, ref: RACE_NAME, change: spec.change, rv: spec.rv },
        RACE_NAME,
        read.outcome.obj,
        0,
      )
      const sentRv = body.metadata?.resourceVersion
      const action = `update ${RACE_NAME}${status ? '/status' : ''} (${spec.change === 'status' ? 'status.replicas+1' : spec.change === 'replicas' ? 'replicas+1' : `new ${spec.change}`})`
      const written = await call(client, action, sentRv, true, () => (status ? endpoint.updateStatus(RACE_NAMESPACE, body) : endpoint.update(RACE_NAMESPACE, body)))
      events.push(written)
      if (!(written.outcome.type === 'error' && written.outcome.status.reason === 'Conflict')) return
    }
  })
  let settled = false
  const all = Promise.all(tasks).finally(() => {
    settled = true
  })
  all.catch(() => {})
  for (let idle = 0; !settled && idle < 3; ) {
    if (scheduler.count() > 0) {
      idle = 0
      await scheduler.waitIdle()
    } else {
      idle++
      await flush()
    }
  }
  if (!settled) return { events, storeCalls, problems: ['a request never finished: it waited for something that never happened'], hung: true }
  await all
  const target = { key: KEY, name: RACE_NAME }
  const problems = situation.kind === 'creates' ? await checkCreates(shared, target, events) : await checkUpdates(shared, target, events, setupRevision)
  return { events, storeCalls, problems, hung: false }
}
