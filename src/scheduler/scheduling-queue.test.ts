// The scheduling queue on its own, cases after pkg/scheduler/internal/queue/scheduling_queue_test.go:
// TestBackOffFlow (the backoff table), TestPriorityQueue_Pop / PrioritySort order,
// TestPriorityQueue_MoveAllToActiveOrBackoffQueue (only events the rejecting plugins registered
// for move a pod; a pod still backing off goes to backoffQ), TestPriorityQueue_AddUnschedulableIfNotPresent_Backoff
// (a move request during the pod's cycle sends it to backoffQ), and the leftover flush.
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../sim/virtual-clock.ts'
import { AssignedPodDelete, NodeAdd, NodeLabelChange, NodeSpecUnschedulableChange, clusterEventMap, nodeSchedulingPropertiesChange } from './cluster-events.ts'
import { Framework } from './framework-runtime.ts'
import { defaultProfile } from './profile.ts'
import { inTreeRegistry } from './registry.ts'
import { backoffDurationMs, PriorityQueue } from './scheduling-queue.ts'
import { makeNode, makePod } from './testing.ts'

const eventMap = clusterEventMap(new Framework(defaultProfile(), inTreeRegistry()).plugins)

function newQueue(clock = new VirtualClock()): { clock: VirtualClock; queue: PriorityQueue } {
  const queue = new PriorityQueue({ clock, eventMap })
  queue.run()
  return { clock, queue }
}

describe('backoff', () => {
  const table = [
    { attempts: 1, wantMs: 1_000 },
    { attempts: 2, wantMs: 2_000 },
    { attempts: 3, wantMs: 4_000 },
    { attempts: 4, wantMs: 8_000 },
    { attempts: 5, wantMs: 10_000 },
    { attempts: 6, wantMs: 10_000 },
    { attempts: 40, wantMs: 10_000 },
  ]
  test.each(table)('after $attempts attempt(s) the pod backs off $wantMs ms', ({ attempts, wantMs }) => {
    expect(backoffDurationMs(attempts, 1_000, 10_000)).toBe(wantMs)
  })
})

describe('the priority queue', () => {
  test('pods are popped by priority, then by the time they were added', async () => {
    const { clock, queue } = newQueue()
    queue.add(makePod('low').priority(1).obj())
    clock.advance(1)
    queue.add(makePod('high-late').priority(10).obj())
    queue.add(makePod('mid').priority(5).obj())
    clock.advance(1)
    queue.add(makePod('high-later').priority(10).obj())
    const order: string[] = []
    for (let i = 0; i < 4; i++) order.push((await queue.pop())!.podInfo.pod.metadata!.name!)
    expect(order).toEqual(['high-late', 'high-later', 'mid', 'low'])
  })

  test('a pod rejected only by cordoned nodes is moved by an uncordon, not by a node label change or a pod delete', async () => {
    const { queue } = newQueue()
    queue.add(makePod('web').obj())
    const pInfo = (await queue.pop())!
    pInfo.unschedulablePlugins = new Set(['NodeUnschedulable'])
    queue.addUnschedulableIfNotPresent(pInfo, queue.schedulingCycle)
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('unschedulablePods')
    queue.moveAllToActiveOrBackoffQueue(NodeLabelChange)
    queue.moveAllToActiveOrBackoffQueue(AssignedPodDelete)
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('unschedulablePods')
    queue.moveAllToActiveOrBackoffQueue(NodeSpecUnschedulableChange)
    // Still within its 1 s backoff: to backoffQ, not activeQ.
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('backoffQ')
  })

  test('a moved pod whose backoff is over goes straight to activeQ', async () => {
    const { clock, queue } = newQueue()
    queue.add(makePod('web').obj())
    const pInfo = (await queue.pop())!
    pInfo.unschedulablePlugins = new Set(['NodeAffinity'])
    queue.addUnschedulableIfNotPresent(pInfo, queue.schedulingCycle)
    clock.advance(1_500)
    queue.moveAllToActiveOrBackoffQueue(NodeAdd)
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('activeQ')
  })

  test('a pod that fails after an event arrived during its cycle goes to backoffQ and then to activeQ on the 1 s tick', async () => {
    const { clock, queue } = newQueue()
    queue.add(makePod('web').obj())
    const pInfo = (await queue.pop())!
    const cycle = queue.schedulingCycle
    queue.moveAllToActiveOrBackoffQueue(NodeAdd) // while the pod is being scheduled
    pInfo.unschedulablePlugins = new Set(['NodeResourcesFit'])
    queue.addUnschedulableIfNotPresent(pInfo, cycle)
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('backoffQ')
    clock.advance(999)
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('backoffQ')
    clock.advance(1)
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('activeQ')
  })

  test('a pod that failed with an error (no rejecting plugin) backs off instead of waiting for an event', async () => {
    const { queue } = newQueue()
    queue.add(makePod('web').obj())
    const pInfo = (await queue.pop())!
    queue.addUnschedulableIfNotPresent(pInfo, queue.schedulingCycle)
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('backoffQ')
  })

  test('a pod parked longer than five minutes is flushed by the 30 s ticker', async () => {
    const { clock, queue } = newQueue()
    queue.add(makePod('web').obj())
    const pInfo = (await queue.pop())!
    pInfo.unschedulablePlugins = new Set(['NodeResourcesFit'])
    queue.addUnschedulableIfNotPresent(pInfo, queue.schedulingCycle)
    clock.advance(300_000)
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('unschedulablePods')
    clock.advance(30_000)
    expect(queue.whereIs(pInfo.podInfo.pod)).toBe('activeQ')
  })

  test('a pop waiting on an empty queue gets the next pod added, and undefined once the queue closes', async () => {
    const { queue } = newQueue()
    const waiting = queue.pop()
    queue.add(makePod('web').obj())
    expect((await waiting)?.podInfo.pod.metadata?.name).toBe('web')
    const closed = queue.pop()
    queue.close()
    expect(await closed).toBeUndefined()
  })
})

describe('which node changes can make a pod schedulable', () => {
  const base = makeNode('n1').capacity({ cpu: '4' }).obj()
  const cases = [
    { name: 'uncordoning a node', next: makeNode('n1').capacity({ cpu: '4' }).obj(), old: makeNode('n1').capacity({ cpu: '4' }).unschedulable().obj(), want: 'NodeSpecUnschedulableChange' },
    { name: 'cordoning a node helps nobody', next: makeNode('n1').capacity({ cpu: '4' }).unschedulable().obj(), old: base, want: undefined },
    { name: 'more allocatable cpu', next: makeNode('n1').capacity({ cpu: '8' }).obj(), old: base, want: 'NodeAllocatableChange' },
    { name: 'a new label', next: makeNode('n1').capacity({ cpu: '4' }).label('zone', 'a').obj(), old: base, want: 'NodeLabelChange' },
    { name: 'a new taint', next: makeNode('n1').capacity({ cpu: '4' }).taints([{ key: 'k', effect: 'NoSchedule' }]).obj(), old: base, want: 'NodeTaintChange' },
    { name: 'nothing the scheduler reads', next: { ...base, metadata: { ...base.metadata, annotations: { a: 'b' } } }, old: base, want: undefined },
  ]
  test.each(cases)('$name: $want', ({ next, old, want }) => {
    expect(nodeSchedulingPropertiesChange(next, old)?.label).toBe(want)
  })
})
