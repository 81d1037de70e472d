// Scenarios of TestNodeResourcesBalancedAllocation in
// pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go, with the current
// formula: std = |f_cpu − f_mem| / 2, score = trunc((1 − std) × 100), real requests only, and
// best-effort pods skipped.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { scoreOnce } from '../testing.ts'
import { balancedResourceScorer, NodeResourcesBalancedAllocation } from './balanced-allocation.ts'
import { existingPod, node, nodeInfos, pod } from './resource-scoring-fixtures.ts'

const cpuAndMemory = [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000' }]
const cpuOnly = [{ cpu: '1000m', memory: '0' }, { cpu: '2000m', memory: '0' }]

describe('NodeResourcesBalancedAllocation', () => {
  const cases: { name: string; pod: Pod; nodes: ReturnType<typeof node>[]; existing?: Pod[]; want: number[] }[] = [
    { name: 'nothing scheduled, nothing requested: a best-effort pod is not scored', pod: pod(), nodes: [node('machine1', { cpu: '4', memory: '10000' }), node('machine2', { cpu: '4', memory: '10000' })], want: [0, 0] },
    {
      // machine1: cpu 3000/4000 = 0.75, memory 5000/10000 = 0.5 → std 0.125 → 87
      // machine2: cpu 3000/6000 = 0.5, memory 0.5 → std 0 → 100
      name: 'nothing scheduled, resources requested, differently sized machines',
      pod: pod(...cpuAndMemory),
      nodes: [node('machine1', { cpu: '4', memory: '10000' }), node('machine2', { cpu: '6', memory: '10000' })],
      want: [87, 100],
    },
    {
      // machine1: cpu 6000/10000 = 0.6, memory 5000/20000 = 0.25 → std 0.175 → 82
      // machine2: cpu 0.6, memory 10000/20000 = 0.5 → std 0.05 → 95
      name: 'resources requested, pods scheduled with resources',
      pod: pod(...cpuAndMemory),
      nodes: [node('machine1', { cpu: '10', memory: '20000' }), node('machine2', { cpu: '10', memory: '20000' })],
      existing: [existingPod('machine1', 0, ...cpuOnly), existingPod('machine2', 0, ...cpuAndMemory)],
      want: [82, 95],
    },
    {
      // machine2: cpu 0.6, memory 10000/50000 = 0.2 → std 0.2 → 80
      name: 'resources requested, pods scheduled with resources, differently sized machines',
      pod: pod(...cpuAndMemory),
      nodes: [node('machine1', { cpu: '10', memory: '20000' }), node('machine2', { cpu: '10', memory: '50000' })],
      existing: [existingPod('machine1', 0, ...cpuOnly), existingPod('machine2', 0, ...cpuAndMemory)],
      want: [82, 80],
    },
    {
      // machine1: cpu 6000/4000 capped at 1, memory 0 → std 0.5 → 50
      // machine2: cpu 1, memory 5000/10000 = 0.5 → std 0.25 → 75
      name: 'requested resources exceed node capacity',
      pod: pod(...cpuOnly),
      nodes: [node('machine1', { cpu: '4', memory: '10000' }), node('machine2', { cpu: '4', memory: '10000' })],
      existing: [existingPod('machine1', 0, ...cpuOnly), existingPod('machine2', 0, ...cpuAndMemory)],
      want: [50, 75],
    },
    {
      name: 'zero node resources, pods scheduled with resources',
      pod: pod(...cpuOnly),
      nodes: [node('machine1', {}), node('machine2', {})],
      existing: [existingPod('machine1', 0, ...cpuOnly), existingPod('machine2', 0, ...cpuAndMemory)],
      want: [100, 100],
    },
  ]
  test.each(cases)('$name', ({ pod, nodes, existing, want }) => {
    expect(scoreOnce(new NodeResourcesBalancedAllocation(), pod, nodeInfos(nodes, existing))).toEqual(want)
  })

  test('with three resources the score uses the standard deviation of the fractions', () => {
    // fractions 0.2, 0.5, 0.8: mean 0.5, variance 0.06, std 0.2449… → trunc(75.50…) = 75
    expect(balancedResourceScorer([2, 5, 8], [10, 10, 10])).toBe(75)
  })
})
