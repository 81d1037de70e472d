// Cases in the manner of TestRequestedToCapacityRatioScoringStrategy and TestBrokenLinearFunction
// in pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go.
import { describe, expect, test } from 'vitest'
import { scoreOnce } from '../testing.ts'
import { NodeResourcesFit } from './node-resources-fit.ts'
import { brokenLinearFunction } from './requested-to-capacity-ratio.ts'
import { node, nodeInfos, pod } from './resource-scoring-fixtures.ts'

describe('RequestedToCapacityRatio', () => {
  const shape = [
    { utilization: 10, score: 1 },
    { utilization: 90, score: 9 },
  ]
  const cases: [number, number][] = [
    [-10, 1],
    [0, 1],
    [9, 1],
    [10, 1],
    [15, 1],
    [20, 2],
    [50, 5],
    [89, 8],
    [90, 9],
    [100, 9],
    [110, 9],
  ]
  test.each(cases)('a broken linear function of shape 10→1, 90→9 gives %d → %d', (p, want) => {
    expect(brokenLinearFunction(shape)(p)).toBe(want)
  })

  test('the default shape scores like LeastAllocated on a 0–100 scale', () => {
    const plugin = new NodeResourcesFit({ scoringStrategy: { type: 'RequestedToCapacityRatio' } })
    // utilization cpu 3000/4000 = 75% → 100 − 75 = 25; memory 5000/10000 = 50% → 50; average 37.5 → 38
    expect(scoreOnce(plugin, pod({ cpu: '3000', memory: '5000' }), nodeInfos([node('n', { cpu: '4000', memory: '10000' })]))).toEqual([38])
  })

  test('a bin-packing shape prefers the fuller node and leaves out resources that score 0', () => {
    const plugin = new NodeResourcesFit({ scoringStrategy: { type: 'RequestedToCapacityRatio', requestedToCapacityRatio: { shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }] } } })
    // node1: cpu 75 → 75, memory 50 → 50 → 63 (62.5 rounded); node2: cpu 3000/6000 = 50, memory 50 → 50
    expect(scoreOnce(plugin, pod({ cpu: '3000', memory: '5000' }), nodeInfos([node('n1', { cpu: '4000', memory: '10000' }), node('n2', { cpu: '6000', memory: '10000' })]))).toEqual([63, 50])
    // Nothing requested: both resources score 0 and are left out, so the node scores 0.
    expect(scoreOnce(plugin, pod({ cpu: '0', memory: '0' }), nodeInfos([node('n1', { cpu: '4000', memory: '10000' })]))).toEqual([0])
  })
})
