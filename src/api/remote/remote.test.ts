// The thread transport, with both ends in one thread over a MessageChannel: requests, errors,
// watches, and a scheduler that places pods through it.
import { MessageChannel } from 'node:worker_threads'
import type { Node, Pod } from 'kubernetes-types/core/v1'
import { afterEach, describe, expect, test } from 'vitest'
import { ApiClient } from '../client.ts'
import { isApiError } from '../errors/status.ts'
import { ApiServer } from '../server/api-server.ts'
import { pod, startTestServer } from '../testing.ts'
import type { WatchEvent } from '../watch-event.ts'
import { RealClock } from '../../sim/real-clock.ts'
import { Random } from '../../sim/random.ts'
import { MemoryStore } from '../../store/memory-store.ts'
import { Scheduler } from '../../scheduler/scheduler.ts'
import { FLUSH_AT } from './protocol.ts'
import { RemoteEndpoint } from './remote-endpoint.ts'
import { serveApi, type ServedApi } from './serve.ts'

const open: { served: ServedApi; remote: RemoteEndpoint }[] = []
afterEach(() => {
  for (const { served, remote } of open.splice(0)) {
    served.close()
    remote.close()
  }
})

function connect(server: ApiServer): ApiClient {
  const { port1, port2 } = new MessageChannel()
  const served = serveApi(server, port1)
  const remote = new RemoteEndpoint(port2)
  open.push({ served, remote })
  return new ApiClient(remote)
}

