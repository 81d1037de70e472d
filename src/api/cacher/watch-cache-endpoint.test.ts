// The seam plugs a one-resource watch cache into the engine: with the engine's own cache behind
// it, a WatchCacheEndpoint over the API server's store serves the same lists and watch streams as
// the API server itself, for random writes through the client.
import type { ConfigMap } from 'kubernetes-types/core/v1'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ApiError } from '../errors/status.ts'
import { configMaps } from '../registry/core-resources.ts'
import { settle, startTestServer, type TestCluster } from '../testing.ts'
import type { WatchEvent, WatchOptions } from '../index.ts'
import { ReferenceResourceWatchCache } from './reference-resource-watch-cache.ts'
import { WatchCacheEndpoint } from './watch-cache-endpoint.ts'

type Op = { readonly type: 'write'; readonly name: string; readonly app: string } | { readonly type: 'delete'; readonly name: string } | { readonly type: 'other' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('write' as const), name: fc.constantFrom('a', 'b', 'c'), app: fc.constantFrom('x', 'y') }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('delete' as const), name: fc.constantFrom('a', 'b', 'c') }, { noNullPrototype: true }),
  fc.constant({ type: 'other' as const }),
)

async function apply(c: TestCluster, op: Op, i: number): Promise<void> {
  const client = c.client.configMaps('default')
  try {
    if (op.type === 'other') await c.client.secrets('default').create({ metadata: { name: `s${i}` } })
    else if (op.type === 'delete') await client.delete(op.name)
    else {
      const cur = await client.get(op.name).catch(() => undefined)
      const cm: ConfigMap = { metadata: { name: op.name, labels: { app: op.app } }, data: { i: String(i) } }
      await (cur ? client.update({ ...cm, metadata: { ...cm.metadata, resourceVersion: cur.metadata!.resourceVersion } }) : client.create(cm))
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
  }
}

describe('WatchCacheEndpoint', () => {
  test('with the reference cache it serves the same lists and watches as the API server', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { maxLength: 12 }),
        fc.array(opArb, { maxLength: 12 }),
        fc.constantFrom('', 'app=x'),
        fc.constantFrom('0', 'list'),
        async (before, after, labelSelector, from) => {
          const c = await startTestServer()
          for (const [i, op] of before.entries()) await apply(c, op, i)
          const endpoint = await WatchCacheEndpoint.start({ kv: c.store, resource: configMaps, capacity: 4, cache: (o) => new ReferenceResourceWatchCache(o) })
          for (const [i, op] of after.entries()) await apply(c, op, 100 + i)
          const list = await endpoint.list('default', { labelSelector })
          expect(list).toEqual(await c.client.configMaps('default').list({ labelSelector }))
          const options: WatchOptions = { labelSelector, resourceVersion: from === '0' ? '0' : list.metadata.resourceVersion }
          const [mine, theirs]: WatchEvent[][] = [[], []]
          const w1 = await endpoint.watch('default', options, (e) => mine.push(e))
          const w2 = await c.client.configMaps('default').watch(options, (e) => theirs.push(e as WatchEvent))
          for (const [i, op] of before.entries()) await apply(c, op, 200 + i)
          await settle()
          w1.stop()
          w2.stop()
          await endpoint.stop()
          expect(mine).toEqual(theirs)
        },
      ),
      { numRuns: 25 },
    )
  })

  test('a watch from below the window gets 410 Expired as its only event', async () => {
    const c = await startTestServer()
    const endpoint = await WatchCacheEndpoint.start({ kv: c.store, resource: configMaps, capacity: 2, cache: (o) => new ReferenceResourceWatchCache(o) })
    const first = await c.client.configMaps('default').create({ metadata: { name: 'a' } })
    for (const v of ['1', '2']) await c.client.configMaps('default').update({ metadata: { name: 'a', resourceVersion: (await c.client.configMaps('default').get('a')).metadata!.resourceVersion }, data: { v } })
    const seen: WatchEvent[] = []
    const w = await endpoint.watch('default', { resourceVersion: String(Number(first.metadata!.resourceVersion) - 1) }, (e) => seen.push(e))
    await settle()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } })
    expect(w.active).toBe(false)
    await endpoint.stop()
  })
})
