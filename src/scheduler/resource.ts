// The scheduler's view of resources as plain integers: milli-cpu, bytes of memory and ephemeral
// storage, the allowed pod count, and "scalar" resources (extended resources such as
// example.com/gpu, hugepages-2Mi, attachable volumes). Mirrors Resource, NewResource, Add and
// SetMaxResource in pkg/scheduler/framework/types.go, and IsScalarResourceName in
// pkg/scheduler/util/utils.go (v1helper.IsExtendedResourceName and friends).
import { milliToValue } from './quantity.ts'

export interface Resource {
  milliCPU: number
  memory: number
  ephemeralStorage: number
  /** Node.status.allocatable.pods; 0 for requests. */
  allowedPodNumber: number
  /** Extended, hugepages and attachable-volume resources by name; absent means 0. */
  readonly scalar: Map<string, number>
}

/** A read-only view, as plugins receive it. */
export interface ResourceView {
  readonly milliCPU: number
  readonly memory: number
  readonly ephemeralStorage: number
  readonly allowedPodNumber: number
  readonly scalar: ReadonlyMap<string, number>
}

/** Resource amounts by name, every value in milli-units (see quantity.ts). */
export type MilliList = Map<string, number>

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: new Map() }
}

/**
 * Extended resources (a domain-prefixed name outside kubernetes.io, like example.com/gpu),
 * kubernetes.io-prefixed native resources, hugepages-* and attachable-volumes-*: the resources
 * the scheduler tracks by name. cpu, memory, ephemeral-storage and pods are tracked as fields;
 * any other unprefixed name is ignored.
 */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true
  return name.includes('/') && !name.startsWith('requests.')
}

/** Resource.Add: adds amounts (milli-units) into `into`; cpu stays milli, the rest become whole units. */
export function addMilliList(into: Resource, list: ReadonlyMap<string, number>): void {
  for (const [name, milli] of list) {
    switch (name) {
      case 'cpu':
        into.milliCPU += milli
        break
      case 'memory':
        into.memory += milliToValue(milli)
        break
      case 'pods':
        into.allowedPodNumber += milliToValue(milli)
        break
      case 'ephemeral-storage':
        into.ephemeralStorage += milliToValue(milli)
        break
      default:
        if (isScalarResourceName(name)) into.scalar.set(name, (into.scalar.get(name) ?? 0) + milliToValue(milli))
    }
  }
}

export function resourceFromMilliList(list: ReadonlyMap<string, number>): Resource {
  const r = emptyResource()
  addMilliList(r, list)
  return r
}

/** A resource's amount in the unit the scheduler compares it in (milli-cpu, else whole units). */
export function amountOf(r: ResourceView, name: string): number {
  switch (name) {
    case 'cpu':
      return r.milliCPU
    case 'memory':
      return r.memory
    case 'ephemeral-storage':
      return r.ephemeralStorage
    case 'pods':
      return r.allowedPodNumber
    default:
      return r.scalar.get(name) ?? 0
  }
}

export function cloneResource(r: ResourceView): Resource {
  return { milliCPU: r.milliCPU, memory: r.memory, ephemeralStorage: r.ephemeralStorage, allowedPodNumber: r.allowedPodNumber, scalar: new Map(r.scalar) }
}

/** Adds `delta` × `r` into `into` (the NodeInfo bookkeeping when a pod is added or removed). */
export function accumulate(into: Resource, r: ResourceView, sign: 1 | -1): void {
  into.milliCPU += sign * r.milliCPU
  into.memory += sign * r.memory
  into.ephemeralStorage += sign * r.ephemeralStorage
  for (const [name, amount] of r.scalar) into.scalar.set(name, (into.scalar.get(name) ?? 0) + sign * amount)
}
