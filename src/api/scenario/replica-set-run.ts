// Runs a request script against one server: builds each request's body from what the sending
// client last saw, sends it, records the answer (an object, an ApiError's Status, or "skipped" when
// the script names a generated object this server never made), and remembers what each client saw.
// Two sides run the same script in lockstep; replica-set-diff.ts compares them step by step.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import { MemoryStore, prefixEnd, type KeyValueStore } from '../../store/index.ts'
import { Random, VirtualClock } from '../../sim/index.ts'
import { ApiClient } from '../client.ts'
import type { Status } from '../errors/status.ts'
import { ApiServer } from '../server/api-server.ts'
import { settle } from '../testing.ts'
import { apiServerEndpoint, type ReplicaSetEndpoint } from './replica-set-endpoint.ts'
import { createBody, describeRequest, updateBody, type Namespace, type Ref, type Request } from './replica-set-requests.ts'

export type Outcome = { readonly type: 'ok'; readonly obj: ReplicaSet } | { readonly type: 'error'; readonly status: Status } | { readonly type: 'skipped' }

/** What one side sent and got for one request. */
export interface Sent {
  readonly body?: ReplicaSet
  readonly outcome: Outcome
  /** The object's key is gone after the request (an immediate delete, or the last finalizer removed). */
  readonly removed: boolean
}

export interface StoredKv {
  readonly key: string
  readonly value: unknown
  readonly modRevision: number
  readonly createRevision: number
}

export interface StoreDump {
  readonly revision: number
  readonly kvs: readonly StoredKv[]
}

export const REPLICA_SET_PREFIX = '/registry/replicasets/'

function isStatusError(error: unknown): error is { status: Status } {
  const status = (error as { status?: { kind?: unknown } } | null)?.status
  return typeof status === 'object' && status !== null && status.kind === 'Status'
}

/** One server under a script, with its clients' memories. */
export class ScriptSide {
  readonly endpoint: ReplicaSetEndpoint
  readonly store: KeyValueStore
  /** What each client last saw of each object: `1/default/web`. */
  readonly #seen = new Map<string, ReplicaSet>()
  /** Names this server generated from generateName, per namespace, in order. */
  readonly generated = new Map<Namespace, string[]>()

  constructor(endpoint: ReplicaSetEndpoint, store: KeyValueStore) {
    this.endpoint = endpoint
    this.store = store
  }

  /** The name a ref stands for here (undefined: a generated name this server has not made). */
  resolve(ns: Namespace, ref: Ref): string | undefined {
    return ref === 'gen1' ? this.generated.get(ns)?.[0] : ref
  }

  async revision(): Promise<number> {
    return (await this.store.range({ key: REPLICA_SET_PREFIX, countOnly: true })).header.revision
  }

  /** Send one request; returns what was sent and what came back, and a line describing it. */
  async send(req: Request): Promise<Sent & { readonly text: string }> {
    const ref: Ref | undefined = req.op === 'create' ? (req.name === 'web' || req.name === 'api' ? req.name : undefined) : req.ref
    const name = ref === undefined ? '' : this.resolve(req.ns, ref)
    if (name === undefined) return { outcome: { type: 'skipped' }, removed: false, text: describeRequest(req, ref ?? '', undefined) }
    const memo = `${req.client}/${req.ns}/${ref}`
    const seen = ref === undefined ? undefined : this.#seen.get(memo)
    let body: ReplicaSet | undefined
    let call: () => Promise<ReplicaSet>
    switch (req.op) {
      case 'create':
        body = createBody(req, seen)
        call = () => this.endpoint.create(req.ns, body!)
        break
      case 'get':
        call = () => this.endpoint.get(req.ns, name)
        break
      case 'delete':
        call = () => this.endpoint.delete(req.ns, name)
        break
      case 'update':
      case 'updateStatus': {
        body = updateBody(req, name, seen, req.rv === 'list' ? await this.revision() : 0)
        const sent = body
        call = req.op === 'update' ? () => this.endpoint.update(req.ns, sent) : () => this.endpoint.updateStatus(req.ns, sent)
        break
      }
    }
    const text = describeRequest(req, name, body, seen === undefined)
    let outcome: Outcome
    try {
      outcome = { type: 'ok', obj: await call() }
    } catch (error) {
      if (!isStatusError(error)) throw error
      outcome = { type: 'error', status: error.status }
    }
    if (outcome.type === 'ok') {
      const obj = outcome.obj
      if (req.op === 'create' && req.name === 'generate' && obj?.metadata?.name) {
        const names = this.generated.get(req.ns) ?? []
        this.generated.set(req.ns, [...names, obj.metadata.name])
        if (names.length === 0) this.#seen.set(`${req.client}/${req.ns}/gen1`, obj)
      } else if (ref !== undefined) this.#seen.set(memo, obj)
    }
    const removed = req.op !== 'get' && req.op !== 'create' && (await this.store.range({ key: keyOf(req.ns, name), countOnly: true })).count === 0
    return { body, outcome, removed, text }
  }

  /** Every ReplicaSet key in the store, with its value parsed, and the store's revision. */
  async dump(): Promise<StoreDump> {
    const response = await this.store.range({ key: REPLICA_SET_PREFIX, rangeEnd: prefixEnd(REPLICA_SET_PREFIX) })
    return {
      revision: response.header.revision,
      kvs: response.kvs.map((kv) => ({ key: kv.key, value: parseValue(kv.value), modRevision: kv.modRevision, createRevision: kv.createRevision })),
    }
  }
}

function keyOf(ns: string, name: string): string {
  return `${REPLICA_SET_PREFIX}${ns}/${name}`
}

function parseValue(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

/** The reference: an API server over a fresh MemoryStore, on a virtual clock. */
export interface ReferenceWorld {
  readonly clock: VirtualClock
  readonly side: ScriptSide
  /** A new store holding exactly what the reference store holds, at the same revision. */
  copyStore(): Promise<MemoryStore>
  /** Let the server's watch cache catch up with the store (between requests). */
  settle(): Promise<void>
  stop(): Promise<void>
}

export async function startReference(seed = 1): Promise<ReferenceWorld> {
  const clock = new VirtualClock(Date.UTC(2024, 0, 1))
  const store = new MemoryStore({ clock })
  const server = await ApiServer.start({ store, clock, random: new Random(seed) })
  const side = new ScriptSide(apiServerEndpoint(new ApiClient(server)), store)
  return {
    clock,
    side,
    async copyStore() {
      const copy = new MemoryStore({ clock })
      const all = await store.range({ key: '\0', rangeEnd: '\0' })
      for (const kv of [...all.kvs].sort((a, b) => a.modRevision - b.modRevision)) await copy.put({ key: kv.key, value: kv.value })
      const [a, b] = [all.header.revision, (await copy.range({ key: '\0', countOnly: true })).header.revision]
      if (a !== b) throw new Error(`the copied store is at revision ${b}, the reference at ${a}`)
      return copy
    },
    settle,
    stop: () => server.stop(),
  }
}
