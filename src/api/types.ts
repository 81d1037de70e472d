// Request options and list shapes of the API, as a client sends and receives them.
// Mirrors metav1.ListOptions, metav1.List / ListMeta (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go)
// and the resourceVersion semantics documented at
// https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions.
import type { KubeObject } from './registry/object.ts'

export type ResourceVersionMatch = 'NotOlderThan' | 'Exact'

export interface ListOptions {
  readonly labelSelector?: string
  readonly fieldSelector?: string
  /** At most this many items; the rest via `continue`. */
  readonly limit?: number
  readonly continue?: string
  /** Unset/"": the most recent state (consistent read). "0": any state, from the cache. "N": see resourceVersionMatch. */
  readonly resourceVersion?: string
  /** With "N": NotOlderThan (default, from the cache once it has caught up) or Exact (the store at revision N). */
  readonly resourceVersionMatch?: ResourceVersionMatch
}

export interface WatchOptions {
  readonly labelSelector?: string
  readonly fieldSelector?: string
  /** Unset/"" or "0": synthetic ADDED events for the current state, then every change. "N": every change after N. */
  readonly resourceVersion?: string
  readonly resourceVersionMatch?: ResourceVersionMatch
  readonly allowWatchBookmarks?: boolean
  /** Send the current state first and end it with a BOOKMARK annotated k8s.io/initial-events-end. */
  readonly sendInitialEvents?: boolean
}

export interface GetOptions {
  /** Unset/"": the latest, from the store. "0": from the cache. "N": from the cache, not older than N. */
  readonly resourceVersion?: string
}

export interface ListMeta {
  readonly resourceVersion: string
  readonly continue?: string
  readonly remainingItemCount?: number
}

export interface ObjectList<T extends KubeObject = KubeObject> {
  readonly apiVersion: string
  /** `PodList`, `DeploymentList`... */
  readonly kind: string
  readonly metadata: ListMeta
  readonly items: readonly T[]
}

/** Patch content types: JSON merge patch (RFC 7386), strategic merge patch, JSON patch (RFC 6902). */
export type PatchType = 'merge' | 'strategic' | 'json'
