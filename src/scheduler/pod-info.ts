// A pod with what the scheduler precomputes for it once: its resource requests and its parsed
// inter-pod (anti-)affinity terms. Mirrors PodInfo, NewPodInfo, AffinityTerm and
// WeightedAffinityTerm in pkg/scheduler/framework/types.go.
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1.js'
import { labelSelectorAsSelector, type Labels, type Selector } from './labels.ts'
import { memoizedPerPod } from './pod-memo.ts'
import { podResource, type PodResource } from './pod-requests.ts'

export interface AffinityTerm {
  /** Namespaces listed in the term, or the pod's own namespace when the term names none. */
  readonly namespaces: ReadonlySet<string>
  readonly namespaceSelector: Selector
  readonly selector: Selector
  readonly topologyKey: string
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number
}

export interface PodInfo {
  readonly pod: Pod
  readonly namespace: string
  readonly resource: PodResource
  readonly requiredAffinityTerms: readonly AffinityTerm[]
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[]
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[]
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[]
}

export function namespaceOf(pod: Pod): string {
  return pod.metadata?.namespace || 'default'
}

function affinityTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  const listed = term.namespaces ?? []
  const namespaces = listed.length === 0 && !term.namespaceSelector ? new Set([namespaceOf(pod)]) : new Set(listed)
  return {
    namespaces,
    namespaceSelector: labelSelectorAsSelector(term.namespaceSelector),
    selector: labelSelectorAsSelector(term.labelSelector),
    topologyKey: term.topologyKey,
  }
}

function weighted(pod: Pod, terms: readonly WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return (terms ?? []).map((t) => ({ ...affinityTerm(pod, t.podAffinityTerm), weight: t.weight }))
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and carries matching labels. */
export function termMatches(term: AffinityTerm, pod: Pod, namespaceLabels: Labels | undefined): boolean {
  if (term.namespaces.has(namespaceOf(pod)) || term.namespaceSelector.matches(namespaceLabels ?? {})) {
    return term.selector.matches(pod.metadata?.labels)
  }
  return false
}

/** NewPodInfo: the pod's resources and affinity terms, computed once per frozen pod (pod-memo.ts). */
export const newPodInfo: (pod: Pod) => PodInfo = memoizedPerPod(computePodInfo)

function computePodInfo(pod: Pod): PodInfo {
  const affinity = pod.spec?.affinity
  return {
    pod,
    namespace: namespaceOf(pod),
    resource: podResource(pod),
    requiredAffinityTerms: (affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(pod, t)),
    requiredAntiAffinityTerms: (affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(pod, t)),
    preferredAffinityTerms: weighted(pod, affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinityTerms: weighted(pod, affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
  }
}

/** The pod carries pod affinity or pod anti-affinity (podWithAffinity in types.go). */
export function hasPodAffinity(pod: Pod): boolean {
  const a = pod.spec?.affinity
  return !!a && (!!a.podAffinity || !!a.podAntiAffinity)
}

export function hasRequiredAntiAffinity(pod: Pod): boolean {
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0
}

/** The key NodeInfo uses for a pod: its uid, else namespace/name. */
export function podKey(pod: Pod): string {
  return pod.metadata?.uid || `${namespaceOf(pod)}/${pod.metadata?.name ?? ''}`
}
