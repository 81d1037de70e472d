// Wrong: makes NotIn fail on a node that lacks the label (Kubernetes lets such a node through).
import * as solution from '../filters.ts'
import type { NodeInfo, NodeSelectorRequirement, Pod, Status } from '../filters.ts'

export * from '../filters.ts' // the solution's, but for the functions this file defines

function requirementHolds(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  if (r.operator === 'NotIn') return Object.hasOwn(labels, r.key) && !(r.values ?? []).includes(labels[r.key])
  return solution.requirementHolds(r, labels)
}

export const nodeAffinity = (pod: Pod, nodeInfo: NodeInfo): Status => solution.nodeAffinity(pod, nodeInfo, requirementHolds)
