// The request language of the ReplicaSet registry scenarios: which client sends what, on which
// object, carrying which resourceVersion, and how each request's body is built from what that
// client last saw. A request names its object symbolically ("web", "the first generated name") so
// the same script runs on two servers whose uids and generated names differ.
// The shapes follow what real clients do: kubectl create/replace from a manifest, controllers'
// get → modify → update loops (client-go's retry.RetryOnConflict), status writers, finalizer
// owners removing their finalizer, and the classic mistakes (a copied resourceVersion, a list's
// resourceVersion used as an object's).
import type { ReplicaSet } from 'kubernetes-types/apps/v1'

export type Namespace = 'default' | 'kube-system'
export type ClientId = 1 | 2 | 3
/** An existing object: a fixed name, or the first name the server generated from `web-`. */
export type Ref = 'web' | 'api' | 'gen1'
/** What a create asks for: a valid name, generateName, an invalid name, or no name at all. */
export type CreateName = 'web' | 'api' | 'generate' | 'Web' | 'api_v2' | 'web.' | 'none'
/** The resourceVersion a write carries: the one the client last saw, none, or a list's revision. */
export type RvMode = 'seen' | 'none' | 'list'
export type Change =
  | 'replicas'
  | 'image'
  | 'annotation'
  | 'addFinalizer'
  | 'removeFinalizer'
  | 'status'
  | 'nothing'
  | 'dropIdentity'
  | 'generation'
  | 'foreignUid'
  | 'badReplicas'
  | 'manifest'
export type StatusChange = 'status' | 'spec' | 'nothing'

export type Request =
  | { readonly op: 'create'; readonly client: ClientId; readonly ns: Namespace; readonly name: CreateName; readonly finalizers: 0 | 1 | 2; readonly badReplicas: boolean; readonly fromSeen: boolean; readonly keepRv: boolean }
  | { readonly op: 'get'; readonly client: ClientId; readonly ns: Namespace; readonly ref: Ref }
  | { readonly op: 'update'; readonly client: ClientId; readonly ns: Namespace; readonly ref: Ref; readonly change: Change; readonly rv: RvMode }
  | { readonly op: 'updateStatus'; readonly client: ClientId; readonly ns: Namespace; readonly ref: Ref; readonly change: StatusChange; readonly rv: RvMode }
  | { readonly op: 'delete'; readonly client: ClientId; readonly ns: Namespace; readonly ref: Ref }

export const FINALIZERS = ['example.com/a', 'example.com/b', 'example.com/c'] as const
export const GENERATE_NAME = 'web-'
export const FOREIGN_UID = '00000000-0000-4000-8000-000000000000'
const NOTE = 'example.com/note'

const CREATE_NAMES: Record<CreateName, string> = { web: 'web', api: 'api', generate: '', Web: 'Web', api_v2: 'api_v2', 'web.': 'web.', none: '' }

/** The manifest a person would write: what `kubectl create -f` sends. */
export function manifest(name: string, finalizers = 0): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { ...(name ? { name } : {}), labels: { app: 'web' }, ...(finalizers > 0 ? { finalizers: FINALIZERS.slice(0, finalizers) } : {}) },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    },
  }
}

/** A writable deep copy of an object a client holds. */
type Draft = { -readonly [K in keyof ReplicaSet]: any } & { metadata: Record<string, any> }
function draft(rs: ReplicaSet): Draft {
  const copy = JSON.parse(JSON.stringify(rs)) as Draft
  copy.metadata ??= {}
  return copy
}

/** The body of a create: a manifest, or (re-creating) a copy of what the client last saw. */
export function createBody(req: Extract<Request, { op: 'create' }>, seen: ReplicaSet | undefined): ReplicaSet {
  const name = CREATE_NAMES[req.name]
  const body = req.fromSeen && seen !== undefined ? draft(seen) : draft(manifest(name, req.finalizers))
  if (!req.keepRv || !req.fromSeen) delete body.metadata.resourceVersion
  if (req.name === 'generate') body.metadata.generateName = GENERATE_NAME
  if (req.badReplicas) body.spec = { ...body.spec, replicas: -1 }
  return body
}

/** The body of an update: the client's copy (or a fresh manifest) with one change and a resourceVersion. */
export function updateBody(req: Extract<Request, { op: 'update' | 'updateStatus' }>, name: string, seen: ReplicaSet | undefined, listRevision: number): ReplicaSet {
  const base = seen === undefined || (req.op === 'update' && req.change === 'manifest') ? manifest(name) : seen
  const body = draft(base)
  const seenRv = base === seen ? seen?.metadata?.resourceVersion : undefined
  if (req.op === 'update') applyChange(body, req.change)
  else applyStatusChange(body, req.change)
  if (req.rv === 'seen' && seenRv !== undefined) body.metadata.resourceVersion = seenRv
  else if (req.rv === 'list') body.metadata.resourceVersion = String(listRevision)
  else delete body.metadata.resourceVersion
  return body
}

