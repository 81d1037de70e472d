// NodeName: a pod that names its node (spec.nodeName) fits only that node. Mirrors
// pkg/scheduler/framework/plugins/nodename/node_name.go.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../cycle-state.ts'
import type { FilterPlugin } from '../framework.ts'
import type { NodeInfo } from '../node-info.ts'
import { success, unresolvable, type Status } from '../status.ts'
import { names } from './names.ts'

export const errReasonNodeName = "node(s) didn't match the requested node name"

const rejected = unresolvable(errReasonNodeName)

export class NodeName implements FilterPlugin {
  readonly name = names.NodeName

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    const wanted = pod.spec?.nodeName
    return !wanted || wanted === nodeInfo.name ? success : rejected
  }
}

NodeName satisfies new () => FilterPlugin
