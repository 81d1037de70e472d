// A reproducible world for testing informers: a script of server writes and faults (closed and
// expired watches, bookmarks, restarts) played on a VirtualClock against the in-memory API
// server, with an informer under test and two recording handlers. The outcome holds everything a
// check needs: what the server did, what the informer asked and received, what each handler was
// told (with what the cache held at that moment), and the final server and cache states.
// Used by the engine's property tests and by lesson 07's grader alike.
import type { KubeObject } from '../api/registry/object.ts'
import { VirtualClock } from '../sim/virtual-clock.ts'
import { FakeListerWatcher } from './fake-lister-watcher.ts'
import type { ListerWatcher, WatchHandle, WatchStreamEvent } from './list-watch.ts'
import { DeletedFinalStateUnknown, metaNamespaceKey, resourceVersionOf } from './object-keys.ts'
import type { ResourceEventHandler } from './resource-event-handler.ts'
import { drive } from './sim-driver.ts'
import type { Indexer } from './store.ts'

export type WorldOp =
  | { readonly op: 'apply'; readonly name: string; readonly phase: string }
  | { readonly op: 'delete'; readonly name: string }
  | { readonly op: 'wait'; readonly ms: number }
  | { readonly op: 'closeWatches' }
  | { readonly op: 'expireWatches' }
  /** `afterWrites` writes to other resources, then a BOOKMARK to every watch (then, maybe, every watch closes). */
  | { readonly op: 'bookmark'; readonly afterWrites: number; readonly thenClose?: boolean }
  | { readonly op: 'restart'; readonly downMs: number }
  /** Other resources change: the cluster's resourceVersion moves on with no event for this one. */
  | { readonly op: 'elsewhere'; readonly writes: number }

export interface WorldOptions {
  readonly startResourceVersion: number
  readonly windowSize: number
  /** Latency of each answer and delivery, in ms, cycled through. */
  readonly latenciesMs: readonly number[]
}

/** The informer under test, as the scenario needs it. */
export interface InformerUnderTest {
  run(): void
  stop(): void
  hasSynced(): boolean
}

export interface InformerDeps {
  readonly listerWatcher: ListerWatcher
  readonly clock: VirtualClock
  readonly handlers: readonly ResourceEventHandler[]
}

export type MakeInformer = (deps: InformerDeps) => { readonly informer: InformerUnderTest; readonly indexer: Indexer }

/** One thing a handler was told, with the cache's version of the key at that moment. */
export type Told =
  | { readonly type: 'add'; readonly atMs: number; readonly key: string; readonly rv: string; readonly cacheRv: string | undefined; readonly obj: KubeObject }
  | { readonly type: 'update'; readonly atMs: number; readonly key: string; readonly oldRv: string; readonly rv: string; readonly cacheRv: string | undefined; readonly same: boolean }
  | { readonly type: 'delete'; readonly atMs: number; readonly key: string; readonly rv: string; readonly tombstone: boolean; readonly cacheRv: string | undefined }

/** What the informer asked the server and what reached it, in order. */
export type Traffic =
  | { readonly type: 'list'; readonly atMs: number; readonly resourceVersion: string | undefined }
  | { readonly type: 'listed'; readonly atMs: number; readonly resourceVersion: string; readonly keys: readonly string[] }
  | { readonly type: 'list-failed'; readonly atMs: number; readonly error: string }
  | { readonly type: 'watch'; readonly atMs: number; readonly resourceVersion: string }
  | { readonly type: 'watch-failed'; readonly atMs: number; readonly error: string }
  | { readonly type: 'event'; readonly atMs: number; readonly event: string; readonly resourceVersion: string; readonly code?: number }

/** What the server did, in order: writes with their versions, and faults. */
export type ServerStep =
  | { readonly type: 'write'; readonly atMs: number; readonly event: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly key: string; readonly rv: string; readonly phase?: string }
  | { readonly type: 'fault'; readonly atMs: number; readonly what: string }

export interface Outcome {
  readonly server: readonly ServerStep[]
  readonly traffic: readonly Traffic[]
  readonly told: readonly (readonly Told[])[]
  readonly finalServer: ReadonlyMap<string, string>
  readonly finalCache: ReadonlyMap<string, string>
  readonly hasSynced: boolean
  /** What the informer asked, received, and told its first handler, one line each, in order. */
  readonly log: readonly string[]
  /** Set when the informer never went quiet (it kept retrying without waiting). */
  readonly busy: boolean
}

export const NAMESPACE = 'default'
export const HANDLERS = 2
/** How long the world stays quiet at the end, so every backoff and relist can finish. */
export const QUIET_MS = 120_000