/** Waits (in real time: messages cross the channel as macrotasks) until `done` holds. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise<void>((resolve) => setImmediate(resolve))
  if (!done()) throw new Error(`timed out waiting for ${what}`)
}

describe('the API over a message channel', () => {
  test('a request returns what the server returns, deep-frozen', async () => {
    const { server } = await startTestServer()
    const client = connect(server)
    const created = await client.pods('default').create(pod('web'))
    expect(created.metadata?.uid).toBeTruthy()
    const got = await client.pods('default').get('web')
    expect(got).toEqual(created)
    expect(Object.isFrozen(got) && Object.isFrozen(got.spec) && Object.isFrozen(got.spec?.containers[0])).toBe(true)
  })

  test('an API error comes back as the same ApiError', async () => {
    const { server } = await startTestServer()
    const client = connect(server)
    const error = await client.pods('default').get('missing').catch((e: unknown) => e)
    expect(isApiError(error, 'NotFound')).toBe(true)
    expect((error as { code: number }).code).toBe(404)
    await client.pods('default').create(pod('web'))
    const again = await client.pods('default').create(pod('web')).catch((e: unknown) => e)
    expect(isApiError(again, 'AlreadyExists')).toBe(true)
  })

  test('a watch delivers the server\'s events in order, and none after stop', async () => {
    const { server } = await startTestServer()
    const client = connect(server)
    const seen: WatchEvent[] = []
    const handle = await client.pods('default').watch({ resourceVersion: '0' }, (e) => seen.push(e))
    await client.pods('default').create(pod('a'))
    await client.pods('default').create(pod('b'))
    await client.pods('default').delete('a')
    await until(() => seen.length >= 3, 'three events')
    expect(seen.map((e) => `${e.type} ${(e.object as Pod).metadata?.name}`)).toEqual(['ADDED a', 'ADDED b', 'DELETED a'])
    handle.stop()
    expect(handle.active).toBe(false)
    await client.pods('default').create(pod('c'))
    await until(() => true, 'a turn')
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve))
    expect(seen).toHaveLength(3)
  })

  test('an argument left out crosses as left out (JSON has no undefined)', async () => {
    const { server } = await startTestServer()
    const { port1, port2 } = new MessageChannel()
    const served = serveApi(server, port1)
    const remote = new RemoteEndpoint(port2)
    open.push({ served, remote })
    await new ApiClient(server).pods('default').create(pod('web'))
    const listed = await remote.list('pods', 'default', undefined)
    expect(listed.items.map((p) => p.metadata?.name)).toEqual(['web'])
  })

  test('a burst longer than one batch streams before the server yields, and arrives in order', async () => {
    const { server } = await startTestServer()
    const { port1, port2 } = new MessageChannel()
    let posted = 0
    const post = port1.postMessage.bind(port1)
    port1.postMessage = (message: unknown) => {
      posted++
      post(message)
    }
    const served = serveApi(server, port1)
    const remote = new RemoteEndpoint(port2)
    open.push({ served, remote })
    const names: string[] = []
    await new ApiClient(remote).pods('default').watch({ resourceVersion: '0' }, (e) => names.push((e.object as Pod).metadata!.name!))
    const local = new ApiClient(server).pods('default')
    const total = FLUSH_AT * 2 + 5
    posted = 0
    // Creates through the in-process client run without giving the event loop a turn.
    for (let i = 0; i < total; i++) await local.create(pod(`p${i}`))
    expect(posted).toBe(2)
    await until(() => names.length === total, `${total} events`)
    expect(names).toEqual(Array.from({ length: total }, (_, i) => `p${i}`))
  })

  test('a request JSON cannot carry fails alone, with a clear error; the rest of its batch goes through', async () => {
    const { server } = await startTestServer()
    const client = connect(server)
    const withBigInt = { ...pod('big'), metadata: { name: 'big', annotations: { size: 10n } } } as unknown as Pod
    // Both requests are made in one turn, so they share a batch.
    const [bad, good] = await Promise.allSettled([client.pods('default').create(withBigInt), client.pods('default').create(pod('fine'))])
    expect(bad.status).toBe('rejected')
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/could not be encoded as JSON/)
    expect(good.status).toBe('fulfilled')
    expect((await client.pods('default').list()).items.map((p) => p.metadata?.name)).toEqual(['fine'])
  })

  test('an answer JSON cannot carry comes back as an error; the other answers still arrive', async () => {
    const { server } = await startTestServer()
    await new ApiClient(server).pods('default').create(pod('web'))
    const endpoint = { ...server, create: server.create.bind(server), get: server.get.bind(server), list: server.list.bind(server), update: server.update.bind(server), patch: server.patch.bind(server), delete: server.delete.bind(server), watch: server.watch.bind(server), bind: server.bind.bind(server) }
    endpoint.get = (async () => ({ weird: 1n })) as unknown as typeof endpoint.get
    const { port1, port2 } = new MessageChannel()
    const served = serveApi(endpoint, port1)
    const remote = new RemoteEndpoint(port2)
    open.push({ served, remote })
    const [bad, good] = await Promise.allSettled([remote.get('pods', 'default', 'web'), remote.list('pods', 'default', {})])
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/answer could not be encoded as JSON/)
    expect(good.status).toBe('fulfilled')
  })

  test('a scheduler running over the channel places every pod', async () => {
    const clock = new RealClock()
    const server = await ApiServer.start({ store: new MemoryStore({ clock }), clock, random: new Random(1) })
    const local = new ApiClient(server)
    for (let i = 0; i < 3; i++) {
      const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}` }, status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' }, capacity: { cpu: '2', memory: '4Gi', pods: '110' } } }
      await local.nodes().create(node)
    }
    let scheduled = 0
    const scheduler = await Scheduler.start({ client: connect(server), clock, random: new Random(2), onEvent: (e) => e.type === 'scheduled' && scheduled++ })
    for (let i = 0; i < 12; i++) await local.pods('default').create({ ...pod(`p${i}`), spec: { containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '100m' } } }] } })
    await until(() => scheduled === 12, 'twelve bindings')
    const pods = (await local.pods('default').list()).items
    expect(pods.every((p) => p.spec?.nodeName?.startsWith('n'))).toBe(true)
    // Least allocated spreads them: four on each node.
    const perNode = new Map<string, number>()
    for (const p of pods) perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1)
    expect([...perNode.values()]).toEqual([4, 4, 4])
    await scheduler.stop()
    await server.stop()
  })
})
