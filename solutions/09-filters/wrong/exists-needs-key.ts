// Wrong: a toleration with operator Exists must still match the taint key, so `operator: Exists` with no key tolerates nothing instead of everything.
import * as solution from '../filters.ts'
import type { NodeInfo, Pod, Status, Taint, Toleration } from '../filters.ts'

export * from '../filters.ts' // the solution's, but for the functions this file defines

function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false
  if (toleration.key !== taint.key) return false
  if (toleration.operator === 'Exists') return true
  return (!toleration.operator || toleration.operator === 'Equal') && (toleration.value ?? '') === (taint.value ?? '')
}

// Both filters that read tolerations, with this rule instead of the solution's.
export const nodeUnschedulable = (pod: Pod, nodeInfo: NodeInfo): Status => solution.nodeUnschedulable(pod, nodeInfo, tolerates)
export const taintToleration = (pod: Pod, nodeInfo: NodeInfo): Status => solution.taintToleration(pod, nodeInfo, tolerates)
