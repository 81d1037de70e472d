// List and watch semantics: resourceVersion rules, pagination, the watch cache's window and 410,
// bookmarks, selector-filtered watches, and the properties a controller relies on (every change
// exactly once, in order; a list at X and a watch from X together miss nothing and repeat nothing).
import type { ConfigMap } from 'kubernetes-types/core/v1'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { prefixEnd } from '../../store/index.ts'
import { ApiError } from '../errors/status.ts'
import type { KubeObject } from '../registry/object.ts'
import { pod, settle, startTestServer, type TestCluster } from '../testing.ts'
import type { WatchEvent } from '../watch-event.ts'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

const cm = (name: string, labels: Record<string, string> = {}, value = '0'): ConfigMap => ({ metadata: { name, labels }, data: { v: value } })

/** One random write on a small set of config maps (names a..c, label app=x or y). */
type Op =
  | { type: 'create'; name: string; app: string }
  | { type: 'update'; name: string; app: string; value: string }
  | { type: 'delete'; name: string }
  | { type: 'finalize'; name: string }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('create' as const), name: fc.constantFrom('a', 'b', 'c'), app: fc.constantFrom('x', 'y') }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('update' as const), name: fc.constantFrom('a', 'b', 'c'), app: fc.constantFrom('x', 'y'), value: fc.constantFrom('1', '2') }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('delete' as const), name: fc.constantFrom('a', 'b', 'c') }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('finalize' as const), name: fc.constantFrom('a', 'b', 'c') }, { noNullPrototype: true }),
)

/** Apply an op through the client; expected failures (exists, missing) are ignored. */
async function apply(c: TestCluster, op: Op): Promise<void> {
  const client = c.client.configMaps('default')
  try {
    if (op.type === 'create') await client.create({ ...cm(op.name, { app: op.app }), metadata: { name: op.name, labels: { app: op.app }, finalizers: op.app === 'y' ? ['example.com/hold'] : [] } })
    else if (op.type === 'update') {
      const cur = await client.get(op.name)
      await client.update({ ...cur, metadata: { ...cur.metadata, labels: { app: op.app } }, data: { v: op.value } })
    } else if (op.type === 'delete') await client.delete(op.name)
    else {
      const cur = await client.get(op.name)
      await client.update({ ...cur, metadata: { ...cur.metadata, finalizers: [] } })
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
  }
}

const brief = (e: WatchEvent): string => `${e.type} ${(e.object as KubeObject).metadata?.name ?? ''}@${e.object.metadata?.resourceVersion}`

describe('watch properties', () => {
  test('a watch from a resourceVersion delivers every later change exactly once, in order, as the store saw it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), fc.array(opArb, { maxLength: 10 }), async (before, after) => {
        const c = await startTestServer()
        for (const op of before) await apply(c, op)
        const start = c.store.revision
        const seen: WatchEvent[] = []
        const w = await c.client.configMaps('default').watch({ resourceVersion: String(start) }, (e) => seen.push(e))
        // The store's own history for the same keys and revisions is the reference.
        const expected: string[] = []
        const live = new Set((await c.store.range({ key: '/registry/configmaps/', rangeEnd: prefixEnd('/registry/configmaps/'), revision: start })).kvs.map((kv) => kv.key))
        const raw = await c.store.watch({ key: '/registry/configmaps/', rangeEnd: prefixEnd('/registry/configmaps/'), startRevision: start + 1 }, (r) => {
          if (r.type !== 'events') return
          for (const ev of r.events) {
            const name = ev.kv.key.split('/').pop()
            if (ev.type === 'delete') {
              live.delete(ev.kv.key)
              expected.push(`DELETED ${name}@${ev.kv.modRevision}`)
            } else {
              expected.push(`${live.has(ev.kv.key) ? 'MODIFIED' : 'ADDED'} ${name}@${ev.kv.modRevision}`)
              live.add(ev.kv.key)
            }
          }
        })
        for (const op of after) await apply(c, op)
        await settle()
        w.stop()
        await raw.cancel()
        expect(seen.map(brief)).toEqual(expected)
      }),
      { numRuns: 40 },
    )
  })

  test('a list at X followed by a watch from X rebuilds the final state, missing nothing and repeating nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 15 }), fc.array(opArb, { maxLength: 15 }), fc.constantFrom('', 'app=x', 'app!=x'), async (before, after, selector) => {
        const c = await startTestServer()
        for (const op of before) await apply(c, op)
        const list = await c.client.configMaps('default').list({ labelSelector: selector })
        const state = new Map<string, string>(list.items.map((o) => [o.metadata!.name!, o.metadata!.resourceVersion!]))
        const problems: string[] = []
        const w = await c.client.configMaps('default').watch({ resourceVersion: list.metadata.resourceVersion, labelSelector: selector }, (e) => {
          if (e.type === 'BOOKMARK' || e.type === 'ERROR') return
          const name = e.object.metadata!.name!
          if (e.type === 'ADDED' && state.has(name)) problems.push(`duplicate ADDED ${name}`)
          if (e.type !== 'ADDED' && !state.has(name)) problems.push(`${e.type} of unknown ${name}`)
          if (e.type === 'DELETED') state.delete(name)
          else state.set(name, e.object.metadata!.resourceVersion!)
        })
        for (const op of after) await apply(c, op)
        await settle()
        w.stop()
        const final = await c.client.configMaps('default').list({ labelSelector: selector })
        expect(problems).toEqual([])
        expect([...state.entries()].sort()).toEqual(final.items.map((o) => [o.metadata!.name!, o.metadata!.resourceVersion!]))
      }),
      { numRuns: 40 },
    )
  })

  test('an update carrying any resourceVersion but the current one is always a 409', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('1', '2', '3'), { minLength: 1, maxLength: 8 }), fc.nat(), async (values, pick) => {
        const c = await startTestServer()
        const client = c.client.configMaps('default')
        const versions = [await client.create(cm('a'))]
        for (const v of values) versions.push(await client.update({ ...versions[versions.length - 1], data: { v } }))
        const current = versions[versions.length - 1]
        const chosen = versions[pick % versions.length]
        const attempt = client.update({ ...chosen, data: { v: 'new' } })
        if (chosen.metadata!.resourceVersion === current.metadata!.resourceVersion) await attempt
        else expect((await failure(attempt)).status.code).toBe(409)
      }),
      { numRuns: 50 },
    )
  })

  test('generation moves by one on each spec change and never on metadata or status changes', async () => {
    type Change = 'spec' | 'labels' | 'status' | 'none'
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Change>('spec', 'labels', 'status', 'none'), { maxLength: 10 }), async (changes) => {
        const c = await startTestServer()
        const client = c.client.deployments('default')
        let d = await client.create({
          metadata: { name: 'web' },
          spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'x:1' }] } } },
        })
        let expected = 1
        for (const [i, change] of changes.entries()) {
          if (change === 'spec') {
            d = await client.update({ ...d, spec: { ...d.spec!, replicas: d.spec!.replicas! + 1 } })
            expected++
          } else if (change === 'labels') d = await client.update({ ...d, metadata: { ...d.metadata, labels: { n: String(i) } } })
          else if (change === 'status') d = await client.updateStatus({ ...d, status: { replicas: i } })
          else d = await client.update(d)
          expect(d.metadata!.generation).toBe(expected)
        }
      }),
      { numRuns: 40 },
    )
  })
})

