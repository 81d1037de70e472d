// The safety properties of optimistic concurrency, read from the store's history after clients
// raced (replica-set-race.ts): a successful update carrying resourceVersion r replaced exactly the
// version r (else a write based on a stale read was applied: an update was lost); a 409 Conflict
// answered only an update whose resourceVersion really was stale; an update without a
// resourceVersion is never refused with 409; one create of a name wins, the others get
// AlreadyExists, and the key was written once.
// Mirrors the guarantees of GuaranteedUpdate and Create in staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go.
import type { KeyValueStore, RangeRequest } from '../../store/index.ts'
import { optimisticLockErrorMsg } from '../errors/api-errors.ts'
import type { ClientId } from './replica-set-requests.ts'
import type { RaceEvent } from './replica-set-race.ts'

/** The one object the clients raced on. */
export interface RaceTarget {
  readonly key: string
  readonly name: string
}

export async function checkCreates(store: KeyValueStore, { key, name }: RaceTarget, events: readonly RaceEvent[]): Promise<string[]> {
  const problems: string[] = []
  const wins = events.filter((e) => e.outcome.type === 'ok')
  if (wins.length !== 1) problems.push(`${wins.length} clients were told they created ${name}; exactly one create of a name may win`)
  for (const e of events) {
    if (e.outcome.type === 'error' && (e.outcome.status.reason !== 'AlreadyExists' || e.outcome.status.code !== 409)) {
      problems.push(`c${e.client}'s create was refused with ${e.outcome.status.code} ${e.outcome.status.reason}; a losing create gets 409 AlreadyExists`)
    }
  }
  const kv = (await store.range({ key })).kvs[0]
  if (kv === undefined) problems.push(`${name} is not in the store`)
  else if (kv.version !== 1) problems.push(`${name} was written ${kv.version} times; a create writes only if the key does not exist (compare its mod revision with 0 in the txn)`)
  else if (wins.length === 1 && wins[0].outcome.type === 'ok' && wins[0].outcome.obj.metadata?.resourceVersion !== String(kv.modRevision)) {
    problems.push(`the winner got resourceVersion ${wins[0].outcome.obj.metadata?.resourceVersion}, but the stored object was written at revision ${kv.modRevision}`)
  }
  return problems
}

export async function checkUpdates(store: KeyValueStore, { key, name }: RaceTarget, events: readonly RaceEvent[], setupRevision: number): Promise<string[]> {
  const problems: string[] = []
  const finalMod = (await store.range({ key })).kvs[0]?.modRevision ?? 0
  const writer = new Map<number, ClientId>()
  for (const e of events) if (e.write && e.outcome.type === 'ok') writer.set(Number(e.outcome.obj.metadata?.resourceVersion), e.client)
  for (const e of events) {
    if (!e.write) continue
    if (e.outcome.type === 'error') {
      const s = e.outcome.status
      if (s.reason !== 'Conflict') problems.push(`c${e.client}'s ${e.text} was refused with ${s.code} ${s.reason}: ${s.message}`)
      else if (e.sentRv === undefined) problems.push(`c${e.client}'s ${e.action} carried no resourceVersion, yet was refused with 409 Conflict; an unconditional update that loses the txn reads again and retries`)
      else if (finalMod <= Number(e.sentRv)) problems.push(`c${e.client}'s ${e.action} was refused with 409 Conflict, but rv=${e.sentRv} was never replaced: it was not stale`)
      else if (s.message !== `Operation cannot be fulfilled on replicasets.apps "${name}": ${optimisticLockErrorMsg}`) problems.push(`c${e.client}'s 409 says ${JSON.stringify(s.message)}`)
      continue
    }
    const w = Number(e.outcome.obj.metadata?.resourceVersion)
    const at = Number.isInteger(w) && w > setupRevision ? (await store.range({ key, revision: w })).kvs[0] : undefined
    if (at === undefined || at.modRevision !== w) {
      problems.push(`c${e.client}'s ${e.text} answered resourceVersion ${e.outcome.obj.metadata?.resourceVersion}, which is not a revision at which ${name} was written`)
      continue
    }
    if (e.sentRv === undefined) continue
    const before = (await store.range({ key, revision: w - 1 } as RangeRequest)).kvs[0]?.modRevision
    if (before !== Number(e.sentRv)) {
      const by = before === undefined ? undefined : writer.get(before)
      problems.push(
        `lost update: c${e.client}'s ${e.action} carried rv=${e.sentRv}, but when it was written (as rv ${w}) the object was already at rv ${before}` +
          `${by === undefined ? '' : ` (c${by}'s write)`}, and that change was silently overwritten. A write must compare the key's mod revision in its txn.`,
      )
    }
  }
  return problems
}