function objectFor(name: string, phase: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NAMESPACE }, status: { phase } } as KubeObject
}

/** Records what passes between the informer and the server. */
function recording(server: ListerWatcher, clock: VirtualClock, note: (t: Traffic) => void): ListerWatcher {
  return {
    async list(options) {
      note({ type: 'list', atMs: clock.now(), resourceVersion: options.resourceVersion })
      try {
        const list = await server.list(options)
        note({ type: 'listed', atMs: clock.now(), resourceVersion: list.metadata.resourceVersion, keys: list.items.map(metaNamespaceKey) })
        return list
      } catch (error) {
        note({ type: 'list-failed', atMs: clock.now(), error: String((error as Error).message ?? error) })
        throw error
      }
    },
    async watch(options, handler) {
      note({ type: 'watch', atMs: clock.now(), resourceVersion: options.resourceVersion })
      const relay = (event: WatchStreamEvent) => {
        if (event.type === 'CLOSED') note({ type: 'event', atMs: clock.now(), event: 'CLOSED', resourceVersion: '' })
        else if (event.type === 'ERROR') note({ type: 'event', atMs: clock.now(), event: 'ERROR', resourceVersion: '', code: event.object.code })
        else note({ type: 'event', atMs: clock.now(), event: event.type, resourceVersion: event.object.metadata?.resourceVersion ?? '' })
        handler(event)
      }
      try {
        return (await server.watch(options, relay)) as WatchHandle
      } catch (error) {
        note({ type: 'watch-failed', atMs: clock.now(), error: String((error as Error).message ?? error) })
        throw error
      }
    },
  }
}

export async function runWorld(ops: readonly WorldOp[], options: WorldOptions, makeInformer: MakeInformer): Promise<Outcome> {
  const clock = new VirtualClock()
  let latencyIndex = 0
  const latencyMs = () => options.latenciesMs[latencyIndex++ % options.latenciesMs.length] ?? 0
  const server = new FakeListerWatcher({ clock, windowSize: options.windowSize, startResourceVersion: options.startResourceVersion, latencyMs })
  const serverSteps: ServerStep[] = []
  const traffic: Traffic[] = []
  const told: Told[][] = Array.from({ length: HANDLERS }, () => [])
  const log: string[] = []
  const note = (t: Traffic) => {
    traffic.push(t)
    log.push(trafficLine(t))
  }
  const tell = (handler: number, t: Told) => {
    told[handler].push(t)
    if (handler === 0) log.push(toldLine(t))
  }
  let indexer: Indexer | undefined
  const cacheRv = (key: string) => {
    const obj = indexer?.getByKey(key)
    return obj === undefined ? undefined : resourceVersionOf(obj)
  }
  const handlers: ResourceEventHandler[] = told.map((_, i) => ({
    onAdd: (obj) => {
      const key = metaNamespaceKey(obj)
      tell(i, { type: 'add', atMs: clock.now(), key, rv: resourceVersionOf(obj), cacheRv: cacheRv(key), obj })
    },
    onUpdate: (oldObj, newObj) => {
      const key = metaNamespaceKey(newObj)
      tell(i, { type: 'update', atMs: clock.now(), key, oldRv: resourceVersionOf(oldObj), rv: resourceVersionOf(newObj), cacheRv: cacheRv(key), same: oldObj === newObj })
    },
    onDelete: (obj) => {
      const tombstone = obj instanceof DeletedFinalStateUnknown || (typeof obj === 'object' && obj !== null && 'key' in obj && !('metadata' in obj))
      const key = tombstone ? String((obj as DeletedFinalStateUnknown).key) : metaNamespaceKey(obj as KubeObject)
      const last = tombstone ? (obj as DeletedFinalStateUnknown).obj : (obj as KubeObject)
      tell(i, { type: 'delete', atMs: clock.now(), key, rv: resourceVersionOf(last), tombstone, cacheRv: cacheRv(key) })
    },
  }))
  const built = makeInformer({ listerWatcher: recording(server, clock, note), clock, handlers })
  indexer = built.indexer
  built.informer.run()
  let busy = false
  const step = async (forMs: number) => {
    const result = await drive(clock, { forMs, maxSteps: 2_000 })
    if (result.type === 'busy') busy = true
  }
  await step(0)
  for (const op of ops) {
    if (busy) break
    const atMs = clock.now()
    switch (op.op) {
      case 'apply': {
        const key = `${NAMESPACE}/${op.name}`
        const event = lastEventType(serverSteps, key)
        const stored = server.apply(objectFor(op.name, op.phase))
        serverSteps.push({ type: 'write', atMs, event, key, rv: resourceVersionOf(stored), phase: op.phase })
        break
      }
      case 'delete': {
        const last = server.delete(`${NAMESPACE}/${op.name}`)
        if (last) serverSteps.push({ type: 'write', atMs, event: 'DELETED', key: metaNamespaceKey(last), rv: resourceVersionOf(last) })
        break
      }
      case 'wait':
        await step(op.ms)
        break
      case 'closeWatches':
        serverSteps.push({ type: 'fault', atMs, what: 'the server closes every watch' })
        server.closeWatches()
        break
      case 'expireWatches':
        serverSteps.push({ type: 'fault', atMs, what: `the watch cache drops its history: every watch gets ERROR 410 Expired` })
        server.expireWatches()
        break
      case 'bookmark':
        if (op.afterWrites > 0) {
          server.advanceResourceVersion(op.afterWrites)
          serverSteps.push({ type: 'fault', atMs, what: `${op.afterWrites} write(s) to other resources: rv is now ${server.resourceVersion()}` })
        }
        serverSteps.push({ type: 'fault', atMs, what: `the server sends a BOOKMARK at rv ${server.resourceVersion()}` })
        server.sendBookmarks()
        if (op.thenClose) {
          // Once the bookmark has arrived (latencies are at most a few ms), the connection drops.
          await step(20)
          serverSteps.push({ type: 'fault', atMs: clock.now(), what: 'the server closes every watch' })
          server.closeWatches()
        }
        break
      case 'elsewhere':
        server.advanceResourceVersion(op.writes)
        serverSteps.push({ type: 'fault', atMs, what: `${op.writes} write(s) to other resources: rv is now ${server.resourceVersion()}` })
        break
      case 'restart':
        serverSteps.push({ type: 'fault', atMs, what: `the API server restarts: down for ${op.downMs}ms, watches closed, history forgotten` })
        server.restart(op.downMs)
        break
    }
  }
  if (!busy) await step(QUIET_MS)
  built.informer.stop()
  const finalServer = new Map([...server.objects()].map(([key, obj]) => [key, resourceVersionOf(obj)]))
  const finalCache = new Map(built.indexer.list().map((obj) => [metaNamespaceKey(obj), resourceVersionOf(obj)]))
  return { server: serverSteps, traffic, told, finalServer, finalCache, hasSynced: built.informer.hasSynced(), busy, log }
}

