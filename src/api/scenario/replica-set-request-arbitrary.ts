// Generated request scripts for the ReplicaSet registry scenarios. A script starts with a create
// or two and then mixes reads, read-modify-writes by up to three clients, status writes and
// deletes, over a handful of names, so that stale copies, duplicate names, finalizer-held objects
// and no-op writes all come up within a dozen requests. A focus shifts the weights toward one
// guarantee's corner; every focus can still produce every request.
import fc from 'fast-check'
import type { Change, ClientId, CreateName, Namespace, Ref, Request, RvMode, StatusChange } from './replica-set-requests.ts'

export type Focus = 'identity' | 'invalid' | 'rv' | 'conflict' | 'generation' | 'specStatus' | 'finalizers' | 'all'

type Weights<T extends string> = Partial<Record<T, number>>

interface FocusWeights {
  readonly ops: Weights<Request['op']>
  readonly changes: Weights<Change>
  readonly statusChanges: Weights<StatusChange>
  readonly rv: Weights<RvMode>
  readonly names: Weights<CreateName>
  /** How often a create re-sends a client's saved copy instead of the manifest (0..1). */
  readonly recreate: number
  /** How often an opening create carries finalizers (0..1). */
  readonly finalizers: number
  /** How many clients take part (2 or 3): fewer clients share their copies more. */
  readonly clients: 2 | 3
}

const base: FocusWeights = {
  ops: { create: 2, get: 3, update: 5, updateStatus: 2, delete: 1 },
  changes: { replicas: 3, image: 2, annotation: 2, addFinalizer: 1, removeFinalizer: 2, status: 1, nothing: 1, dropIdentity: 1, generation: 1, foreignUid: 1, badReplicas: 1, manifest: 1 },
  statusChanges: { status: 3, spec: 1, nothing: 1 },
  rv: { seen: 6, none: 2, list: 1 },
  names: { web: 6, api: 2, generate: 1, Web: 1, api_v2: 1, 'web.': 1, none: 1 },
  recreate: 0.2,
  finalizers: 0.3,
  clients: 3,
}

const focused: Record<Focus, Partial<FocusWeights>> = {
  all: {},
  identity: {
    ops: { create: 4, get: 2, update: 3, updateStatus: 1, delete: 3 },
    changes: { ...base.changes, dropIdentity: 4, foreignUid: 2, generation: 2, manifest: 2 },
    names: { web: 10, api: 1, generate: 3, none: 1 },
    recreate: 0.8,
    finalizers: 0.1,
    clients: 2,
  },
  invalid: { ops: { ...base.ops, create: 4 }, changes: { ...base.changes, badReplicas: 3, foreignUid: 3 }, names: { web: 3, api: 1, generate: 1, Web: 2, api_v2: 2, 'web.': 2, none: 2 } },
  rv: { changes: { ...base.changes, nothing: 3, status: 2 }, rv: { seen: 6, none: 2, list: 2 } },
  conflict: { ops: { create: 1, get: 4, update: 6, updateStatus: 2, delete: 1 }, rv: { seen: 5, none: 1, list: 4 } },
  generation: { changes: { replicas: 3, image: 2, annotation: 3, addFinalizer: 2, removeFinalizer: 1, status: 2, nothing: 2, generation: 2, manifest: 2 } },
  specStatus: { ops: { create: 1, get: 3, update: 4, updateStatus: 4, delete: 0 }, changes: { ...base.changes, status: 4 }, statusChanges: { status: 2, spec: 3, nothing: 1 } },
  finalizers: { ops: { create: 2, get: 3, update: 4, updateStatus: 1, delete: 3 }, changes: { replicas: 1, removeFinalizer: 4, addFinalizer: 2, annotation: 1, manifest: 1 }, finalizers: 0.8 },
}

function pick<T extends string>(weights: Weights<T>): fc.Arbitrary<T> {
  const entries = Object.entries(weights).filter(([, w]) => (w as number) > 0) as [T, number][]
  return fc.oneof({ withCrossShrink: true }, ...entries.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })))
}

const ns: fc.Arbitrary<Namespace> = fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant<Namespace>('default'), weight: 19 }, { arbitrary: fc.constant<Namespace>('kube-system'), weight: 1 })
const ref: fc.Arbitrary<Ref> = fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant<Ref>('web'), weight: 14 }, { arbitrary: fc.constant<Ref>('api'), weight: 3 }, { arbitrary: fc.constant<Ref>('gen1'), weight: 1 })
const opts = { noNullPrototype: true } as const

function finalizerCount(w: FocusWeights): fc.Arbitrary<0 | 1 | 2> {
  return fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant<0>(0), weight: Math.round((1 - w.finalizers) * 10) }, { arbitrary: fc.constantFrom<1 | 2>(1, 2), weight: Math.round(w.finalizers * 10) })
}

function clientOf(w: FocusWeights): fc.Arbitrary<ClientId> {
  return w.clients === 2 ? fc.constantFrom<ClientId>(1, 2) : fc.constantFrom<ClientId>(1, 2, 3)
}

function requestArbitrary(w: FocusWeights): fc.Arbitrary<Request> {
  const finalizers = finalizerCount(w)
  const client = clientOf(w)
  const byOp: Record<Request['op'], fc.Arbitrary<Request>> = {
    create: fc.record(
      {
        op: fc.constant('create' as const),
        client,
        ns,
        name: pick(w.names),
        finalizers,
        badReplicas: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(false), weight: 6 }, { arbitrary: fc.constant(true), weight: 1 }),
        fromSeen: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(false), weight: Math.round((1 - w.recreate) * 10) }, { arbitrary: fc.constant(true), weight: Math.round(w.recreate * 10) }),
        keepRv: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
      },
      opts,
    ),
    get: fc.record({ op: fc.constant('get' as const), client, ns, ref }, opts),
    update: fc.record({ op: fc.constant('update' as const), client, ns, ref, change: pick(w.changes), rv: pick(w.rv) }, opts),
    updateStatus: fc.record({ op: fc.constant('updateStatus' as const), client, ns, ref, change: pick(w.statusChanges), rv: pick(w.rv) }, opts),
    delete: fc.record({ op: fc.constant('delete' as const), client, ns, ref }, opts),
  }
  const entries = (Object.entries(w.ops) as [Request['op'], number][]).filter(([, weight]) => weight > 0)
  return fc.oneof({ withCrossShrink: true }, ...entries.map(([op, weight]) => ({ arbitrary: byOp[op], weight })))
}

/** A script: usually opening creates of "web" and "api", then `length` requests weighted by `focus`. */
export function requestScript(focus: Focus, length: { min: number; max: number }): fc.Arbitrary<Request[]> {
  const w: FocusWeights = { ...base, ...focused[focus] }
  const client = clientOf(w)
  const opening = (name: 'web' | 'api') =>
    fc.option(
      fc.record(
        { op: fc.constant('create' as const), client, ns: fc.constant<Namespace>('default'), name: fc.constant<CreateName>(name), finalizers: finalizerCount(w), badReplicas: fc.constant(false), fromSeen: fc.constant(false), keepRv: fc.constant(false) },
        opts,
      ),
      { nil: undefined, freq: 4 },
    )
  return fc.tuple(opening('web'), opening('api'), fc.array(requestArbitrary(w), { minLength: length.min, maxLength: length.max })).map(([web, api, rest]) => [
    ...(web === undefined ? [] : [web as Request]),
    ...(api === undefined ? [] : [api as Request]),
    ...rest,
  ])
}
