// Compares two servers' answers to the same request, and their stores at the end of a script,
// and says what differs and which guarantee each difference belongs to. Uids and generated names
// are random by design, so they are compared through each side's placeholders (placeholders.ts).
// Freedom where Kubernetes has freedom: the object answered for a request that removed it may
// carry either its last resourceVersion or the deleting revision (etcd3's conditionalDelete
// answers the latter), and AlreadyExists for an object being deleted may say so
// ("object is being deleted: ...", store.go's Create).
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { Status } from '../errors/status.ts'
import type { Outcome, Sent, StoreDump } from './replica-set-run.ts'
import { GENERATE_NAME } from './replica-set-requests.ts'
import type { Placeholders } from './placeholders.ts'

/** The part of the contract a difference breaks; each guarantee of lesson 04 owns one. */
export type Aspect = 'identity' | 'invalid' | 'rv' | 'conflict' | 'generation' | 'specStatus' | 'finalizers' | 'other'

export interface Difference {
  readonly aspect: Aspect
  /** One sentence or a few lines: what the reference has and what the other side has. */
  readonly what: string
}

const GENERATED_SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/

function aspectOfPath(path: string): Aspect {
  if (path === 'metadata.resourceVersion') return 'rv'
  if (path === 'metadata.generation') return 'generation'
  if (path === 'spec' || path === 'status' || path.startsWith('spec.') || path.startsWith('status.')) return 'specStatus'
  if (/^metadata\.(uid|name|namespace|creationTimestamp|generateName)$/.test(path)) return 'identity'
  if (/^metadata\.(deletionTimestamp|deletionGracePeriodSeconds|finalizers)/.test(path)) return 'finalizers'
  return 'other'
}

function aspectOfReason(reason: string | undefined): Aspect {
  if (reason === 'Conflict') return 'conflict'
  if (reason === 'Invalid') return 'invalid'
  if (reason === 'NotFound') return 'finalizers'
  return 'other'
}

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Differing leaves of two JSON values (arrays of primitives count as one leaf). */
export function jsonDiff(a: unknown, b: unknown, path = '', out: { path: string; a: unknown; b: unknown }[] = []): { path: string; a: unknown; b: unknown }[] {
  if (isPlain(a) && isPlain(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) jsonDiff(a[k], b[k], path ? `${path}.${k}` : k, out)
    return out
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.some((x) => typeof x === 'object' && x !== null)) {
    a.forEach((x, i) => jsonDiff(x, b[i], `${path}[${i}]`, out))
    return out
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, a, b })
  return out
}

export function brief(value: unknown): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value)
  return text.length > 70 ? `${text.slice(0, 67)}...` : text
}

function statusLine(s: Status): string {
  return `${s.code} ${s.reason}: ${s.message}`
}

function outcomeLine(o: Outcome, p: Placeholders): string {
  if (o.type === 'ok') return 'the object'
  if (o.type === 'skipped') return '(nothing: no such object here)'
  return p.text(statusLine(o.status))
}

function errorsDiffer(ref: Status, other: Status, pr: Placeholders, po: Placeholders): string | undefined {
  const refMsg = pr.text(ref.message)
  const msg = po.text(other.message ?? '')
  const messageOk = msg === refMsg || (ref.reason === 'AlreadyExists' && msg === `object is being deleted: ${refMsg}`)
  if (ref.code !== other.code) return `the code: reference ${ref.code}, your code ${other.code}`
  if (!messageOk) return `the message:\n  reference: ${refMsg}\n  your code: ${msg}`
  const causes = (s: Status) => JSON.stringify((s.details?.causes ?? []).map((c) => ({ reason: c.reason, field: c.field, message: c.message })))
  if (pr.text(causes(ref)) !== po.text(causes(other))) return `details.causes:\n  reference: ${pr.text(causes(ref))}\n  your code: ${po.text(causes(other))}`
  const head = (s: Status, p: Placeholders) => JSON.stringify({ name: p.name(s.details?.name), group: s.details?.group, kind: s.details?.kind })
  if (head(ref, pr) !== head(other, po)) return `details (name, group, kind): reference ${head(ref, pr)}, your code ${head(other, po)}`
  return undefined
}

