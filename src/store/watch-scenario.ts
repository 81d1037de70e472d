// Random scenarios for the conformance property: operations (puts, deletes, prefix deletes,
// guarded txns, compactions, reads at past revisions) interleaved with watches started at random
// revisions on keys, prefixes or everything, progress requests and cancels. `runScenario` plays one
// against a store and a naive model (history-model.ts), then settles every watch with a progress
// request and checks it against the named guarantees (watch-guarantees.ts, after etcd's
// tests/robustness/validate/watch.go). Returns the first problem as a sentence.
import fc from 'fast-check'
import { expect } from 'vitest'
import { isStoreError } from './errors.ts'
import { HistoryModel, type ModelWrite } from './history-model.ts'
import type { KeyValueStore } from './kv.ts'
import { prefixEnd, NO_END } from './keys.ts'
import type { WatchFilter, WatchRequest, WatchResponse, Watch } from './watch-messages.ts'
import { checkWatch, type RecordedWatch } from './watch-guarantees.ts'

const all = { key: NO_END, rangeEnd: NO_END }

const keyArb = fc.constantFrom('a', 'a/1', 'a/2', 'b', 'b/1', 'c')
const valueArb = fc.constantFrom('x', 'y', 'z')
const writeArb: fc.Arbitrary<ModelWrite> = fc.oneof(
  fc.record({ type: fc.constant('put' as const), key: keyArb, value: valueArb }),
  fc.record({ type: fc.constant('delete' as const), key: keyArb }),
)
const writesArb = fc.uniqueArray(writeArb, { selector: (w) => w.key, maxLength: 3 })

