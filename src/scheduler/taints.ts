// Taints and tolerations. Mirrors Toleration.ToleratesTaint in staging/src/k8s.io/api/core/v1/
// toleration.go and TolerationsTolerateTaint / FindMatchingUntoleratedTaint in
// staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go.
//
// A toleration tolerates a taint when
//   1. its effect is empty (all effects) or equals the taint's effect, and
//   2. its key is empty (all keys; the API requires operator Exists then) or equals the taint's key, and
//   3. its operator is Exists (any value), or Equal / empty with a value equal to the taint's value.
import type { Taint, Toleration } from 'kubernetes-types/core/v1.js'

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'

/** The taint the node controller puts on cordoned nodes; NodeUnschedulable honours its toleration. */
export const taintNodeUnschedulable = 'node.kubernetes.io/unschedulable'

export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false
  if (toleration.key && toleration.key !== taint.key) return false
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '')
    case 'Exists':
      return true
    default:
      return false
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  if (tolerations) for (const t of tolerations) if (toleratesTaint(t, taint)) return true
  return false
}

/** The first taint (in node order) that passes `include` and that no toleration tolerates. */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  include: (taint: Taint) => boolean,
): Taint | undefined {
  if (taints) for (const taint of taints) if (include(taint) && !tolerationsTolerateTaint(tolerations, taint)) return taint
  return undefined
}

/** helper.DoNotScheduleTaintsFilterFunc: the effects that keep a pod off a node. */
export function isDoNotScheduleTaint(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute'
}
