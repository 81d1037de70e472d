// Ported from TestEnoughRequests, TestNotEnoughRequests and TestStorageRequests in
// pkg/scheduler/framework/plugins/noderesources/fit_test.go. The node is
// makeAllocatableResources(10, 20, 32, 5, 20, 5): 10 milli-cpu, 20 bytes of memory, 32 pods,
// 5 example.com/aaa, 20 bytes of ephemeral storage, 5 hugepages-2Mi; one pod already runs on it.
// Expected codes follow the current fit.go: UnschedulableAndUnresolvable when the pod asks for
// more than the node can allocate at all.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { NodeInfo } from '../node-info.ts'
import { success, unresolvable, unschedulable, type Status } from '../status.ts'
import { filterOnce, makeNode, makePod } from '../testing.ts'
import { NodeResourcesFit, type NodeResourcesFitArgs } from './node-resources-fit.ts'

type Q = Record<string, string>
const extendedA = 'example.com/aaa'
const extendedB = 'example.com/bbb'
const kubernetesIOA = 'kubernetes.io/something'
const kubernetesIOB = 'subdomain.kubernetes.io/something'
const hugePageA = 'hugepages-2Mi'

function res(cpu: number, memory: number, scalar: Record<string, number> = {}): Q {
  const q: Q = { cpu: `${cpu}m`, memory: String(memory) }
  for (const [k, v] of Object.entries(scalar)) q[k] = String(v)
  return q
}

function resourcePod(...containers: Q[]): Pod {
  const b = makePod('incoming')
  for (const c of containers) b.req(c)
  return b.obj()
}

function initPod(containers: Q[], inits: Q[]): Pod {
  const b = makePod('incoming')
  for (const c of containers) b.req(c)
  for (const c of inits) b.initReq(c)
  return b.obj()
}

const node = makeNode('machine').capacity({ cpu: '10m', memory: '20', pods: '32', [extendedA]: '5', 'ephemeral-storage': '20', [hugePageA]: '5' }).obj()
const nodeWith = (existing: Q) => new NodeInfo(node, [makePod('existing').node('machine').req(existing).obj()])
const insufficient = (name: string) => `Insufficient ${name}`

