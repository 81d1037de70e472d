// The FailedScheduling message end to end (FitError.Error in framework/types.go, the preemption
// PostFilter message in framework/preemption/preemption.go), and what explain() reports per node.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { explain, formatExplanation } from './explain.ts'
import { fitErrorMessage } from './fit-error.ts'
import { podRequestsResource } from './pod-requests.ts'
import { isRejected, unresolvable, unschedulable } from './status.ts'
import { makeNode, makePod } from './testing.ts'

const controlPlaneTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }
const cluster = (workerCPU: string, workerPods: Pod[] = []) => ({
  nodes: [
    makeNode('cp-1').capacity({ cpu: '8', memory: '16Gi', pods: '110' }).taints([controlPlaneTaint]).obj(),
    makeNode('cp-2').capacity({ cpu: '8', memory: '16Gi', pods: '110' }).taints([controlPlaneTaint]).obj(),
    makeNode('worker-1').capacity({ cpu: workerCPU, memory: '16Gi', pods: '110' }).obj(),
  ],
  pods: workerPods,
})

describe('explain and the FailedScheduling message', () => {
  test('a pod asking for more cpu than the only worker has: preemption is not helpful anywhere', () => {
    const e = explain(makePod('big').req({ cpu: '4' }).obj(), cluster('2'))
    expect(e.message).toBe(
      '0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    )
    expect(e.feasible).toEqual([])
  })

  test('a pod that would fit an empty worker, with nothing of lower priority to evict: no preemption victims', () => {
    const busy = [makePod('busy').node('worker-1').req({ cpu: '3' }).obj()]
    const e = explain(makePod('web').req({ cpu: '2' }).obj(), cluster('4', busy))
    expect(e.message).toBe(
      '0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    )
  })

  test('a higher-priority pod that fits once lower-priority pods are evicted gets no preemption part: it is nominated instead', () => {
    const busy = [makePod('busy').node('worker-1').req({ cpu: '3' }).obj()]
    const e = explain(makePod('web').priority(1000).req({ cpu: '2' }).obj(), cluster('4', busy))
    expect(e.preemption).toEqual({ kind: 'candidates', nodes: ['worker-1'] })
    expect(e.message).toBe('0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.')
  })

  test('preemptionPolicy Never makes the pod ineligible to preempt', () => {
    const pod = makePod('web').req({ cpu: '4' }).obj()
    pod.spec!.preemptionPolicy = 'Never'
    expect(explain(pod, cluster('2')).message).toBe(
      '0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: not eligible due to preemptionPolicy=Never.',
    )
  })

  test('a pod that fits the worker gets per-plugin scores and is told the best node', () => {
    const e = explain(makePod('web').req({ cpu: '1', memory: '1Gi' }).obj(), cluster('4'))
    expect(e.feasible).toEqual(['worker-1'])
    expect(e.best).toEqual(['worker-1'])
    expect(e.message).toBeUndefined()
    const worker = e.nodes.find((n) => n.node === 'worker-1')!
    expect(worker.rejection).toBeUndefined()
    expect(worker.scores.map((s) => s.plugin)).toEqual(['TaintToleration', 'NodeResourcesFit', 'PodTopologySpread', 'NodeResourcesBalancedAllocation'].filter((p) => worker.scores.some((s) => s.plugin === p)))
    const cp = e.nodes.find((n) => n.node === 'cp-1')!
    expect(cp.rejection).toEqual({ plugin: 'TaintToleration', status: unresolvable('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }') })
    expect(formatExplanation(e, ['cp-1'])).toContain('rejected by TaintToleration')
  })

  test('a node rejected by several filters is recorded under the first one in profile order', () => {
    const e = explain(makePod('big').req({ cpu: '100' }).obj(), cluster('2'))
    const cp = e.nodes.find((n) => n.node === 'cp-1')!
    expect(cp.filters.filter((f) => isRejected(f.status)).map((f) => f.plugin)).toEqual(['TaintToleration', 'NodeResourcesFit'])
    expect(cp.rejection?.plugin).toBe('TaintToleration')
  })

  test('a pod pinned to a node name through matchFields only evaluates that node', () => {
    const pod = makePod('pinned').requiredNodeTerm([], [{ key: 'metadata.name', operator: 'In', values: ['cp-1'] }]).obj()
    expect(explain(pod, cluster('4')).message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
  })

  test('a cluster without nodes has its own message', () => {
    expect(explain(makePod('p').obj(), { nodes: [] }).message).toBe('no nodes available to schedule pods')
  })
})

describe('fitErrorMessage', () => {
  test('reasons are counted per node and sorted as strings, so 10 comes before 2', () => {
    const nodeToStatus = new Map([
      ...Array.from({ length: 10 }, (_, i) => [`a${i}`, { plugin: 'NodeResourcesFit', status: unschedulable('Insufficient memory') }] as const),
      ['b0', { plugin: 'NodeResourcesFit', status: unschedulable('Insufficient cpu', 'Insufficient memory') }] as const,
      ['b1', { plugin: 'NodeResourcesFit', status: unschedulable('Insufficient cpu') }] as const,
    ])
    expect(fitErrorMessage(12, { nodeToStatus, unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' })).toBe('0/12 nodes are available: 11 Insufficient memory, 2 Insufficient cpu.')
  })

  test('a PreFilter rejection replaces the per-node histogram', () => {
    expect(fitErrorMessage(3, { nodeToStatus: new Map(), absentNodesStatus: unresolvable('pod affinity terms conflict'), unschedulablePlugins: new Set(), preFilterMsg: 'pod affinity terms conflict', postFilterMsg: '' })).toBe(
      '0/3 nodes are available: pod affinity terms conflict.',
    )
  })
})

describe('the example of lesson 09', () => {
  test('the web pod needs 2250m cpu and 696Mi memory and fits gpu-7', () => {
    const pod = makePod('web')
      .nodeSelector({ disktype: 'ssd' })
      .requiredNodeTerm([
        { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a', 'b'] },
        { key: 'node.example.com/retiring', operator: 'DoesNotExist' },
      ])
      .toleration({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' })
      .initReq({ cpu: '2', memory: '256Mi' })
      .sidecarReq({ cpu: '100m', memory: '64Mi' })
      .req({ cpu: '500m', memory: '512Mi' })
      .overhead({ cpu: '250m', memory: '120Mi' })
      .obj()
    const request = podRequestsResource(pod)
    expect([request.milliCPU, request.memory]).toEqual([2250, 696 * 1024 * 1024])
    const node = makeNode('gpu-7')
      .capacity({ cpu: '4', memory: '15Gi', pods: '110', 'example.com/gpu': '2' })
      .label('topology.kubernetes.io/zone', 'a')
      .label('disktype', 'ssd')
      .taints([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, { key: 'spot', value: 'true', effect: 'PreferNoSchedule' }])
      .obj()
    expect(explain(pod, { nodes: [node] }).feasible).toEqual(['gpu-7'])
  })
})
