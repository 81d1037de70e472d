// Scenarios of TestMostAllocatedScoringStrategy in
// pkg/scheduler/framework/plugins/noderesources/most_allocated_test.go, with the arithmetic of
// mostRequestedScore: requested × 100 / allocatable, requested capped at allocatable.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { scoreOnce } from '../testing.ts'
import { NodeResourcesFit } from './node-resources-fit.ts'
import type { ResourceSpec } from './resource-allocation.ts'
import { existingPod, node, nodeInfos, pod } from './resource-scoring-fixtures.ts'

const defaultResources: ResourceSpec[] = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }]

describe('MostAllocated', () => {
  const cases: { name: string; pod: Pod; nodes: ReturnType<typeof node>[]; existing?: Pod[]; resources: ResourceSpec[]; want: number[] }[] = [
    { name: 'nothing scheduled, nothing requested', pod: pod(), nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })], resources: defaultResources, want: [0, 0] },
    {
      // node1: cpu 3000×100/4000 = 75, memory 5000×100/10000 = 50 → 62; node2: 50, 50 → 50
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: pod({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })],
      resources: defaultResources,
      want: [62, 50],
    },
    {
      // node1: cpu 6000×100/10000 = 60, memory 0 → 30; node2: 60, 5000×100/20000 = 25 → 42
      name: 'no resources requested, pods scheduled with resources',
      pod: pod(),
      nodes: [node('node1', { cpu: '10000', memory: '20000' }), node('node2', { cpu: '10000', memory: '20000' })],
      existing: [
        existingPod('node1', 0, { cpu: '3000', memory: '0' }),
        existingPod('node1', 1, { cpu: '3000', memory: '0' }),
        existingPod('node2', 0, { cpu: '3000', memory: '0' }),
        existingPod('node2', 1, { cpu: '3000', memory: '5000' }),
      ],
      resources: defaultResources,
      want: [30, 42],
    },
    {
      // node1: cpu 6000/10000 = 60, memory 5000/20000 = 25 → 42; node2: 60, 10000/20000 = 50 → 55
      name: 'resources requested, pods scheduled with resources',
      pod: pod({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [node('node1', { cpu: '10000', memory: '20000' }), node('node2', { cpu: '10000', memory: '20000' })],
      existing: [existingPod('node1', 0, { cpu: '3000', memory: '0' }), existingPod('node2', 0, { cpu: '3000', memory: '5000' })],
      resources: defaultResources,
      want: [42, 55],
    },
    {
      // node1: cpu 3000/4000 = 75, memory 5000/10000 = 50 → (75×1 + 50×2)/3 = 58; node2: 50, 50 → 50
      name: 'resources requested with different weight on CPU and memory',
      pod: pod({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })],
      resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 2 }],
      want: [58, 50],
    },
    {
      // cpu 6000 > 4000 is capped: 100; memory 0 → 50; node2 memory 5000/10000 = 50 → 75
      name: 'requested resources at node capacity count as full',
      pod: pod({ cpu: '3000', memory: '0' }),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })],
      existing: [existingPod('node1', 0, { cpu: '3000', memory: '0' }), existingPod('node2', 0, { cpu: '3000', memory: '5000' })],
      resources: defaultResources,
      want: [50, 75],
    },
  ]
  test.each(cases)('$name', ({ pod, nodes, existing, resources, want }) => {
    const plugin = new NodeResourcesFit({ scoringStrategy: { type: 'MostAllocated', resources } })
    expect(scoreOnce(plugin, pod, nodeInfos(nodes, existing))).toEqual(want)
  })
})