describe('NodeResourcesFit filter (TestEnoughRequests)', () => {
  const cases: { name: string; pod: Pod; existing: Q; args?: NodeResourcesFitArgs; want: Status }[] = [
    { name: 'no resources requested always fits', pod: makePod().obj(), existing: res(10, 20), want: success },
    { name: 'too many resources fails', pod: resourcePod(res(1, 1)), existing: res(10, 20), want: unschedulable(insufficient('cpu'), insufficient('memory')) },
    { name: 'too many resources fails due to init container cpu', pod: initPod([res(1, 1)], [res(3, 1)]), existing: res(8, 19), want: unschedulable(insufficient('cpu')) },
    { name: 'too many resources fails due to highest init container cpu', pod: initPod([res(1, 1)], [res(3, 1), res(2, 1)]), existing: res(8, 19), want: unschedulable(insufficient('cpu')) },
    { name: 'too many resources fails due to init container memory', pod: initPod([res(1, 1)], [res(1, 3)]), existing: res(9, 19), want: unschedulable(insufficient('memory')) },
    { name: 'too many resources fails due to highest init container memory', pod: initPod([res(1, 1)], [res(1, 3), res(1, 2)]), existing: res(9, 19), want: unschedulable(insufficient('memory')) },
    { name: "init container fits because it's the max, not sum, of containers and init containers", pod: initPod([res(1, 1)], [res(1, 1)]), existing: res(9, 19), want: success },
    { name: "multiple init containers fit because it's the max, not sum, of containers and init containers", pod: initPod([res(1, 1)], [res(1, 1), res(1, 1)]), existing: res(9, 19), want: success },
    { name: 'both resources fit', pod: resourcePod(res(1, 1)), existing: res(5, 5), want: success },
    { name: 'one resource memory fits', pod: resourcePod(res(2, 1)), existing: res(9, 5), want: unschedulable(insufficient('cpu')) },
    { name: 'one resource cpu fits', pod: resourcePod(res(1, 2)), existing: res(5, 19), want: unschedulable(insufficient('memory')) },
    { name: 'equal edge case', pod: resourcePod(res(5, 1)), existing: res(5, 19), want: success },
    { name: 'equal edge case for init container', pod: initPod([res(4, 1)], [res(5, 1)]), existing: res(5, 19), want: success },
    { name: 'extended resource fits', pod: resourcePod({ [extendedA]: '1' }), existing: {}, want: success },
    { name: 'extended resource fits for init container', pod: initPod([{}], [{ [extendedA]: '1' }]), existing: {}, want: success },
    { name: 'extended resource capacity enforced', pod: resourcePod(res(1, 1, { [extendedA]: 10 })), existing: res(0, 0, { [extendedA]: 0 }), want: unresolvable(insufficient(extendedA)) },
    { name: 'extended resource capacity enforced for init container', pod: initPod([{}], [res(1, 1, { [extendedA]: 10 })]), existing: res(0, 0, { [extendedA]: 0 }), want: unresolvable(insufficient(extendedA)) },
    { name: 'extended resource allocatable enforced', pod: resourcePod(res(1, 1, { [extendedA]: 1 })), existing: res(0, 0, { [extendedA]: 5 }), want: unschedulable(insufficient(extendedA)) },
    { name: 'extended resource allocatable enforced for init container', pod: initPod([{}], [res(1, 1, { [extendedA]: 1 })]), existing: res(0, 0, { [extendedA]: 5 }), want: unschedulable(insufficient(extendedA)) },
    { name: 'extended resource allocatable enforced for multiple containers', pod: resourcePod(res(1, 1, { [extendedA]: 3 }), res(1, 1, { [extendedA]: 3 })), existing: res(0, 0, { [extendedA]: 2 }), want: unresolvable(insufficient(extendedA)) },
    { name: 'extended resource allocatable admits multiple init containers', pod: initPod([{}], [res(1, 1, { [extendedA]: 3 }), res(1, 1, { [extendedA]: 3 })]), existing: res(0, 0, { [extendedA]: 2 }), want: success },
    { name: 'extended resource allocatable enforced for multiple init containers', pod: initPod([{}], [res(1, 1, { [extendedA]: 6 }), res(1, 1, { [extendedA]: 3 })]), existing: res(0, 0, { [extendedA]: 2 }), want: unresolvable(insufficient(extendedA)) },
    { name: 'extended resource allocatable enforced for unknown resource', pod: resourcePod(res(1, 1, { [extendedB]: 1 })), existing: res(0, 0), want: unresolvable(insufficient(extendedB)) },
    { name: 'extended resource allocatable enforced for unknown resource for init container', pod: initPod([{}], [res(1, 1, { [extendedB]: 1 })]), existing: res(0, 0), want: unresolvable(insufficient(extendedB)) },
    { name: 'kubernetes.io resource capacity enforced', pod: resourcePod(res(1, 1, { [kubernetesIOA]: 10 })), existing: res(0, 0), want: unresolvable(insufficient(kubernetesIOA)) },
    { name: 'kubernetes.io resource capacity enforced for init container', pod: initPod([{}], [res(1, 1, { [kubernetesIOB]: 10 })]), existing: res(0, 0), want: unresolvable(insufficient(kubernetesIOB)) },
    { name: 'hugepages resource capacity enforced', pod: resourcePod(res(1, 1, { [hugePageA]: 10 })), existing: res(0, 0, { [hugePageA]: 0 }), want: unresolvable(insufficient(hugePageA)) },
    { name: 'hugepages resource capacity enforced for init container', pod: initPod([{}], [res(1, 1, { [hugePageA]: 10 })]), existing: res(0, 0, { [hugePageA]: 0 }), want: unresolvable(insufficient(hugePageA)) },
    { name: 'hugepages resource allocatable enforced for multiple containers', pod: resourcePod(res(1, 1, { [hugePageA]: 3 }), res(1, 1, { [hugePageA]: 3 })), existing: res(0, 0, { [hugePageA]: 2 }), want: unresolvable(insufficient(hugePageA)) },
    { name: 'skip checking ignored extended resource', pod: resourcePod(res(1, 1, { [extendedB]: 1 })), existing: res(0, 0), args: { ignoredResources: [extendedB] }, want: success },
    { name: 'skip checking ignored extended resource via resource groups', pod: resourcePod(res(1, 1, { [extendedB]: 1 })), existing: res(0, 0), args: { ignoredResourceGroups: ['example.com'] }, want: success },
    { name: 'resources + pod overhead fits', pod: makePod().req(res(1, 1)).overhead({ cpu: '3m', memory: '13' }).obj(), existing: res(5, 5), want: success },
    { name: 'requests + overhead does not fit for memory', pod: makePod().req(res(1, 1)).overhead({ cpu: '1m', memory: '15' }).obj(), existing: res(5, 5), want: unschedulable(insufficient('memory')) },
    // Restartable init containers (sidecars), as in the newer fit_test.go cases.
    { name: 'a sidecar adds to the containers: 1m + 2m does not fit in 2m', pod: makePod().req(res(1, 1)).sidecarReq(res(2, 1)).obj(), existing: res(8, 0), want: unschedulable(insufficient('cpu')) },
    { name: 'an init container after a sidecar needs its own request plus the sidecar', pod: makePod().req(res(1, 1)).sidecarReq(res(1, 1)).initReq(res(2, 1)).obj(), existing: res(8, 0), want: unschedulable(insufficient('cpu')) },
    { name: 'an init container before the sidecar does not carry it', pod: makePod().req(res(1, 1)).initReq(res(2, 1)).sidecarReq(res(1, 1)).obj(), existing: res(8, 0), want: success },
  ]
  test.each(cases)('$name', ({ pod, existing, args, want }) => {
    expect(filterOnce(new NodeResourcesFit(args), pod, nodeWith(existing))).toEqual(want)
  })
})

