// Ported from TestTaintTolerationFilter and TestTaintTolerationScore in
// pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go (the cases that do not
// need the alpha Gt/Lt toleration operators), with the reason text of v1.25–v1.34.
import type { Taint, Toleration } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { NodeInfo } from '../node-info.ts'
import { success, unresolvable } from '../status.ts'
import { filterOnce, nodeWithTaints, podWithTolerations, scoreOnce } from '../testing.ts'
import { TaintToleration } from './taint-toleration.ts'

const untolerated = (key: string, value: string) => unresolvable(`node(s) had untolerated taint {${key}: ${value}}`)

describe('TaintToleration filter', () => {
  const cases: { name: string; tolerations: Toleration[]; taints: Taint[]; want: ReturnType<typeof untolerated> | typeof success }[] = [
    { name: "a pod having no tolerations can't be scheduled onto a node with nonempty taints", tolerations: [], taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: untolerated('dedicated', 'user1') },
    { name: 'a pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule', tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: success },
    { name: "a pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule", tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: untolerated('dedicated', 'user1') },
    { name: 'a pod can be scheduled onto the node, with a toleration that uses operator Exists and tolerates the taints on the node', tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }], taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: success },
    {
      name: 'a pod has multiple tolerations, the node has multiple taints, all the taints are tolerated, the pod can be scheduled onto the node',
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }, { key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
      taints: [{ key: 'dedicated', value: 'user2', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }],
      want: success,
    },
    { name: "a pod has a toleration whose key and value match the taint on the node, but whose (non-empty) effect doesn't match, can't be scheduled onto the node", tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }], taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: untolerated('foo', 'bar') },
    { name: 'the pod has a toleration whose key and value match the taint on the node, the effect of the toleration is empty, and the effect of the taint is NoSchedule: the pod can be scheduled onto the node', tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }], taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: success },
    { name: "the pod has a toleration whose key and value don't match the taint on the node, but the effect of the taint on the node is PreferNoSchedule: the pod can be scheduled onto the node", tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], want: success },
    { name: 'the pod has no toleration, but the effect of the taint on the node is PreferNoSchedule: the pod can be scheduled onto the node', tolerations: [], taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], want: success },
    // Beyond the ported table:
    { name: 'a toleration with operator Exists and an empty key tolerates every taint', tolerations: [{ operator: 'Exists' }], taints: [{ key: 'a', value: 'x', effect: 'NoSchedule' }, { key: 'b', effect: 'NoExecute' }], want: success },
    { name: 'NoExecute taints keep pods off the node like NoSchedule ones', tolerations: [], taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }], want: untolerated('node.kubernetes.io/not-ready', '') },
    { name: 'the reason names the first untolerated taint in the node order', tolerations: [{ key: 'b', operator: 'Exists' }], taints: [{ key: 'a', value: '1', effect: 'PreferNoSchedule' }, { key: 'b', value: '2', effect: 'NoSchedule' }, { key: 'c', value: '3', effect: 'NoSchedule' }, { key: 'd', value: '4', effect: 'NoSchedule' }], want: untolerated('c', '3') },
    { name: 'an Equal toleration without a value tolerates only a taint without a value', tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' }], taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], want: success },
  ]
  test.each(cases)('$name', ({ tolerations, taints, want }) => {
    expect(filterOnce(new TaintToleration(), podWithTolerations('pod1', tolerations), new NodeInfo(nodeWithTaints('nodeA', taints)))).toEqual(want)
  })
})

describe('TaintToleration score', () => {
  const cases: { name: string; tolerations: Toleration[]; nodes: Taint[][]; want: number[] }[] = [
    { name: 'a node with taints tolerated by the pod gets a higher score than a node with intolerable taints', tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }], nodes: [[{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }], [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }]], want: [100, 0] },
    {
      name: 'the nodes all of whose taints are tolerated by the pod get the same score, no matter how many tolerable taints a node has',
      tolerations: [{ key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' }],
      nodes: [[], [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }], [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }]],
      want: [100, 100, 100],
    },
    {
      name: 'the more intolerable taints a node has, the lower score it gets',
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
      nodes: [[], [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }], [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }]],
      want: [100, 50, 0],
    },
    {
      name: 'only taints and tolerations with effect PreferNoSchedule are checked by the score',
      tolerations: [{ key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' }, { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' }],
      nodes: [[], [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }], [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }]],
      want: [100, 100, 0],
    },
    { name: 'default behaviour: no taints and tolerations, the node with no taints wins', tolerations: [], nodes: [[], [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]], want: [100, 0] },
  ]
  test.each(cases)('$name', ({ tolerations, nodes, want }) => {
    const infos = nodes.map((taints, i) => new NodeInfo(nodeWithTaints(`node${i}`, taints)))
    expect(scoreOnce(new TaintToleration(), podWithTolerations('pod1', tolerations), infos)).toEqual(want)
  })
})
