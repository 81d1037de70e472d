// Wrong: treats PreferNoSchedule taints like NoSchedule ones, so a merely discouraged node is rejected.
import { reasons, success, tolerates, unresolvable, type NodeInfo, type Pod, type Status } from '../filters.ts'

export * from '../filters.ts' // the solution's, but for the functions this file defines

export function taintToleration(pod: Pod, nodeInfo: NodeInfo): Status {
  const tolerations = pod.spec?.tolerations ?? []
  // Every taint, whatever its effect, must be tolerated.
  const untolerated = (nodeInfo.node.spec?.taints ?? []).find((taint) => !tolerations.some((t) => tolerates(t, taint)))
  return untolerated ? unresolvable(reasons.untoleratedTaint(untolerated.key, untolerated.value ?? '')) : success
}
