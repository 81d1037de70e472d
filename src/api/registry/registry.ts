// The resource registry: every kind the API server serves, looked up by plural name or by the
// key of a stored object. Mirrors the RESTStorage maps the apiserver installs per group
// (pkg/controlplane/instance.go and pkg/registry/*/rest/storage_*.go).
import { configMaps, events, namespaces, nodes, persistentVolumeClaims, persistentVolumes, pods, secrets, services } from './core-resources.ts'
import { deployments, endpointSlices, leases, replicaSets } from './other-resources.ts'
import type { ResourceInfo } from './resource-info.ts'

export const builtinResources: readonly ResourceInfo[] = [
  namespaces,
  nodes,
  pods,
  services,
  endpointSlices,
  configMaps,
  secrets,
  replicaSets,
  deployments,
  persistentVolumes,
  persistentVolumeClaims,
  leases,
  events,
]

export class ResourceRegistry {
  readonly #byPlural = new Map<string, ResourceInfo>()
  // Longest key prefixes first, so `/registry/services/specs/` wins over a shorter one.
  readonly #byPrefix: ResourceInfo[]

  constructor(resources: readonly ResourceInfo[] = builtinResources) {
    for (const r of resources) this.#byPlural.set(r.plural, r)
    this.#byPrefix = [...resources].sort((a, b) => b.keyPrefix.length - a.keyPrefix.length)
  }

  get all(): readonly ResourceInfo[] {
    return [...this.#byPlural.values()]
  }

  /** The resource by plural name (`pods`), or undefined. */
  lookup(plural: string): ResourceInfo | undefined {
    return this.#byPlural.get(plural)
  }

  /** The resource a stored key belongs to, or undefined. */
  forKey(key: string): ResourceInfo | undefined {
    for (const r of this.#byPrefix) if (key.startsWith(r.keyPrefix)) return r
    return undefined
  }
}