export type Command =
  | { readonly c: 'put'; readonly key: string; readonly value: string }
  | { readonly c: 'delete'; readonly key: string }
  | { readonly c: 'deletePrefix'; readonly prefix: string }
  | { readonly c: 'txn'; readonly key: string; readonly version: number; readonly then: ModelWrite[]; readonly otherwise: ModelWrite[] }
  | { readonly c: 'compact'; readonly back: number }
  | { readonly c: 'read'; readonly back: number }
  | { readonly c: 'watch'; readonly range: string; readonly back: number | 'now'; readonly prevKv: boolean; readonly filter: WatchFilter | 'none' }
  | { readonly c: 'progress'; readonly watch: number }
  | { readonly c: 'cancel'; readonly watch: number }

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ c: fc.constant('put' as const), key: keyArb, value: valueArb }) },
  { weight: 2, arbitrary: fc.record({ c: fc.constant('delete' as const), key: keyArb }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('deletePrefix' as const), prefix: fc.constantFrom('a', 'a/', 'b') }) },
  { weight: 2, arbitrary: fc.record({ c: fc.constant('txn' as const), key: keyArb, version: fc.integer({ min: 0, max: 2 }), then: writesArb, otherwise: writesArb }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('compact' as const), back: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('read' as const), back: fc.integer({ min: 0, max: 6 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      c: fc.constant('watch' as const),
      range: fc.constantFrom('a', 'b/1', 'prefix:a', 'prefix:a/', 'all'),
      back: fc.oneof(fc.constant('now' as const), fc.integer({ min: -2, max: 8 })),
      prevKv: fc.boolean(),
      filter: fc.constantFrom('none' as const, 'noPut' as const, 'noDelete' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('progress' as const), watch: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('cancel' as const), watch: fc.nat(9) }) },
)

function watchRange(range: string): Pick<WatchRequest, 'key' | 'rangeEnd'> {
  if (range === 'all') return all
  if (range.startsWith('prefix:')) {
    const prefix = range.slice('prefix:'.length)
    return { key: prefix, rangeEnd: prefixEnd(prefix) }
  }
  return { key: range }
}

interface Recording extends RecordedWatch {
  readonly responses: WatchResponse[]
  handle?: Watch
  canceled: boolean
  waiting?: { revision: number; resolve: () => void }
}

/** Run one scenario; returns the first problem found, as a sentence, or undefined. */
export async function runScenario(store: KeyValueStore, commands: readonly Command[]): Promise<string | undefined> {
  const model = new HistoryModel()
  const watches: Recording[] = []
  const header = (what: string, got: number) => (got === model.revision ? undefined : `${what}: header revision ${got}, model says ${model.revision}`)
  for (const cmd of commands) {
    let problem: string | undefined
    switch (cmd.c) {
      case 'put':
        model.commit([{ type: 'put', key: cmd.key, value: cmd.value }])
        problem = header(`put ${cmd.key}`, (await store.put({ key: cmd.key, value: cmd.value })).header.revision)
        break
      case 'delete':
        model.commit([{ type: 'delete', key: cmd.key }])
        problem = header(`delete ${cmd.key}`, (await store.deleteRange({ key: cmd.key })).header.revision)
        break
      case 'deletePrefix':
        model.commit(model.keys((k) => k.startsWith(cmd.prefix)).map((key) => ({ type: 'delete', key })))
        problem = header(`delete prefix ${cmd.prefix}`, (await store.deleteRange({ key: cmd.prefix, rangeEnd: prefixEnd(cmd.prefix) })).header.revision)
        break
      case 'txn': {
        const succeeded = (model.get(cmd.key)?.version ?? 0) === cmd.version
        model.commit(succeeded ? cmd.then : cmd.otherwise)
        const toOps = (ws: ModelWrite[]) => ws.map((w) => (w.type === 'put' ? { type: 'put' as const, key: w.key, value: w.value } : { type: 'deleteRange' as const, key: w.key }))
        const r = await store.txn({ compare: [{ key: cmd.key, target: 'version', result: '=', operand: cmd.version }], success: toOps(cmd.then), failure: toOps(cmd.otherwise) })
        problem = r.succeeded !== succeeded ? `txn on ${cmd.key}: succeeded ${r.succeeded}, model says ${succeeded}` : header('txn', r.header.revision)
        break
      }
      case 'compact': {
        const rev = model.revision - cmd.back
        if (rev <= model.compactRevision || rev < 1) break
        model.compact(rev)
        await store.compact(rev)
        break
      }
      case 'read': {
        const rev = Math.max(1, model.revision - cmd.back)
        if (rev < model.compactRevision) {
          const error = await store.range({ ...all, revision: rev }).then(() => undefined, (e: unknown) => e)
          if (!isStoreError(error, 'compacted')) problem = `range at ${rev} below compacted ${model.compactRevision}: want a compacted error, got ${String(error)}`
        } else {
          const got = (await store.range({ ...all, revision: rev })).kvs
          try {
            expect(got).toEqual(model.at(rev))
          } catch {
            problem = `range at revision ${rev}: got ${JSON.stringify(got)}, model says ${JSON.stringify(model.at(rev))}`
          }
        }
        break
      }
      case 'watch': {
        const startRevision = cmd.back === 'now' ? undefined : Math.max(1, model.revision - cmd.back)
        const request: WatchRequest = { ...watchRange(cmd.range), startRevision, prevKv: cmd.prevKv, filters: cmd.filter === 'none' ? [] : [cmd.filter] }
        const rec: Recording = { request, compactRevisionAtStart: model.compactRevision, revisionAtStart: model.revision, responses: [], canceled: false }
        rec.handle = await store.watch(request, (response) => {
          rec.responses.push(response)
          if (response.type === 'canceled') rec.canceled = true
          if (rec.waiting && (response.type === 'canceled' || (response.type === 'progress' && response.header.revision >= rec.waiting.revision))) rec.waiting.resolve()
        })
        watches.push(rec)
        break
      }
      case 'progress': {
        const rec = watches[cmd.watch]
        if (rec && !rec.canceled) await rec.handle!.requestProgress()
        break
      }
      case 'cancel': {
        const rec = watches[cmd.watch]
        if (rec && !rec.canceled) {
          rec.canceled = true
          await rec.handle!.cancel()
        }
        break
      }
    }
    if (problem !== undefined) return problem
  }
  // Settle: every live watch confirms, by a progress response, that it has everything up to now.
  for (const rec of watches) {
    if (rec.canceled) continue
    const settled = new Promise<void>((resolve) => (rec.waiting = { revision: model.revision, resolve }))
    await rec.handle!.requestProgress()
    await settled
  }
  for (const [i, rec] of watches.entries()) {
    const violations = checkWatch(model.events, rec)
    if (violations.length > 0) return `watch #${i} ${JSON.stringify(rec.request)}: ${violations.map((v) => v.message).join('; ')}`
  }
  return undefined
}

