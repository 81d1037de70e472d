// The whole scheduler against an API server on the VirtualClock: nodes and pods are created
// through the client, the clock runs until the cluster is quiet, and the outcome is read back
// through the API (bindings, FailedScheduling Events, PodScheduled conditions). Scenarios follow
// pkg/scheduler/schedule_one_test.go (TestSchedulerScheduleOne: bind error → forget, fit error →
// FailedScheduling), scheduling_queue_test.go (TestBackOffFlow, TestPriorityQueue_MoveAllToActiveOrBackoffQueue)
// and test/integration/scheduler (a pod becomes schedulable once a node is added).
import type { Event, Node, Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import type { ApiClient } from '../api/client.ts'
import { startTestServer } from '../api/testing.ts'
import { drive } from '../client/sim-driver.ts'
import { Random } from '../sim/random.ts'
import type { VirtualClock } from '../sim/virtual-clock.ts'
import { CycleState } from './cycle-state.ts'
import type { BindPlugin } from './framework.ts'
import { NodeInfo } from './node-info.ts'
import { podKey } from './pod-info.ts'
import { defaultProfile } from './profile.ts'
import { Scheduler, type SchedulerOptions, type SchedulingEvent } from './scheduler.ts'
import { snapshotOf } from './snapshot.ts'
import { errorStatus, success } from './status.ts'
import { makeNode, makePod } from './testing.ts'

interface TestCluster {
  readonly clock: VirtualClock
  readonly client: ApiClient
  readonly scheduler: Scheduler
  /** Every outcome, with the virtual time it was reported at. */
  readonly outcomes: (SchedulingEvent & { readonly atMs: number })[]
  run(forMs?: number): Promise<void>
  pods(): Promise<Pod[]>
  events(): Promise<Event[]>
}

async function cluster(nodes: readonly Node[], options: Partial<SchedulerOptions> & { seed?: number } = {}): Promise<TestCluster> {
  const { clock, client } = await startTestServer({ seed: options.seed ?? 1 })
  for (const n of nodes) await client.nodes().create(n)
  const outcomes: TestCluster['outcomes'] = []
  const startMs = clock.now()
  const scheduler = await Scheduler.start({ client, clock, random: new Random(options.seed ?? 1), ...options, onEvent: (e) => outcomes.push({ ...e, atMs: clock.now() - startMs }) })
  return {
    clock,
    client,
    scheduler,
    outcomes,
    run: async (forMs = 60_000) => void (await drive(clock, { forMs, maxSteps: 100_000 })),
    pods: async () => [...(await client.pods('default').list()).items],
    events: async () => [...(await client.events('default').list()).items],
  }
}

const node = (name: string, cpu = '4') => makeNode(name).capacity({ cpu, memory: '8Gi', pods: '110' })

describe('the scheduling loop through the API server', () => {
  test('every pod is bound to a node that passes every filter, or fits on no node at all and says why', async () => {
    const c = await cluster([
      node('small', '2').label('disk', 'ssd').obj(),
      node('big', '8').label('disk', 'hdd').obj(),
      node('gpu', '8').label('disk', 'ssd').taints([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]).obj(),
      node('cordoned', '8').unschedulable().obj(),
    ])
    const random = new Random(7)
    for (let i = 0; i < 30; i++) {
      const p = makePod(`p${i}`).req({ cpu: `${random.int(1, 5) * 100}m`, memory: '100Mi' })
      if (random.chance(0.3)) p.nodeSelector({ disk: 'ssd' })
      if (random.chance(0.3)) p.toleration({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' })
      if (random.chance(0.2)) p.priority(random.int(0, 1000))
      await c.client.pods('default').create(p.obj())
    }
    await c.run()
    const pods = await c.pods()
    const events = await c.events()
    // Re-check every pod with the framework against the final state of the cluster.
    const framework = c.scheduler.framework
    const nodes = (await c.client.nodes().list()).items
    const verdicts = (pod: Pod) => {
      const infos = nodes.map((n) => new NodeInfo(n, pods.filter((p) => p !== pod && p.spec?.nodeName === n.metadata?.name)))
      framework.setSnapshot(snapshotOf(infos))
      const state = new CycleState()
      expect(framework.runPreFilterPlugins(state, pod, infos).status.code).toBe('Success')
      return new Map(infos.map((n) => [n.name, framework.runFilterPlugins(state, pod, n)]))
    }
    let bound = 0
    for (const pod of pods) {
      const name = pod.metadata?.name
      const verdict = verdicts(pod)
      if (pod.spec?.nodeName) {
        bound++
        expect(verdict.get(pod.spec.nodeName), `${name} on ${pod.spec.nodeName}`).toBeUndefined()
        continue
      }
      expect([...verdict.values()].every((v) => v !== undefined), `${name} is unbound but fits somewhere`).toBe(true)
      const condition = pod.status?.conditions?.find((x) => x.type === 'PodScheduled')
      expect(condition).toMatchObject({ status: 'False', reason: 'Unschedulable' })
      const failures = events.filter((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === name)
      expect(failures.at(-1)?.message).toBe(condition?.message)
    }
    expect(bound).toBeGreaterThan(20)
    expect(pods.map((p) => p.spec?.nodeName)).not.toContain('cordoned')
    expect(c.scheduler.cache.assumedCount).toBe(0)
    expect(c.outcomes.filter((o) => o.type === 'scheduled')).toHaveLength(bound)
    await c.scheduler.stop()
  })

  test('a pod that fits nowhere gets a FailedScheduling Warning with the exact FitError text and PodScheduled=False', async () => {
    const c = await cluster([node('n1', '2').obj(), node('n2', '2').obj(), node('gpu', '16').taints([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]).obj()])
    // One 1.5-cpu pod fills each 2-cpu node (the gpu node's taint keeps them off it).
    await c.client.pods('default').create(makePod('fill-1').req({ cpu: '1500m' }).obj())
    await c.client.pods('default').create(makePod('fill-2').req({ cpu: '1500m' }).obj())
    await c.run(1_000)
    await c.client.pods('default').create(makePod('huge').req({ cpu: '1' }).obj())
    await c.run(1_000)
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.'
    const failed = (await c.events()).filter((e) => e.reason === 'FailedScheduling')
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ type: 'Warning', message, involvedObject: { kind: 'Pod', name: 'huge', namespace: 'default' }, source: { component: 'default-scheduler' } })
    const huge = (await c.pods()).find((p) => p.metadata?.name === 'huge')!
    expect(huge.spec?.nodeName).toBeUndefined()
    expect(huge.status?.conditions?.find((x) => x.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message })
    expect(c.scheduler.queue.whereIs(huge)).toBe('unschedulablePods')
    expect(c.outcomes.at(-1)).toMatchObject({ type: 'failed', message })
    await c.scheduler.stop()
  })

  test('a parked pod is moved back and bound once a node that fits it is added', async () => {
    const c = await cluster([node('n1', '1').obj()])
    await c.client.pods('default').create(makePod('web').req({ cpu: '2' }).obj())
    await c.run(10_000)
    expect(c.scheduler.queue.whereIs((await c.pods())[0])).toBe('unschedulablePods')
    await c.client.nodes().create(node('n2', '4').obj())
    await c.run(10_000)
    const web = (await c.pods())[0]
    expect(web.spec?.nodeName).toBe('n2')
    expect(web.status?.conditions?.find((x) => x.type === 'PodScheduled')?.status).toBe('True')
    expect(c.outcomes.map((o) => o.type)).toEqual(['failed', 'scheduled'])
    await c.scheduler.stop()
  })

  test('a parked pod is retried after five minutes even when no event wakes it', async () => {
    const c = await cluster([node('n1', '1').obj()])
    await c.client.pods('default').create(makePod('web').req({ cpu: '2' }).obj())
    await c.run(12 * 60_000)
    // Parked at 0 s; the 30 s flush moves it once it has waited longer than 5 min: at 330 s, then 660 s.
    expect(c.outcomes.map((o) => o.atMs)).toEqual([0, 330_000, 660_000])
    await c.scheduler.stop()
  })

  test('retries back off 1 s, doubling per attempt, up to 10 s', async () => {
    const c = await cluster([node('n1').label('zone', 'a').obj()])
    await c.client.pods('default').create(makePod('picky').container().nodeSelector({ zone: 'b' }).obj())
    // A node label changes every 250 ms: each change may help a NodeAffinity rejection, so the pod is
    // retried as soon as its backoff allows.
    let stop = false
    let v = 0
    const relabel = (): void => {
      if (stop) return
      void c.client.nodes().get('n1').then((n) => c.client.nodes().update({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata?.labels, v: String(v++) } } }))
      c.clock.setTimer(250, relabel)
    }
    c.clock.setTimer(250, relabel)
    await c.run(50_000)
    stop = true
    const times = c.outcomes.map((o) => o.atMs)
    const gaps = times.slice(1).map((t, i) => t - times[i])
    expect(gaps.slice(0, 7)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000])
    await c.scheduler.stop()
  })

  test('a failed bind forgets the assumed pod and retries it after its backoff', async () => {
    let calls = 0
    const flaky: BindPlugin = {
      name: 'FlakyBinder',
      bind: async () => (calls++ === 0 ? errorStatus('etcdserver: request timed out') : { code: 'Skip' }),
    }
    const profile = { ...defaultProfile(), plugins: [...defaultProfile().plugins, { name: 'FlakyBinder' }] }
    const c = await cluster([node('n1').obj()], { profile, outOfTreeRegistry: { FlakyBinder: () => flaky } })
    await c.client.pods('default').create(makePod('web').req({ cpu: '1' }).obj())
    await c.run(5_000)
    expect(c.outcomes.map((o) => [o.type, o.atMs])).toEqual([['failed', 0], ['scheduled', 1_000]])
    const failed = (await c.events()).find((e) => e.reason === 'FailedScheduling')
    expect(failed?.message).toBe('etcdserver: request timed out')
    const web = (await c.pods())[0]
    expect(web.spec?.nodeName).toBe('n1')
    expect(c.scheduler.cache.assumedCount).toBe(0)
    expect(c.scheduler.cache.nodeInfo('n1')?.pods.map((p) => podKey(p.pod))).toEqual([web.metadata?.uid])
    await c.scheduler.stop()
  })

  test('ties between equally good nodes go to every one of them across seeds', async () => {
    const chosen = new Set<string>()
    // Seeds drawn from one generator: xoroshiro's first outputs for neighbouring small seeds are alike.
    const seeds = new Random(42)
    for (let run = 0; run < 24; run++) {
      const seed = seeds.int(1, 2 ** 31 - 1)
      const c = await cluster([node('a').obj(), node('b').obj(), node('c').obj(), node('d').obj()], { seed })
      await c.client.pods('default').create(makePod('web').req({ cpu: '1' }).obj())
      await c.run(1_000)
      chosen.add((await c.pods())[0].spec?.nodeName ?? '')
      await c.scheduler.stop()
    }
    expect(chosen).toEqual(new Set(['a', 'b', 'c', 'd']))
  })

  test('each cycle starts walking the nodes where the last one stopped', async () => {
    // 250 nodes: the adaptive percentage is 50 − 250/125 = 48%, i.e. 120 nodes per cycle.
    const nodes = Array.from({ length: 250 }, (_, i) => node(`n${String(i).padStart(3, '0')}`).obj())
    const c = await cluster(nodes)
    const starts: number[] = [c.scheduler.nextStartNodeIndex]
    for (let i = 0; i < 4; i++) {
      await c.client.pods('default').create(makePod(`p${i}`).req({ cpu: '100m' }).obj())
      await c.run(1_000)
      starts.push(c.scheduler.nextStartNodeIndex)
    }
    expect(starts).toEqual([0, 120, 240, 110, 230])
    await c.scheduler.stop()
  })

  test('a pod for another scheduler is left alone, and a deleted pending pod leaves the queue', async () => {
    const c = await cluster([])
    const other = makePod('other').container().obj()
    other.spec!.schedulerName = 'my-scheduler'
    await c.client.pods('default').create(other)
    await c.client.pods('default').create(makePod('mine').container().obj())
    await c.run(1_000)
    // No nodes at all: unschedulable, "no nodes available to schedule pods".
    expect(c.outcomes[0]).toMatchObject({ type: 'failed', message: 'no nodes available to schedule pods', pod: { metadata: { name: 'mine' } } })
    await c.client.pods('default').delete('mine')
    await c.run(1_000)
    expect(c.scheduler.queue.pendingPods()).toEqual([])
    expect(success.code).toBe('Success')
    await c.scheduler.stop()
  })

  test('yieldEvery lets the event loop take a turn between cycles while the queue is long', async () => {
    // How many pods were bound when a task queued just after start() got its turn.
    const boundAtFirstTurn = async (yieldEvery?: number) => {
      const { clock, client } = await startTestServer({ seed: 1 })
      await client.nodes().create(node('n1', '64').obj())
      for (let i = 0; i < 20; i++) await client.pods('default').create(makePod(`p${i}`).req({ cpu: '100m' }).obj())
      let bound = 0
      const scheduler = await Scheduler.start({ client, clock, random: new Random(1), yieldEvery, onEvent: (e) => void (e.type === 'scheduled' && bound++) })
      const atTurn = await new Promise<number>((resolve) => setImmediate(() => resolve(bound)))
      await drive(clock)
      expect(bound).toBe(20)
      await scheduler.stop()
      return atTurn
    }
    expect(await boundAtFirstTurn()).toBe(20)
    expect(await boundAtFirstTurn(5)).toBeLessThan(20)
  })
})
