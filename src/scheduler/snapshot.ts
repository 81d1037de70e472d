// An immutable picture of the cluster for one scheduling cycle: the nodes with their pods, plus
// the few other objects plugins consult (namespace labels for affinity namespaceSelectors; the
// Services, ReplicaSets, StatefulSets and ReplicationControllers that select a pod, for default
// topology spreading). Mirrors pkg/scheduler/backend/cache/snapshot.go (NodeInfos().List,
// HavePodsWithAffinityList, HavePodsWithRequiredAntiAffinityList, Get) and the listers the plugins
// take from the framework handle.
import type { Namespace, Node, Pod, ReplicationController, Service } from 'kubernetes-types/core/v1.js'
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { Labels } from './labels.ts'
import { NodeInfo } from './node-info.ts'

export interface Snapshot {
  /** Every node, in a stable order. */
  readonly nodeInfos: readonly NodeInfo[]
  readonly havePodsWithAffinity: readonly NodeInfo[]
  readonly havePodsWithRequiredAntiAffinity: readonly NodeInfo[]
  get(nodeName: string): NodeInfo | undefined
  namespaceLabels(namespace: string): Labels | undefined
  readonly services: readonly Service[]
  readonly replicaSets: readonly ReplicaSet[]
  readonly statefulSets: readonly StatefulSet[]
  readonly replicationControllers: readonly ReplicationController[]
}

export interface ClusterObjects {
  readonly nodes: readonly Node[]
  /** Pods; those with spec.nodeName set to a known node are placed on it, the rest are ignored. */
  readonly pods?: readonly Pod[]
  readonly namespaces?: readonly Namespace[]
  readonly services?: readonly Service[]
  readonly replicaSets?: readonly ReplicaSet[]
  readonly statefulSets?: readonly StatefulSet[]
  readonly replicationControllers?: readonly ReplicationController[]
}

/** A snapshot over NodeInfos that already exist (the scheduler cache keeps them up to date). */
export function snapshotOf(nodeInfos: readonly NodeInfo[], extra: Omit<ClusterObjects, 'nodes' | 'pods'> = {}): Snapshot {
  const byName = new Map(nodeInfos.map((n) => [n.name, n]))
  const namespaceLabels = new Map((extra.namespaces ?? []).map((ns) => [ns.metadata?.name ?? '', ns.metadata?.labels ?? {}]))
  return {
    nodeInfos,
    havePodsWithAffinity: nodeInfos.filter((n) => n.podsWithAffinity.length > 0),
    havePodsWithRequiredAntiAffinity: nodeInfos.filter((n) => n.podsWithRequiredAntiAffinity.length > 0),
    get: (name) => byName.get(name),
    namespaceLabels: (ns) => namespaceLabels.get(ns),
    services: extra.services ?? [],
    replicaSets: extra.replicaSets ?? [],
    statefulSets: extra.statefulSets ?? [],
    replicationControllers: extra.replicationControllers ?? [],
  }
}

/** Builds NodeInfos from plain objects and snapshots them. */
export function newSnapshot(cluster: ClusterObjects): Snapshot {
  const infos = cluster.nodes.map((n) => new NodeInfo(n))
  const byName = new Map(infos.map((n) => [n.name, n]))
  for (const pod of cluster.pods ?? []) {
    const nodeName = pod.spec?.nodeName
    if (nodeName) byName.get(nodeName)?.addPod(pod)
  }
  return snapshotOf(infos, cluster)
}

/** The same snapshot with one node's NodeInfo replaced (preemption tries nodes this way). */
export function withNodeInfo(snapshot: Snapshot, replacement: NodeInfo): Snapshot {
  const infos = snapshot.nodeInfos.map((n) => (n.name === replacement.name ? replacement : n))
  const byName = new Map(infos.map((n) => [n.name, n]))
  return {
    ...snapshot,
    nodeInfos: infos,
    havePodsWithAffinity: infos.filter((n) => n.podsWithAffinity.length > 0),
    havePodsWithRequiredAntiAffinity: infos.filter((n) => n.podsWithRequiredAntiAffinity.length > 0),
    get: (name) => byName.get(name),
  }
}