describe('watch start and the watch cache window', () => {
  test('an unset or "0" resourceVersion starts with synthetic ADDED events for the current state, in key order', async () => {
    const c = await startTestServer()
    await c.client.configMaps('default').create(cm('b'))
    await c.client.configMaps('default').create(cm('a'))
    for (const rv of [undefined, '0']) {
      const seen: string[] = []
      const w = await c.client.configMaps('default').watch({ resourceVersion: rv }, (e) => seen.push(brief(e)))
      await c.client.configMaps('default').delete('a')
      await settle()
      w.stop()
      expect(seen.map((s) => s.split('@')[0])).toEqual(['ADDED a', 'ADDED b', 'DELETED a'])
      await c.client.configMaps('default').create(cm('a'))
    }
  })

  test('below the window a watch gets one ERROR event: 410 Expired, "too old resource version"', async () => {
    const c = await startTestServer({ watchCacheCapacity: 4 })
    const first = await c.client.configMaps('default').create(cm('a'))
    for (let i = 0; i < 6; i++) await c.client.configMaps('default').update({ metadata: { name: 'a' }, data: { v: String(i) } })
    const seen: WatchEvent[] = []
    const w = await c.client.configMaps('default').watch({ resourceVersion: first.metadata!.resourceVersion }, (e) => seen.push(e))
    await settle()
    expect(w.active).toBe(false)
    expect(seen).toHaveLength(1)
    expect(seen[0].type).toBe('ERROR')
    const status = seen[0].object as ApiError['status']
    expect(status).toMatchObject({ code: 410, reason: 'Expired' })
    const oldest = c.store.revision - 4 + 1
    expect(status.message).toBe(`too old resource version: ${first.metadata!.resourceVersion} (${oldest - 1})`)
    const ok: WatchEvent[] = []
    await c.client.configMaps('default').watch({ resourceVersion: String(oldest - 1) }, (e) => ok.push(e))
    await settle()
    expect(ok.map((e) => e.type)).toEqual(['MODIFIED', 'MODIFIED', 'MODIFIED', 'MODIFIED'])
  })

  test('a watch from a future resourceVersion is a 504 Timeout "Too large resource version"', async () => {
    const c = await startTestServer()
    const e = await failure(c.client.configMaps('default').watch({ resourceVersion: '999' }, () => {}))
    expect(e.status).toMatchObject({ code: 504, reason: 'Timeout' })
    expect(e.message.startsWith('Too large resource version: 999, current: ')).toBe(true)
  })

  test('bookmarks arrive every interval and on request, carrying only the current resourceVersion', async () => {
    const c = await startTestServer({ bookmarkIntervalMs: 1000 })
    const seen: WatchEvent[] = []
    const w = await c.client.configMaps('default').watch({ allowWatchBookmarks: true, resourceVersion: String(c.store.revision) }, (e) => seen.push(e))
    await c.client.pods('default').create(pod('other'))
    c.clock.advance(1000)
    await settle()
    expect(seen).toEqual([{ type: 'BOOKMARK', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { resourceVersion: String(c.store.revision) } } }])
    await c.client.configMaps('default').create(cm('a'))
    w.requestBookmark()
    await settle()
    expect(seen.map((e) => e.type)).toEqual(['BOOKMARK', 'ADDED', 'BOOKMARK'])
    w.stop()
    expect(c.clock.pending).toBe(0)
  })

  test('sendInitialEvents ends the initial state with a bookmark annotated k8s.io/initial-events-end', async () => {
    const c = await startTestServer()
    await c.client.configMaps('default').create(cm('a'))
    const seen: WatchEvent[] = []
    const w = await c.client.configMaps('default').watch({ sendInitialEvents: true, allowWatchBookmarks: true, resourceVersionMatch: 'NotOlderThan', resourceVersion: '0' }, (e) => seen.push(e))
    await settle()
    w.stop()
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'BOOKMARK'])
    expect(seen[1].object.metadata).toEqual({ resourceVersion: String(c.store.revision), annotations: { 'k8s.io/initial-events-end': 'true' } })
  })

  test('with a selector, an object that stops matching arrives as DELETED and one that starts matching as ADDED', async () => {
    const c = await startTestServer()
    const client = c.client.configMaps('default')
    const a = await client.create(cm('a', { app: 'x' }))
    const seen: string[] = []
    const w = await client.watch({ labelSelector: 'app=x', resourceVersion: a.metadata!.resourceVersion }, (e) => seen.push(`${e.type} ${(e.object as ConfigMap).metadata?.labels?.app}`))
    const moved = await client.update({ ...a, metadata: { ...a.metadata, labels: { app: 'y' } } })
    await client.update({ ...moved, metadata: { ...moved.metadata, labels: { app: 'x' } } })
    await client.delete('a')
    await settle()
    w.stop()
    expect(seen).toEqual(['DELETED x', 'ADDED x', 'DELETED x'])
  })

  test('a kubelet-style watch on spec.nodeName sees a pod once it is bound to its node, and its deletion', async () => {
    const c = await startTestServer()
    const seen: string[] = []
    const w = await c.client.pods('').watch({ fieldSelector: 'spec.nodeName=node-1' }, (e) => seen.push(brief(e).split('@')[0]))
    await c.client.pods('default').create(pod('web'))
    await c.client.pods('default').create(pod('other'))
    await c.client.pods('default').bind({ metadata: { name: 'web' }, target: { name: 'node-1' } })
    await c.client.pods('default').bind({ metadata: { name: 'other' }, target: { name: 'node-2' } })
    await c.client.pods('default').delete('web', { gracePeriodSeconds: 0 })
    await settle()
    w.stop()
    expect(seen).toEqual(['ADDED web', 'DELETED web'])
  })
})

