// Which lists a strategic merge patch merges, and by which key. In Kubernetes this comes from the
// Go struct tags (`patchStrategy:"merge" patchMergeKey:"name"`) on the API types; here it is a
// table of the list fields the engine's kinds use, keyed by field name and the path above it.
// Lists not listed (tolerations, taints, args, command...) are atomic: a patch replaces them.
// Mirrors the struct tags of staging/src/k8s.io/api/core/v1/types.go, apps/v1/types.go and
// meta/v1/types.go, read through staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/meta.go.

export type ListStrategy =
  /** Merge elements that have the same value at `key`; new ones are appended. */
  | { readonly type: 'merge'; readonly key: string }
  /** A list of scalars merged as a set (finalizers). */
  | { readonly type: 'mergePrimitives' }
  | { readonly type: 'replace' }

const replace: ListStrategy = { type: 'replace' }
const byName: ListStrategy = { type: 'merge', key: 'name' }

const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers'])

/** Merge keys of list fields that are the same wherever they appear. */
const anywhere: Readonly<Record<string, ListStrategy>> = {
  containers: byName,
  initContainers: byName,
  ephemeralContainers: byName,
  volumes: byName,
  env: byName,
  imagePullSecrets: byName,
  resourceClaims: byName,
  volumeMounts: { type: 'merge', key: 'mountPath' },
  volumeDevices: { type: 'merge', key: 'devicePath' },
  hostAliases: { type: 'merge', key: 'ip' },
  topologySpreadConstraints: { type: 'merge', key: 'topologyKey' },
  conditions: { type: 'merge', key: 'type' },
  ownerReferences: { type: 'merge', key: 'uid' },
  finalizers: { type: 'mergePrimitives' },
}

/**
 * The strategy of the list at `path` (field names from the object root, list indexes left out)
 * in an object of `kind`.
 */
export function listStrategy(kind: string, path: readonly string[]): ListStrategy {
  const field = path[path.length - 1]
  const parent = path[path.length - 2]
  if (field === 'ports') {
    if (parent !== undefined && containerLists.has(parent)) return { type: 'merge', key: 'containerPort' }
    if (kind === 'Service' && path.length === 2 && parent === 'spec') return { type: 'merge', key: 'port' }
    return replace
  }
  if (field === 'addresses' && kind === 'Node' && parent === 'status') return { type: 'merge', key: 'type' }
  if (field === 'finalizers' && parent !== 'metadata') return replace
  return Object.hasOwn(anywhere, field) ? anywhere[field] : replace
}
