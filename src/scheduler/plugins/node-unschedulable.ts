// NodeUnschedulable: keeps pods off cordoned nodes (node.spec.unschedulable: true, what
// `kubectl cordon` sets), unless the pod tolerates the node.kubernetes.io/unschedulable:NoSchedule
// taint, as DaemonSet pods do. Mirrors
// pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../cycle-state.ts'
import type { FilterPlugin } from '../framework.ts'
import type { NodeInfo } from '../node-info.ts'
import { success, unresolvable, type Status } from '../status.ts'
import { taintNodeUnschedulable, tolerationsTolerateTaint } from '../taints.ts'
import { names } from './names.ts'

export const errReasonUnschedulable = 'node(s) were unschedulable'

const rejected = unresolvable(errReasonUnschedulable)
const unschedulableTaint = { key: taintNodeUnschedulable, effect: 'NoSchedule' }

export function nodeUnschedulableFilter(pod: Pod, nodeInfo: NodeInfo): Status {
  if (!nodeInfo.node.spec?.unschedulable) return success
  if (tolerationsTolerateTaint(pod.spec?.tolerations, unschedulableTaint)) return success
  return rejected
}

export class NodeUnschedulable implements FilterPlugin {
  readonly name = names.NodeUnschedulable

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    return nodeUnschedulableFilter(pod, nodeInfo)
  }
}

NodeUnschedulable satisfies new () => FilterPlugin
