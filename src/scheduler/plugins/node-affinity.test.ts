// Ported from TestNodeAffinity and TestNodeAffinityPriority in
// pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go (a selection; expected
// statuses as there: UnschedulableAndUnresolvable with ErrReasonPod).
import type { Affinity, Node, Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { NodeInfo } from '../node-info.ts'
import { success, unresolvable, type Status } from '../status.ts'
import { filterOnce, makeNode, scoreOnce } from '../testing.ts'
import { errReasonConflict, errReasonEnforced, errReasonPod, NodeAffinity } from './node-affinity.ts'

const rejected = unresolvable(errReasonPod)

function pod(spec: { nodeSelector?: Record<string, string>; affinity?: Affinity }): Pod {
  return { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [], ...spec } }
}

function node(labels: Record<string, string>, name = 'node1'): Node {
  return makeNode(name).labels(labels).obj()
}

const required = (...terms: NonNullable<NonNullable<NonNullable<Affinity['nodeAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']>['nodeSelectorTerms']>): Affinity => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
})

describe('NodeAffinity filter', () => {
  const cases: { name: string; pod: Pod; labels: Record<string, string>; want: Status }[] = [
    { name: 'no selector', pod: pod({}), labels: {}, want: success },
    { name: 'missing labels', pod: pod({ nodeSelector: { foo: 'bar' } }), labels: {}, want: rejected },
    { name: 'same labels', pod: pod({ nodeSelector: { foo: 'bar' } }), labels: { foo: 'bar' }, want: success },
    { name: 'node labels are a superset', pod: pod({ nodeSelector: { foo: 'bar' } }), labels: { foo: 'bar', baz: 'blah' }, want: success },
    { name: 'node labels are a subset', pod: pod({ nodeSelector: { foo: 'bar', baz: 'blah' } }), labels: { foo: 'bar' }, want: rejected },
    { name: 'a pod with matchExpressions using the In operator that matches the existing node', pod: pod({ affinity: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }) }), labels: { foo: 'bar' }, want: success },
    { name: 'a pod with matchExpressions using the Gt operator that matches the existing node', pod: pod({ affinity: required({ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }) }), labels: { 'kernel-version': '0206' }, want: success },
    { name: 'a pod with matchExpressions using the NotIn operator that matches the existing node', pod: pod({ affinity: required({ matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }] }) }), labels: { 'mem-type': 'DDR3' }, want: success },
    { name: 'a pod with matchExpressions using the Exists operator that matches the existing node', pod: pod({ affinity: required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }) }), labels: { GPU: 'NVIDIA-GRID-K1' }, want: success },
    { name: 'a pod with affinity that does not match the node labels will not schedule onto the node', pod: pod({ affinity: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'value2'] }] }) }), labels: { foo: 'bar' }, want: rejected },
    { name: 'a pod with a nil []NodeSelectorTerm in affinity cannot schedule onto the node', pod: pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } }), labels: { foo: 'bar' }, want: rejected },
    { name: 'a pod with empty matchExpressions matches no objects and will not schedule onto the node', pod: pod({ affinity: required({ matchExpressions: [] }) }), labels: { foo: 'bar' }, want: rejected },
    { name: 'a pod with no affinity will schedule onto a node', pod: pod({}), labels: { foo: 'bar' }, want: success },
    { name: 'a pod with affinity but a nil NodeSelector will schedule onto a node', pod: pod({ affinity: { nodeAffinity: {} } }), labels: { foo: 'bar' }, want: success },
    {
      name: 'a pod with multiple matchExpressions ANDed that matches the existing node',
      pod: pod({ affinity: required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }, { key: 'GPU', operator: 'NotIn', values: ['AMD', 'INTER'] }] }) }),
      labels: { GPU: 'NVIDIA-GRID-K1' },
      want: success,
    },
    {
      name: "a pod with multiple matchExpressions ANDed that doesn't match the existing node",
      pod: pod({ affinity: required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }, { key: 'GPU', operator: 'In', values: ['AMD', 'INTER'] }] }) }),
      labels: { GPU: 'NVIDIA-GRID-K1' },
      want: rejected,
    },
    {
      name: "a pod with multiple NodeSelectorTerms ORed in affinity matches the node's labels and will schedule onto the node",
      pod: pod({ affinity: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }, { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] }) }),
      labels: { foo: 'bar' },
      want: success,
    },
    {
      name: 'a pod with an Affinity and a PodSpec.NodeSelector (the old thing that we are deprecating) both satisfied will schedule onto the node',
      pod: pod({ nodeSelector: { foo: 'bar' }, affinity: required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }) }),
      labels: { foo: 'bar' },
      want: success,
    },
    {
      name: 'a pod whose Affinity is satisfied but whose PodSpec.NodeSelector is not will not schedule onto the node',
      pod: pod({ nodeSelector: { foo: 'bar' }, affinity: required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }) }),
      labels: { foo: 'barrrrrr' },
      want: rejected,
    },
    { name: 'NotIn matches a node that lacks the label', pod: pod({ affinity: required({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }) }), labels: {}, want: success },
    { name: 'DoesNotExist matches a node that lacks the label', pod: pod({ affinity: required({ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }) }), labels: { foo: 'bar' }, want: success },
    { name: 'Lt compares as integers', pod: pod({ affinity: required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['10'] }] }) }), labels: { cores: '9' }, want: success },
    { name: 'Gt does not match a non-integer label value', pod: pod({ affinity: required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['1'] }] }) }), labels: { cores: 'many' }, want: rejected },
    { name: 'a term that fails to parse (In without values) matches nothing, but another term still can', pod: pod({ affinity: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: [] }] }, { matchExpressions: [{ key: 'foo', operator: 'Exists' }] }) }), labels: { foo: 'bar' }, want: success },
  ]
  test.each(cases)('$name', ({ pod, labels, want }) => {
    expect(filterOnce(new NodeAffinity(), pod, new NodeInfo(node(labels)))).toEqual(want)
  })

  const fieldCases = [
    { name: 'a pod with matchFields using the In operator that matches the existing node', terms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }], want: success },
    { name: 'a pod with matchFields using the In operator that does not match the existing node', terms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2'] }] }], want: unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]") },
    {
      name: 'a pod with two terms: matchFields does not match, but matchExpressions matches',
      terms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2'] }] }, { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }],
      want: success,
    },
    {
      name: 'a pod with one term: matchFields does not match, but matchExpressions matches',
      terms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2'] }], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }],
      want: unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]"),
    },
    { name: 'a pod with one term: both matchFields and matchExpressions match', terms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }], want: success },
    {
      name: 'a pod with two terms: both matchFields and matchExpressions do not match',
      terms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2'] }] }, { matchExpressions: [{ key: 'foo', operator: 'In', values: ['not-match-to-bar'] }] }],
      want: rejected,
    },
    { name: 'matchFields with NotIn excludes the named node', terms: [{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node1'] }] }], want: rejected },
    {
      name: 'two terms pinning to different node names that do not overlap within a term conflict',
      terms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }, { key: 'metadata.name', operator: 'In', values: ['node2'] }] }],
      want: unresolvable(errReasonConflict),
    },
  ]
  test.each(fieldCases)('$name', ({ terms, want }) => {
    expect(filterOnce(new NodeAffinity(), pod({ affinity: required(...terms) }), new NodeInfo(node({ foo: 'bar' })))).toEqual(want)
  })

  test('added affinity from the plugin arguments is enforced on every pod', () => {
    const plugin = new NodeAffinity({ addedAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In', values: ['batch'] }] }] } } })
    expect(filterOnce(plugin, pod({}), new NodeInfo(node({ pool: 'web' })))).toEqual(unresolvable(errReasonEnforced))
    expect(filterOnce(plugin, pod({}), new NodeInfo(node({ pool: 'batch' })))).toEqual(success)
  })
})

