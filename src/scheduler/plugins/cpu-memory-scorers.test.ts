// The cpu+memory forms of the resource scorers (what the default profile runs per node) must
// score exactly as the general forms over arrays do, for any requests, capacities and weights.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { balancedCpuMemory, balancedResourceScorer } from './balanced-allocation.ts'
import { leastResourceScorer } from './least-allocated.ts'
import { mostResourceScorer } from './most-allocated.ts'
import type { ResourceScorer } from './resource-allocation.ts'

// Milli-cpu and bytes of memory, with zero capacities and requests past capacity.
const amount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 64_000 }), fc.integer({ min: 1, max: 2 ** 40 }))
const case_ = fc.record({
  onNode: fc.tuple(amount, amount),
  pod: fc.tuple(amount, amount),
  allocatable: fc.tuple(amount, amount),
})

const view = ([milliCPU, memory]: [number, number]) => ({ milliCPU, memory, ephemeralStorage: 0, allowedPodNumber: 110, scalar: new Map<string, number>() })

function agree(make: () => ResourceScorer) {
  fc.assert(
    fc.property(case_, ({ onNode, pod, allocatable }) => {
      const scorer = make()
      // The general form sees node + pod requested, and 0 where a resource is absent
      // (calculateResourceAllocatableRequest).
      const requested = [0, 1].map((i) => (allocatable[i] === 0 ? 0 : onNode[i] + pod[i]))
      const general = scorer(requested, allocatable)
      expect(scorer.cpuMemory!(view(onNode), view(allocatable), pod)).toBe(general)
    }),
    { numRuns: 2000 },
  )
}

const specs = ([w0, w1]: [number, number]) => [
  { name: 'cpu', weight: w0 },
  { name: 'memory', weight: w1 },
]

describe('cpu+memory scorers agree with the general forms', () => {
  test('LeastAllocated', () => agree(() => leastResourceScorer(specs([1, 1]))))
  test('MostAllocated', () => agree(() => mostResourceScorer(specs([1, 1]))))
  test('BalancedAllocation', () => agree(() => Object.assign((r: readonly number[], a: readonly number[]) => balancedResourceScorer(r, a), { cpuMemory: balancedCpuMemory })))
  test('with other weights the general form is used (no cpu+memory form)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 2, max: 100 }), (w0, w1) => {
        expect(leastResourceScorer(specs([w0, w1])).cpuMemory).toBeUndefined()
        expect(mostResourceScorer(specs([w1, w0])).cpuMemory).toBeUndefined()
      }),
    )
  })
})