/** What differs between the reference's answer and the other side's answer to one request. */
export function compareSent(ref: Sent, other: Sent, pr: Placeholders, po: Placeholders, generated: boolean): Difference[] {
  const a = ref.outcome
  const b = other.outcome
  if (a.type === 'ok' && b.type === 'ok') {
    const out: Difference[] = []
    if (generated) {
      const name = b.obj?.metadata?.name ?? ''
      if (!name.startsWith(GENERATE_NAME) || !GENERATED_SUFFIX.test(name.slice(GENERATE_NAME.length))) {
        out.push({ aspect: 'identity', what: `the generated name ${JSON.stringify(name)} is not "${GENERATE_NAME}" plus 5 random characters (use generateName(base, random))` })
      }
      pr.generatedName(a.obj.metadata?.name ?? '')
      po.generatedName(name)
    }
    if (ref.removed !== other.removed) {
      // The object was kept on one side and removed on the other: that is the whole story.
      return [{ aspect: 'finalizers', what: ref.removed ? 'the reference removed the object here (nothing held it any more); yours still stores it' : 'the reference still stores the object after this request; yours removed it' }]
    }
    const diffs = jsonDiff(pr.object(a.obj), po.object(b.obj)).filter((d) => !((ref.removed || other.removed) && d.path === 'metadata.resourceVersion'))
    for (const d of diffs) out.push({ aspect: aspectOfPath(d.path), what: `${d.path}: reference ${brief(d.a)}, your code ${brief(d.b)}` })
    return out
  }
  if (a.type === 'error' && b.type === 'error') {
    // A create that failed after its name was generated names the generated name in its error.
    if (generated && a.status.details?.name) pr.generatedName(a.status.details.name)
    if (generated && b.status.details?.name) po.generatedName(b.status.details.name)
    if (a.status.reason !== b.status.reason) {
      // The resourceVersion check comes first, so a Conflict on either side is what went wrong.
      const conflict = a.status.reason === 'Conflict' || b.status.reason === 'Conflict'
      const aspects = conflict ? ['conflict' as const] : [aspectOfReason(a.status.reason), aspectOfReason(b.status.reason)]
      return aspects.map((aspect) => ({ aspect, what: `reference: ${pr.text(statusLine(a.status))}\nyour code: ${po.text(statusLine(b.status))}` }))
    }
    const what = errorsDiffer(a.status, b.status, pr, po)
    return what === undefined ? [] : [{ aspect: aspectOfReason(a.status.reason), what }]
  }
  if (a.type === b.type) return []
  const reason = a.type === 'error' ? a.status.reason : b.type === 'error' ? b.status.reason : undefined
  const aspect: Aspect = a.type === 'skipped' || b.type === 'skipped' ? 'other' : aspectOfReason(reason)
  return [{ aspect, what: `reference: ${outcomeLine(a, pr)}\nyour code: ${outcomeLine(b, po)}` }]
}

/** What differs between the two stores at the end of a script. */
export function compareStores(ref: StoreDump, other: StoreDump, pr: Placeholders, po: Placeholders): Difference[] {
  const out: Difference[] = []
  if (ref.revision !== other.revision) {
    out.push({ aspect: 'rv', what: `the store's revision: reference ${ref.revision}, yours ${other.revision} (each successful write takes exactly one revision; a no-op update writes nothing)` })
  }
  const name = (key: string, p: Placeholders) => {
    const [ns, n] = key.split('/').slice(-2)
    return `${ns}/${String(p.name(n))}`
  }
  const theirs = new Map(other.kvs.map((kv) => [name(kv.key, po), kv]))
  for (const kv of ref.kvs) {
    const id = name(kv.key, pr)
    const mine = theirs.get(id)
    theirs.delete(id)
    if (mine === undefined) {
      out.push({ aspect: 'finalizers', what: `${id} is stored in the reference, but not in your store` })
      continue
    }
    if (mine.modRevision !== kv.modRevision) out.push({ aspect: 'rv', what: `${id}'s mod revision: reference ${kv.modRevision}, yours ${mine.modRevision}` })
    if (mine.createRevision !== kv.createRevision) out.push({ aspect: 'other', what: `${id}'s create revision: reference ${kv.createRevision}, yours ${mine.createRevision}` })
    const stored = (mine.value as ReplicaSet | undefined)?.metadata?.resourceVersion
    if (stored !== undefined) out.push({ aspect: 'rv', what: `${id}'s stored value holds metadata.resourceVersion ${JSON.stringify(stored)}; the value never holds it (the key's mod revision is the resourceVersion)` })
    for (const d of jsonDiff(pr.object(kv.value), po.object(mine.value)).filter((d) => d.path !== 'metadata.resourceVersion')) {
      out.push({ aspect: aspectOfPath(d.path), what: `${id}'s stored ${d.path}: reference ${brief(d.a)}, yours ${brief(d.b)}` })
    }
  }
  for (const id of theirs.keys()) out.push({ aspect: 'finalizers', what: `${id} is still in your store, but not in the reference's` })
  return out
}

/** A compact line for an answer: `ok rv=8 gen=2 spec=2 status=1 fin=a deleting` (spec and status: their replicas). */
export function summary(o: Outcome, p: Placeholders): string {
  if (o.type === 'skipped') return '(skipped)'
  if (o.type === 'error') return `${o.status.code} ${o.status.reason}${o.status.reason === 'Invalid' ? `: ${(o.status.details?.causes ?? []).map((c) => c.field).join(', ')}` : ''}`
  const obj = o.obj as ReplicaSet | undefined
  if (obj === null || typeof obj !== 'object') return `ok ${brief(obj)}`
  const m = obj.metadata ?? {}
  const parts = [`ok rv=${m.resourceVersion ?? '-'}`, `gen=${m.generation ?? '-'}`, `spec=${obj.spec?.replicas ?? '-'}`]
  if (obj.status !== undefined) parts.push(`status=${obj.status.replicas ?? '-'}`)
  const image = obj.spec?.template?.spec?.containers?.[0]?.image
  if (image !== undefined && image !== 'nginx:1.27') parts.push(image)
  const name = p.name(m.name)
  if (typeof name === 'string' && name.startsWith(`${GENERATE_NAME}<`)) parts.push(name)
  if (m.finalizers !== undefined) parts.push(`fin=${m.finalizers.map((f) => f.replace('example.com/', '')).join(',') || '[]'}`)
  if (m.deletionTimestamp !== undefined) parts.push('deleting')
  return parts.join(' ')
}
