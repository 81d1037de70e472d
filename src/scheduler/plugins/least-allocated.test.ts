// Ported from TestLeastAllocatedScoringStrategy in
// pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { scoreOnce } from '../testing.ts'
import { NodeResourcesFit } from './node-resources-fit.ts'
import type { ResourceSpec } from './resource-allocation.ts'
import { existingPod, node, nodeInfos, pod } from './resource-scoring-fixtures.ts'

const defaultResources: ResourceSpec[] = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }]
const extendedRes = 'abc.com/xyz'
const extendedResourceSet: ResourceSpec[] = [...defaultResources, { name: extendedRes, weight: 1 }]

describe('LeastAllocated', () => {
  const cases: { name: string; pod: Pod; nodes: ReturnType<typeof node>[]; existing?: Pod[]; resources: ResourceSpec[]; want: number[] }[] = [
    { name: 'nothing scheduled, nothing requested', pod: pod(), nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })], resources: defaultResources, want: [100, 100] },
    {
      // node1: cpu (4000−3000)×100/4000 = 25, memory (10000−5000)×100/10000 = 50 → 37
      // node2: cpu (6000−3000)×100/6000 = 50, memory 50 → 50
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: pod({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })],
      resources: defaultResources,
      want: [37, 50],
    },
    {
      name: 'no resources requested, pods scheduled',
      pod: pod(),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })],
      existing: [existingPod('node1', 0), existingPod('node1', 1), existingPod('node2', 0), existingPod('node2', 1)],
      resources: defaultResources,
      want: [100, 100],
    },
    {
      // node1: cpu (10000−6000)×100/10000 = 40, memory 100 → 70; node2: 40, (20000−5000)×100/20000 = 75 → 57
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
      want: [70, 57],
    },
    {
      name: 'resources requested, pods scheduled with resources',
      pod: pod({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [node('node1', { cpu: '10000', memory: '20000' }), node('node2', { cpu: '10000', memory: '20000' })],
      existing: [existingPod('node1', 0, { cpu: '3000', memory: '0' }), existingPod('node2', 0, { cpu: '3000', memory: '5000' })],
      resources: defaultResources,
      want: [57, 45],
    },
    {
      name: 'resources requested, pods scheduled with resources, differently sized nodes',
      pod: pod({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [node('node1', { cpu: '10000', memory: '20000' }), node('node2', { cpu: '10000', memory: '50000' })],
      existing: [existingPod('node1', 0, { cpu: '3000', memory: '0' }), existingPod('node2', 0, { cpu: '3000', memory: '5000' })],
      resources: defaultResources,
      want: [57, 60],
    },
    {
      name: 'requested resources exceed node capacity',
      pod: pod({ cpu: '3000', memory: '0' }),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })],
      existing: [existingPod('node1', 0, { cpu: '3000', memory: '0' }), existingPod('node2', 0, { cpu: '3000', memory: '5000' })],
      resources: defaultResources,
      want: [50, 25],
    },
    {
      name: 'zero node resources, pods scheduled with resources',
      pod: pod(),
      nodes: [node('node1', {}), node('node2', {})],
      existing: [existingPod('node1', 0, { cpu: '3000', memory: '0' }), existingPod('node2', 0, { cpu: '3000', memory: '5000' })],
      resources: defaultResources,
      want: [0, 0],
    },
    {
      // node1: (25×1 + 50×2)/3 = 41; node2: (50×1 + 50×2)/3 = 50
      name: 'nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes',
      pod: pod({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })],
      resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }],
      want: [41, 50],
    },
    {
      name: 'bypass extended resource if the pod does not request it',
      pod: pod({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [node('node1', { cpu: '6000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000', [extendedRes]: '4' })],
      resources: extendedResourceSet,
      want: [50, 50],
    },
    {
      // extended: node1 (4−2)/4 = 50, node2 (10−2)/10 = 80 → (50+50+50)/3 = 50, (50+50+80)/3 = 60
      name: 'honor extended resource if the pod requests it',
      pod: pod({ cpu: '3000', memory: '5000', [extendedRes]: '2' }),
      nodes: [node('node1', { cpu: '6000', memory: '10000', [extendedRes]: '4' }), node('node2', { cpu: '6000', memory: '10000', [extendedRes]: '10' })],
      resources: extendedResourceSet,
      want: [50, 60],
    },
    {
      // cpu (6000−3000)/6000 = 50, memory (10000−4000)/10000 = 60; the node lacks the extended resource → 55
      name: "if the node doesn't have a resource",
      pod: pod({ cpu: '3000', memory: '4000' }),
      nodes: [node('node1', { cpu: '6000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000', [extendedRes]: '4' })],
      resources: extendedResourceSet,
      want: [55, 55],
    },
    {
      // The incoming pod has no requests: it counts 100m cpu and 200Mi memory for scoring.
      name: 'a best-effort pod counts the non-zero defaults (100m cpu, 200Mi memory)',
      pod: pod({}),
      nodes: [node('node1', { cpu: '1', memory: '2Gi' })],
      resources: defaultResources,
      // cpu (1000−100)×100/1000 = 90, memory (2048−200)×100/2048 = 90 → 90
      want: [90],
    },
  ]
  test.each(cases)('$name', ({ pod, nodes, existing, resources, want }) => {
    const plugin = new NodeResourcesFit({ scoringStrategy: { type: 'LeastAllocated', resources } })
    expect(scoreOnce(plugin, pod, nodeInfos(nodes, existing))).toEqual(want)
  })
})
