// Ported from TestNodeUnschedulable in
// pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go, plus toleration
// edge cases.
import { describe, expect, test } from 'vitest'
import { NodeInfo } from '../node-info.ts'
import { success, unresolvable } from '../status.ts'
import { filterOnce, makeNode, makePod } from '../testing.ts'
import { NodeUnschedulable } from './node-unschedulable.ts'

describe('NodeUnschedulable', () => {
  const cases = [
    { name: 'does not schedule a pod to an unschedulable node (node.spec.unschedulable == true)', pod: makePod().obj(), unschedulable: true, want: unresolvable('node(s) were unschedulable') },
    { name: 'schedules a pod to a normal node', pod: makePod().obj(), unschedulable: false, want: success },
    {
      name: 'schedules a pod with the unschedulable toleration to an unschedulable node',
      pod: makePod().toleration({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }).obj(),
      unschedulable: true,
      want: success,
    },
    { name: 'a toleration with operator Exists and no key tolerates the cordon too', pod: makePod().toleration({ operator: 'Exists' }).obj(), unschedulable: true, want: success },
    {
      name: 'a PreferNoSchedule toleration does not tolerate the NoSchedule cordon',
      pod: makePod().toleration({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'PreferNoSchedule' }).obj(),
      unschedulable: true,
      want: unresolvable('node(s) were unschedulable'),
    },
  ]
  test.each(cases)('$name', ({ pod, unschedulable, want }) => {
    const nodeInfo = new NodeInfo(makeNode('n1').unschedulable(unschedulable).obj())
    expect(filterOnce(new NodeUnschedulable(), pod, nodeInfo)).toEqual(want)
  })
})
