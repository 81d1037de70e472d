// How PodTopologySpread reads constraints: the pod's own topologySpreadConstraints, or (when it
// has none) the cluster defaults with a selector built from the Services, ReplicaSets,
// StatefulSets and ReplicationControllers that own or select the pod. Mirrors
// pkg/scheduler/framework/plugins/podtopologyspread/common.go (filterTopologySpreadConstraints,
// buildDefaultConstraints, nodeLabelsMatchSpreadConstraints, countPodsMatchSelector,
// matchNodeInclusionPolicies) and helper.DefaultSelector (plugins/helper/spread.go).
import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1.js'
import { labelSelectorAsSelector, selectorFromSet, withRequirements, type Requirement, type Selector } from '../labels.ts'
import type { RequiredNodeAffinity } from '../node-affinity-match.ts'
import { namespaceOf, type PodInfo } from '../pod-info.ts'
import type { Snapshot } from '../snapshot.ts'
import { findMatchingUntoleratedTaint, isDoNotScheduleTaint } from '../taints.ts'

export const labelHostname = 'kubernetes.io/hostname'
export const labelTopologyZone = 'topology.kubernetes.io/zone'

/** The defaults when PodTopologySpreadArgs.defaultingType is System (apis/config/v1/defaults.go). */
export const systemDefaultConstraints: readonly TopologySpreadConstraint[] = [
  { topologyKey: labelHostname, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: labelTopologyZone, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
]

export interface Constraint {
  readonly maxSkew: number
  readonly topologyKey: string
  readonly selector: Selector
  /** 1 when unset. */
  readonly minDomains: number
  /** Honor (default): only nodes matching the pod's node affinity/selector count as domains. */
  readonly nodeAffinityPolicy: 'Honor' | 'Ignore'
  /** Ignore (default): tainted nodes count as domains even if the pod does not tolerate them. */
  readonly nodeTaintsPolicy: 'Honor' | 'Ignore'
}

/** The constraints with this whenUnsatisfiable, parsed; matchLabelKeys become extra requirements. */
export function filterConstraints(constraints: readonly TopologySpreadConstraint[], podLabels: Readonly<Record<string, string>> | undefined, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const out: Constraint[] = []
  for (const c of constraints) {
    if (c.whenUnsatisfiable !== action) continue
    let selector = labelSelectorAsSelector(c.labelSelector)
    const extra: Requirement[] = []
    for (const key of c.matchLabelKeys ?? []) {
      if (podLabels && Object.hasOwn(podLabels, key)) extra.push({ key, operator: 'In', values: [podLabels[key]] })
    }
    selector = withRequirements(selector, extra)
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
    })
  }
  return out
}

function matchesLabels(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  return !!selector && Object.keys(selector).length > 0 && selectorFromSet(selector).matches(labels)
}

/** DefaultSelector: the union of what selects the pod (Services by selector, owners by controller ref). */
export function defaultSelector(pod: Pod, snapshot: Snapshot): Selector {
  const ns = namespaceOf(pod)
  const labels = pod.metadata?.labels
  const set: Record<string, string> = {}
  for (const svc of snapshot.services) {
    if ((svc.metadata?.namespace || 'default') === ns && matchesLabels(svc.spec?.selector, labels)) Object.assign(set, svc.spec!.selector)
  }
  let selector = Object.keys(set).length > 0 ? selectorFromSet(set) : labelSelectorAsSelector({})
  const owner = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller)
  if (!owner) return selector
  const sameOwner = (o: { metadata?: { name?: string; namespace?: string } }) => o.metadata?.name === owner.name && (o.metadata?.namespace || 'default') === ns
  if (owner.kind === 'ReplicationController' && owner.apiVersion === 'v1') {
    const rc = snapshot.replicationControllers.find(sameOwner)
    if (rc?.spec?.selector) selector = selectorFromSet({ ...set, ...rc.spec.selector })
  } else if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && owner.apiVersion === 'apps/v1') {
    const list = owner.kind === 'ReplicaSet' ? snapshot.replicaSets : snapshot.statefulSets
    const found = list.find(sameOwner)
    const other = found ? labelSelectorAsSelector(found.spec?.selector) : undefined
    if (other && other.error === undefined) selector = withRequirements(selector, other.requirements)
  }
  return selector
}

/** The pod's constraints for this action, or the defaults (System defaults are all ScheduleAnyway). */
export function constraintsFor(pod: Pod, defaults: readonly TopologySpreadConstraint[], snapshot: Snapshot, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const own = pod.spec?.topologySpreadConstraints ?? []
  if (own.length > 0) return filterConstraints(own, pod.metadata?.labels, action)
  const constraints = filterConstraints(defaults, pod.metadata?.labels, action)
  if (constraints.length === 0) return []
  const selector = defaultSelector(pod, snapshot)
  if (selector.everything) return []
  return constraints.map((c) => ({ ...c, selector }))
}

export function nodeLabelsMatchSpreadConstraints(labels: Readonly<Record<string, string>> | undefined, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (!labels || !Object.hasOwn(labels, c.topologyKey)) return false
  return true
}

export function matchNodeInclusionPolicies(c: Constraint, pod: Pod, node: Node, required: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !required.matches(node)) return false
  if (c.nodeTaintsPolicy === 'Honor' && findMatchingUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, isDoNotScheduleTaint)) return false
  return true
}

/** Pods in `namespace`, not terminating, whose labels match. */
export function countPodsMatchSelector(pods: readonly PodInfo[], selector: Selector, namespace: string): number {
  let count = 0
  for (const p of pods) {
    if (p.pod.metadata?.deletionTimestamp || p.namespace !== namespace) continue
    if (selector.matches(p.pod.metadata?.labels)) count++
  }
  return count
}