function lastEventType(steps: readonly ServerStep[], key: string): 'ADDED' | 'MODIFIED' {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]
    if (s.type === 'write' && s.key === key) return s.event === 'DELETED' ? 'ADDED' : 'MODIFIED'
  }
  return 'ADDED'
}

const at = (ms: number) => `t=${ms}`.padEnd(8)

export function trafficLine(t: Traffic): string {
  switch (t.type) {
    case 'list':
      return `${at(t.atMs)}list (resourceVersion=${JSON.stringify(t.resourceVersion ?? '')})`
    case 'listed':
      return `${at(t.atMs)}  ← list at rv ${t.resourceVersion}: [${t.keys.map((k) => k.replace(`${NAMESPACE}/`, '')).join(' ')}]`
    case 'list-failed':
      return `${at(t.atMs)}  ← list failed: ${t.error}`
    case 'watch':
      return `${at(t.atMs)}watch from rv ${JSON.stringify(t.resourceVersion)}`
    case 'watch-failed':
      return `${at(t.atMs)}  ← watch failed: ${t.error}`
    case 'event':
      if (t.event === 'ERROR') return `${at(t.atMs)}  ← ERROR ${t.code} (too old resource version)`
      if (t.event === 'CLOSED') return `${at(t.atMs)}  ← watch closed`
      return `${at(t.atMs)}  ← ${t.event} rv ${t.resourceVersion}`
  }
}

export function toldLine(t: Told): string {
  const name = t.key.replace(`${NAMESPACE}/`, '')
  switch (t.type) {
    case 'add':
      return `${at(t.atMs)}    onAdd ${name}@${t.rv}`
    case 'update':
      return `${at(t.atMs)}    onUpdate ${name} ${t.oldRv}→${t.rv}`
    case 'delete':
      return t.tombstone ? `${at(t.atMs)}    onDelete ${name} (DeletedFinalStateUnknown, last @${t.rv})` : `${at(t.atMs)}    onDelete ${name}@${t.rv}`
  }
}

export function serverLine(s: ServerStep): string {
  if (s.type === 'fault') return `${at(s.atMs)}⚡ ${s.what}`
  const name = s.key.replace(`${NAMESPACE}/`, '')
  return `${at(s.atMs)}rv ${s.rv.padEnd(5)} ${s.event.padEnd(8)} ${name}${s.phase ? ` (${s.phase})` : ''}`
}
