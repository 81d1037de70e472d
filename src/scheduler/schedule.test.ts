// The one-pod algorithm: numFeasibleNodesToFind (TestNumFeasibleNodesToFind in
// pkg/scheduler/schedule_one_test.go), host selection among ties, and a whole cycle on a
// small cluster.
import { describe, expect, test } from 'vitest'
import { Random } from '../sim/random.ts'
import { CycleState } from './cycle-state.ts'
import { Framework } from './framework-runtime.ts'
import { defaultProfile } from './profile.ts'
import { inTreeRegistry } from './registry.ts'
import { numFeasibleNodesToFind, schedulePod, selectHost } from './schedule.ts'
import { newSnapshot } from './snapshot.ts'
import { makeNode, makePod } from './testing.ts'

describe('numFeasibleNodesToFind', () => {
  const cases = [
    { name: 'percentageOfNodesToScore unset, no more than 100 nodes: all of them', percentage: undefined, numAllNodes: 10, want: 10 },
    { name: 'percentageOfNodesToScore set, no more than 100 nodes: all of them', percentage: 40, numAllNodes: 10, want: 10 },
    { name: 'percentageOfNodesToScore unset, 1000 nodes: the adaptive 42%', percentage: undefined, numAllNodes: 1000, want: 420 },
    { name: 'percentageOfNodesToScore set to 40, 1000 nodes', percentage: 40, numAllNodes: 1000, want: 400 },
    { name: 'percentageOfNodesToScore unset, 6000 nodes: the 5% floor', percentage: undefined, numAllNodes: 6000, want: 300 },
    { name: 'percentageOfNodesToScore set to 40, 6000 nodes', percentage: 40, numAllNodes: 6000, want: 2400 },
    { name: 'never fewer than 100 nodes', percentage: 1, numAllNodes: 1000, want: 100 },
  ]
  test.each(cases)('$name', ({ percentage, numAllNodes, want }) => {
    expect(numFeasibleNodesToFind(percentage, numAllNodes)).toBe(want)
  })
})

describe('schedulePod', () => {
  test('ties between the best nodes are broken by the injected random source, reproducibly', () => {
    const scores = [{ name: 'a', score: 10 }, { name: 'b', score: 30 }, { name: 'c', score: 30 }, { name: 'd', score: 30 }]
    const random = new Random(42)
    const picks = new Set(Array.from({ length: 60 }, () => selectHost(scores, random)))
    expect(picks).toEqual(new Set(['b', 'c', 'd']))
    expect(selectHost(scores, new Random(7))).toBe(selectHost(scores, new Random(7)))
  })

  test('the pod lands on the least loaded node that fits', () => {
    const snapshot = newSnapshot({
      nodes: [makeNode('n1').capacity({ cpu: '4', memory: '8Gi', pods: '110' }).obj(), makeNode('n2').capacity({ cpu: '4', memory: '8Gi', pods: '110' }).obj(), makeNode('n3').capacity({ cpu: '1', memory: '8Gi', pods: '110' }).obj()],
      pods: [makePod('busy').node('n1').req({ cpu: '3', memory: '4Gi' }).obj()],
    })
    const framework = new Framework(defaultProfile(), inTreeRegistry())
    const result = schedulePod(framework, new CycleState(), makePod('web').req({ cpu: '2', memory: '1Gi' }).obj(), snapshot, { random: new Random(1) })
    expect(result).toMatchObject({ kind: 'Scheduled', nodeName: 'n2', feasibleNodes: 1, evaluatedNodes: 3 })
  })

  test('nothing fits: the result carries the diagnosis for the FailedScheduling message', () => {
    const snapshot = newSnapshot({ nodes: [makeNode('n1').capacity({ cpu: '1', pods: '110' }).obj()] })
    const framework = new Framework(defaultProfile(), inTreeRegistry())
    const result = schedulePod(framework, new CycleState(), makePod('web').req({ cpu: '2' }).obj(), snapshot, { random: new Random(1) })
    expect(result.kind).toBe('Unschedulable')
    if (result.kind === 'Unschedulable') expect([...result.fitError.diagnosis.unschedulablePlugins]).toEqual(['NodeResourcesFit'])
  })
})
