// The one-pod algorithm: numFeasibleNodesToFind (TestNumFeasibleNodesToFind in
// pkg/scheduler/schedule_one_test.go), host selection among ties, and a whole cycle on a
// small cluster.
import fc from 'fast-check'
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

  test('each node tied for the best total is chosen with the same chance, wherever it sits', () => {
    const scores = [{ name: 'a', score: 30 }, { name: 'b', score: 10 }, { name: 'c', score: 30 }, { name: 'd', score: 29 }, { name: 'e', score: 30 }]
    const random = new Random(5)
    const counts = new Map<string, number>()
    for (let i = 0; i < 3000; i++) {
      const pick = selectHost(scores, random)!
      counts.set(pick, (counts.get(pick) ?? 0) + 1)
    }
    expect([...counts.keys()].sort()).toEqual(['a', 'c', 'e'])
    // 1,000 expected each; a binomial's standard deviation here is about 26.
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(130)
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

// The scheduling loop scores without keeping per-node results (recordScores: false): the flat
// path must choose exactly what the recorded path chooses, drawing the same random numbers.
describe('the loop\'s flat scoring path', () => {
  const cluster = fc.record({
    nodes: fc.array(
      fc.record({
        cpu: fc.constantFrom('1', '2', '4'),
        memory: fc.constantFrom('2Gi', '8Gi'),
        zone: fc.constantFrom('a', 'b'),
        soft: fc.boolean(), // a PreferNoSchedule taint
        used: fc.constantFrom('0', '500m', '1'),
      }),
      { minLength: 1, maxLength: 120 },
    ),
    pod: fc.record({ cpu: fc.constantFrom('100m', '1'), memory: fc.constantFrom('100Mi', '1Gi'), preferZone: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }) }),
    seed: fc.integer({ min: 1, max: 1000 }),
    startIndex: fc.nat(200),
    weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 8, maxLength: 8 }),
  })

  test('schedulePod picks the same node with and without recorded scores', () => {
    fc.assert(
      fc.property(cluster, ({ nodes, pod, seed, startIndex, weights }) => {
        const base = defaultProfile()
        const profile = { ...base, plugins: base.plugins.map((p, i) => ({ ...p, weight: weights[i % weights.length] })) }
        const snapshot = newSnapshot({
          nodes: nodes.map((n, i) => {
            const b = makeNode(`n${i}`).capacity({ cpu: n.cpu, memory: n.memory, pods: '110' }).label('zone', n.zone)
            return (n.soft ? b.taints([{ key: 'soft', value: 'x', effect: 'PreferNoSchedule' }]) : b).obj()
          }),
          pods: nodes.map((n, i) => makePod(`busy${i}`).node(`n${i}`).req({ cpu: n.used }).obj()),
        })
        let b = makePod('web').req({ cpu: pod.cpu, memory: pod.memory })
        if (pod.preferZone) b = b.preferredNodeTerm(5, [{ key: 'zone', operator: 'In', values: [pod.preferZone] }])
        const incoming = b.obj()
        const run = (recordScores: boolean) =>
          schedulePod(new Framework(profile, inTreeRegistry()), new CycleState(), incoming, snapshot, { random: new Random(seed), startIndex, recordScores })
        const recorded = run(true)
        const flat = run(false)
        expect(flat.kind).toBe(recorded.kind)
        if (recorded.kind === 'Scheduled' && flat.kind === 'Scheduled') {
          expect([flat.nodeName, flat.nextStartIndex, flat.evaluatedNodes, flat.feasibleNodes]).toEqual([recorded.nodeName, recorded.nextStartIndex, recorded.evaluatedNodes, recorded.feasibleNodes])
        }
      }),
      { numRuns: 60 },
    )
  })
})