describe('NodeAffinity score', () => {
  const preferred = (...terms: { weight: number; key: string; values: string[] }[]): Affinity => ({
    nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms.map((t) => ({ weight: t.weight, preference: { matchExpressions: [{ key: t.key, operator: 'In', values: t.values }] } })) },
  })
  const nodes = [node({ foo: 'bar' }, 'node1'), node({ key: 'value' }, 'node2'), node({ foo: 'bar', key: 'value', az: 'az1' }, 'node3')]
  const cases = [
    { name: 'all nodes have the same priority as NodeAffinity is nil', affinity: undefined, want: [0, 0, 0] },
    { name: "no node matches the preferred scheduling requirements in the pod's NodeAffinity, so every node's priority is zero", affinity: preferred({ weight: 2, key: 'foo', values: ['nope'] }), want: [0, 0, 0] },
    { name: 'only node1 matches the preferred scheduling requirements of the pod', affinity: preferred({ weight: 2, key: 'foo', values: ['bar'] }, { weight: 3, key: 'az', values: ['az9'] }), want: [100, 0, 100] },
    {
      name: 'all nodes match the preferred scheduling requirements of the pod but with different priorities',
      affinity: preferred({ weight: 2, key: 'foo', values: ['bar'] }, { weight: 4, key: 'key', values: ['value'] }, { weight: 5, key: 'az', values: ['az1'] }),
      // raw 2, 4, 11 → ×100/11
      want: [18, 36, 100],
    },
  ]
  test.each(cases)('$name', ({ affinity, want }) => {
    expect(scoreOnce(new NodeAffinity(), pod({ affinity }), nodes.map((n) => new NodeInfo(n)))).toEqual(want)
  })
})