function applyChange(body: Draft, change: Change): void {
  const meta = body.metadata
  switch (change) {
    case 'replicas':
      body.spec.replicas = ((body.spec.replicas ?? 1) + 1) % 4
      return
    case 'image': {
      const c = body.spec.template.spec.containers[0]
      c.image = c.image === 'nginx:1.27' ? 'nginx:1.28' : 'nginx:1.27'
      return
    }
    case 'annotation':
      meta.annotations = { ...meta.annotations, [NOTE]: meta.annotations?.[NOTE] === 'a' ? 'b' : 'a' }
      return
    case 'addFinalizer': {
      const present: string[] = meta.finalizers ?? []
      const next = FINALIZERS.find((f) => !present.includes(f))
      if (next !== undefined) meta.finalizers = [...present, next]
      return
    }
    case 'removeFinalizer': {
      // A Go client's JSON omits an emptied list (omitempty), so the last removal drops the field.
      const rest = (meta.finalizers ?? []).slice(1)
      if (rest.length > 0) meta.finalizers = rest
      else delete meta.finalizers
      return
    }
    case 'status':
      applyStatusChange(body, 'status')
      return
    case 'dropIdentity':
      delete meta.uid
      delete meta.creationTimestamp
      return
    case 'generation':
      meta.generation = 42
      return
    case 'foreignUid':
      meta.uid = FOREIGN_UID
      return
    case 'badReplicas':
      body.spec.replicas = -1
      return
    case 'nothing':
    case 'manifest':
      return
  }
}

function applyStatusChange(body: Draft, change: StatusChange): void {
  if (change === 'status') body.status = { ...body.status, replicas: ((body.status?.replicas ?? 0) + 1) % 4, observedGeneration: body.metadata.generation ?? 0 }
  else if (change === 'spec') body.spec.replicas = ((body.spec.replicas ?? 1) + 1) % 4
}

const CHANGE_TEXT: Record<Change, string> = {
  replicas: 'replicas+1',
  image: 'new image',
  annotation: 'new annotation',
  addFinalizer: 'add a finalizer',
  removeFinalizer: 'remove a finalizer',
  status: 'status.replicas+1',
  nothing: 'no change',
  dropIdentity: 'no uid/creationTimestamp',
  generation: 'generation: 42',
  foreignUid: 'another uid',
  badReplicas: 'replicas: -1',
  manifest: 'the manifest again',
}
const STATUS_TEXT: Record<StatusChange, string> = { status: 'status.replicas+1', spec: 'spec.replicas+1', nothing: 'no change' }

/**
 * One line for a person: `c2 update web (replicas+1) rv=7`. `body` is the body one server was sent;
 * `fromManifest` says the client had no copy of the object, so its body started from the manifest.
 */
export function describeRequest(req: Request, name: string, body: ReplicaSet | undefined, fromManifest = false): string {
  const who = `c${req.client}`
  const where = req.ns === 'default' ? name : `${req.ns}/${name}`
  const rv = body?.metadata?.resourceVersion
  const rvText = rv === undefined ? (req.op === 'update' || req.op === 'updateStatus' ? ' (no rv)' : '') : `${'rv' in req && req.rv === 'list' ? ` rv=${rv} (a list's)` : ` rv=${rv}`}`
  switch (req.op) {
    case 'create': {
      const fin = body?.metadata?.finalizers?.length ? ` finalizers=[${body.metadata.finalizers.map((f) => f.replace('example.com/', '')).join(',')}]` : ''
      const given = req.ns === 'default' ? CREATE_NAMES[req.name] : `${req.ns}/${CREATE_NAMES[req.name]}`
      const what = req.name === 'generate' ? `generateName=${GENERATE_NAME}` : req.name === 'none' ? '(no name)' : JSON.stringify(given).slice(1, -1)
      const from = req.fromSeen && body?.metadata?.uid ? ' from its copy' : ''
      return `${who} create ${what}${from}${fin}${req.badReplicas ? ' replicas=-1' : ''}${rvText}`
    }
    case 'get':
      return `${who} get ${where}`
    case 'delete':
      return `${who} delete ${where}`
    case 'update':
      return `${who} update ${where} (${fromManifest && req.change !== 'manifest' ? 'the manifest, ' : ''}${CHANGE_TEXT[req.change]})${rvText}`
    case 'updateStatus':
      return `${who} update ${where}/status (${fromManifest ? 'the manifest, ' : ''}${STATUS_TEXT[req.change]})${rvText}`
  }
}
