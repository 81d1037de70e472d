// The informer's contracts as checks over an Outcome of informer-scenario.ts. Each check is named
// by the guarantee it tests and returns undefined when it holds, or one sentence saying what broke.
// resourceVersions are opaque to informers; these checks may compare them as numbers because they
// know the in-memory server issues integers.
import type { Outcome, Told } from './informer-scenario.ts'

export interface InformerGuarantee {
  readonly name: string
  readonly check: (outcome: Outcome) => string | undefined
}

const num = (rv: string | undefined) => (rv === undefined || rv === '' ? Number.NaN : Number(rv))
const short = (key: string) => key.replace(/^default\//, '')

function neverQuiet(o: Outcome): string | undefined {
  return o.busy ? 'The informer never went quiet: it kept making requests or setting timers without waiting (retry after a backoff on the clock).' : undefined
}

/** What a handler believes exists after replaying what it was told: key → resourceVersion. */
export function handlerView(calls: readonly Told[]): Map<string, string> {
  const view = new Map<string, string>()
  for (const c of calls) {
    if (c.type === 'delete') view.delete(c.key)
    else view.set(c.key, c.rv)
  }
  return view
}

function diffStates(want: ReadonlyMap<string, string>, got: ReadonlyMap<string, string>, what: string): string | undefined {
  for (const [key, rv] of want) {
    if (!got.has(key)) return `${short(key)}@${rv} exists on the server, but ${what} does not have it.`
    if (got.get(key) !== rv) return `The server has ${short(key)}@${rv}, but ${what} has ${short(key)}@${got.get(key)}.`
  }
  for (const [key, rv] of got) if (!want.has(key)) return `${what[0].toUpperCase()}${what.slice(1)} still has ${short(key)}@${rv}, which the server deleted.`
  return undefined
}

export const cacheConverges: InformerGuarantee = {
  name: "after the world goes quiet, the cache equals the server's state",
  check: (o) => neverQuiet(o) ?? diffStates(o.finalServer, o.finalCache, 'the cache'),
}

/** The states the server really had for a key: live versions and delete versions. */
function serverStates(o: Outcome, key: string) {
  const live = new Set<string>()
  const deletes = new Set<string>()
  for (const s of o.server) if (s.type === 'write' && s.key === key) (s.event === 'DELETED' ? deletes : live).add(s.rv)
  return { live, deletes }
}

export const handlersSeeStatesInOrder: InformerGuarantee = {
  name: "each handler sees each object's states in order, never going back to an older resourceVersion",
  check: (o) => {
    const first = o.told[0] ?? []
    for (const [i, calls] of o.told.entries()) {
      if (i > 0 && (calls.length !== first.length || calls.some((c, j) => JSON.stringify({ ...c, obj: undefined }) !== JSON.stringify({ ...first[j], obj: undefined })))) {
        return `Handler ${i + 1} was told something different from handler 1: every handler must be told the same things in the same order.`
      }
    }
    const latest = new Map<string, number>()
    const present = new Set<string>()
    for (const c of first) {
      const name = short(c.key)
      const { live, deletes } = serverStates(o, c.key)
      if (c.type !== 'delete' || !c.tombstone) {
        const real = c.type === 'delete' ? deletes.has(c.rv) : live.has(c.rv)
        if (!real) return `A handler was told ${c.type} ${name}@${c.rv}, but the server never had ${name} at resourceVersion ${c.rv}.`
      }
      if ((c.type === 'update' || c.type === 'delete') && !present.has(c.key)) return `A handler was told ${c.type} ${name} without ever being told ${name} exists.`
      const before = latest.get(c.key)
      if (before !== undefined && num(c.rv) < before) {
        return `A handler was told ${c.type} ${name}@${c.rv} after it had already seen ${name}@${before}: it went back to an older state.`
      }
      latest.set(c.key, Math.max(before ?? 0, num(c.rv)))
      if (c.type === 'delete') present.delete(c.key)
      else present.add(c.key)
    }
    return undefined
  },
}

export const cacheUpdatedBeforeHandlers: InformerGuarantee = {
  name: 'a handler reading the cache sees the state it is told about',
  check: (o) => {
    for (const c of o.told[0] ?? []) {
      const name = short(c.key)
      if (c.type === 'delete') {
        if (c.cacheRv !== undefined && num(c.cacheRv) <= num(c.rv)) return `When a handler was told ${name} was deleted, the cache still held ${name}@${c.cacheRv}.`
      } else if (c.cacheRv === undefined || num(c.cacheRv) < num(c.rv)) {
        return `When a handler was told ${c.type} ${name}@${c.rv}, the cache held ${c.cacheRv === undefined ? 'nothing' : `${name}@${c.cacheRv}`}: update the cache first, then call the handlers.`
      }
    }
    return undefined
  },
}

export const neverAddedTwice: InformerGuarantee = {
  name: 'an object is never reported added twice without a delete between',
  check: (o) => {
    const present = new Map<string, string>()
    for (const c of o.told[0] ?? []) {
      if (c.type === 'add' && present.has(c.key)) return `A handler was told add ${short(c.key)}@${c.rv} while it already knew ${short(c.key)}@${present.get(c.key)}: that is an update (or nothing, if unchanged).`
      if (c.type === 'delete') present.delete(c.key)
      else present.set(c.key, c.rv)
    }
    return neverQuiet(o)
  },
}

export const deletesNeverMissed: InformerGuarantee = {
  name: 'a delete is never missed, even when it happened while the watch was down',
  check: (o) => {
    const quiet = neverQuiet(o)
    if (quiet) return quiet
    for (const c of o.told[0] ?? []) {
      if (c.type !== 'delete' || c.tombstone) continue
      if (!serverStates(o, c.key).deletes.has(c.rv)) {
        return `${short(c.key)} was reported deleted with its old state @${c.rv}: a delete found by a relist must be reported as a DeletedFinalStateUnknown { key, obj }.`
      }
    }
    const view = handlerView(o.told[0] ?? [])
    for (const [key, rv] of view) if (!o.finalServer.has(key)) return `The server deleted ${short(key)}, but the handler was never told: it still believes ${short(key)}@${rv} exists.`
    for (const [key, rv] of o.finalCache) if (!o.finalServer.has(key)) return `The server deleted ${short(key)}, but the cache still has ${short(key)}@${rv}.`
    return undefined
  },
}

export const noEventLostAcrossRelist: InformerGuarantee = {
  name: 'no event is lost across a relist',
  check: (o) => {
    const quiet = neverQuiet(o)
    if (quiet) return quiet
    const view = handlerView(o.told[0] ?? [])
    for (const [key, rv] of o.finalServer) {
      if (view.get(key) !== rv) return `The server ended with ${short(key)}@${rv}, but the handler was last told ${view.has(key) ? `${short(key)}@${view.get(key)}` : `nothing about ${short(key)}`}.`
    }
    return diffStates(o.finalServer, o.finalCache, 'the cache')
  },
}

export const expiredLeadsToRelist: InformerGuarantee = {
  name: 'a 410 Gone leads to a fresh list, not a retry from the same resourceVersion',
  check: (o) => {
    for (const [i, t] of o.traffic.entries()) {
      if (t.type !== 'event' || t.event !== 'ERROR' || t.code !== 410) continue
      const next = o.traffic.slice(i + 1).find((u) => u.type === 'list' || u.type === 'watch')
      if (next === undefined) return `After the ERROR 410 at t=${t.atMs} the informer made no request at all: it must list again.`
      if (next.type === 'watch') return `After the ERROR 410 at t=${t.atMs} the informer watched again from rv ${JSON.stringify(next.resourceVersion)} instead of listing: that version is gone, only a fresh list recovers.`
    }
    return neverQuiet(o)
  },
}

export const watchResumesFromNewest: InformerGuarantee = {
  name: 'a watch resumes from the newest resourceVersion received, and a bookmark moves that point forward',
  check: (o) => {
    let newest: number | undefined
    let newestFrom = ''
    for (const t of o.traffic) {
      if (t.type === 'listed') {
        newest = num(t.resourceVersion)
        newestFrom = `the list at rv ${t.resourceVersion}`
      } else if (t.type === 'event' && t.resourceVersion !== '' && newest !== undefined && num(t.resourceVersion) > newest) {
        newest = num(t.resourceVersion)
        newestFrom = `the ${t.event} at rv ${t.resourceVersion}`
      } else if (t.type === 'watch') {
        if (newest === undefined) return `The informer watched from rv ${JSON.stringify(t.resourceVersion)} before any list: list first, then watch from the list's resourceVersion.`
        if (num(t.resourceVersion) !== newest) {
          return `At t=${t.atMs} the informer watched from rv ${JSON.stringify(t.resourceVersion)}, but the newest version it had received was ${newest} (from ${newestFrom}).`
        }
      }
    }
    return neverQuiet(o)
  },
}

export const informerGuarantees = {
  reliable: [cacheConverges, handlersSeeStatesInOrder, cacheUpdatedBeforeHandlers],
  faulty: [neverAddedTwice, deletesNeverMissed, noEventLostAcrossRelist, expiredLeadsToRelist, watchResumesFromNewest],
} as const