describe('NodeResourcesFit filter (TestNotEnoughRequests: allocatable pods = 1, one pod running)', () => {
  const full = makeNode('machine').capacity({ cpu: '10m', memory: '20', pods: '1' }).obj()
  const cases = [
    { name: "even without specified resources, the predicate fails when there's no space for an additional pod", pod: makePod().obj(), existing: res(10, 20) },
    { name: "even if both resources fit, the predicate fails when there's no space for an additional pod", pod: resourcePod(res(1, 1)), existing: res(5, 5) },
    { name: "even for the equal edge case, the predicate fails when there's no space for an additional pod", pod: resourcePod(res(5, 1)), existing: res(5, 19) },
    { name: "even for the equal edge case, the predicate fails when there's no space for an additional pod due to an init container", pod: initPod([res(5, 1)], [res(5, 1)]), existing: res(5, 19) },
  ]
  test.each(cases)('$name', ({ pod, existing }) => {
    const nodeInfo = new NodeInfo(full, [makePod('existing').node('machine').req(existing).obj()])
    expect(filterOnce(new NodeResourcesFit(), pod, nodeInfo)).toEqual(unschedulable('Too many pods'))
  })

  test('too many pods and a request beyond allocatable together are unresolvable', () => {
    const nodeInfo = new NodeInfo(full, [makePod('existing').node('machine').obj()])
    expect(filterOnce(new NodeResourcesFit(), resourcePod(res(11, 1)), nodeInfo)).toEqual(unresolvable('Too many pods', insufficient('cpu')))
  })
})

describe('NodeResourcesFit filter (TestStorageRequests)', () => {
  const cases = [
    { name: 'due to container scratch disk', pod: resourcePod(res(1, 1)), existing: res(10, 10), want: unschedulable(insufficient('cpu')) },
    { name: 'pod fit', pod: resourcePod(res(1, 1)), existing: res(2, 10), want: success },
    { name: 'storage ephemeral local storage request exceeds allocatable', pod: resourcePod({ 'ephemeral-storage': '25' }), existing: res(2, 2), want: unresolvable(insufficient('ephemeral-storage')) },
    { name: 'pod fits', pod: resourcePod({ 'ephemeral-storage': '10' }), existing: res(2, 2), want: success },
  ]
  test.each(cases)('$name', ({ pod, existing, want }) => {
    expect(filterOnce(new NodeResourcesFit(), pod, nodeWith(existing))).toEqual(want)
  })
})