describe('list', () => {
  test('a list carries the store revision and its items in key order; selectors filter; bad selectors are 400', async () => {
    const c = await startTestServer()
    for (const [name, app] of [['c', 'x'], ['a', 'y'], ['b', 'x']]) await c.client.configMaps('default').create(cm(name, { app }))
    const list = await c.client.configMaps('default').list()
    expect(list.kind).toBe('ConfigMapList')
    expect(list.metadata.resourceVersion).toBe(String(c.store.revision))
    expect(list.items.map((o) => o.metadata!.name)).toEqual(['a', 'b', 'c'])
    expect((await c.client.configMaps('default').list({ labelSelector: 'app=x' })).items.map((o) => o.metadata!.name)).toEqual(['b', 'c'])
    expect((await c.client.configMaps('').list({ fieldSelector: 'metadata.name=a' })).items).toHaveLength(1)
    expect((await failure(c.client.configMaps('default').list({ labelSelector: 'app in (' }))).status.code).toBe(400)
    expect((await failure(c.client.pods('default').list({ fieldSelector: 'spec.color=red' }))).message).toBe('field label not supported: spec.color')
  })

  test('limit and continue page through one consistent snapshot, even while objects change', async () => {
    const c = await startTestServer()
    for (const name of ['a', 'b', 'c', 'd', 'e']) await c.client.configMaps('default').create(cm(name))
    const first = await c.client.configMaps('default').list({ limit: 2 })
    expect(first.items.map((o) => o.metadata!.name)).toEqual(['a', 'b'])
    expect(first.metadata.remainingItemCount).toBe(3)
    await c.client.configMaps('default').delete('c')
    await c.client.configMaps('default').create(cm('bb'))
    const names = first.items.map((o) => o.metadata!.name)
    let token = first.metadata.continue
    while (token) {
      const page = await c.client.configMaps('default').list({ limit: 2, continue: token })
      expect(page.metadata.resourceVersion).toBe(first.metadata.resourceVersion)
      names.push(...page.items.map((o) => o.metadata!.name))
      token = page.metadata.continue
    }
    expect(names).toEqual(['a', 'b', 'c', 'd', 'e'])
    const decoded = JSON.parse(Buffer.from(first.metadata.continue!, 'base64url').toString())
    expect(decoded).toEqual({ v: 'meta.k8s.io/v1', rv: Number(first.metadata.resourceVersion), start: 'default/b\u0000' })
  })

  test('a continue token whose revision was compacted is 410 Expired, with a token to go on inconsistently', async () => {
    const c = await startTestServer()
    for (const name of ['a', 'b', 'c']) await c.client.configMaps('default').create(cm(name))
    const first = await c.client.configMaps('default').list({ limit: 1 })
    await c.client.configMaps('default').create(cm('d'))
    await c.store.compact(c.store.revision)
    const e = await failure(c.client.configMaps('default').list({ limit: 1, continue: first.metadata.continue }))
    expect(e.status).toMatchObject({ code: 410, reason: 'Expired' })
    expect(e.message.startsWith('The provided continue parameter is too old to display a consistent list result.')).toBe(true)
    const rest = await c.client.configMaps('default').list({ continue: e.status.metadata.continue })
    expect(rest.items.map((o) => o.metadata!.name)).toEqual(['b', 'c', 'd'])
    expect((await failure(c.client.configMaps('default').list({ continue: 'garbage!' }))).status.code).toBe(400)
  })

  test('resourceVersionMatch Exact reads the store at that revision; compacted is 410; forbidden combinations are 400', async () => {
    const c = await startTestServer()
    const a = await c.client.configMaps('default').create(cm('a'))
    await c.client.configMaps('default').create(cm('b'))
    const exact = await c.client.configMaps('default').list({ resourceVersion: a.metadata!.resourceVersion, resourceVersionMatch: 'Exact' })
    expect(exact.items.map((o) => o.metadata!.name)).toEqual(['a'])
    expect(exact.metadata.resourceVersion).toBe(a.metadata!.resourceVersion)
    const notOlder = await c.client.configMaps('default').list({ resourceVersion: a.metadata!.resourceVersion, resourceVersionMatch: 'NotOlderThan' })
    expect(notOlder.items).toHaveLength(2)
    const any = await c.client.configMaps('default').list({ resourceVersion: '0' })
    expect(any.items).toHaveLength(2)
    expect((await failure(c.client.configMaps('default').list({ resourceVersion: '0', resourceVersionMatch: 'Exact' }))).status.code).toBe(400)
    expect((await failure(c.client.configMaps('default').list({ resourceVersionMatch: 'NotOlderThan' }))).status.code).toBe(400)
    await c.store.compact(c.store.revision)
    const gone = await failure(c.client.configMaps('default').list({ resourceVersion: a.metadata!.resourceVersion, resourceVersionMatch: 'Exact' }))
    expect(gone.status).toMatchObject({ code: 410, reason: 'Expired', message: 'The resourceVersion for the provided list is too old.' })
  })
})
