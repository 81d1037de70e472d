// The order in which a scheduling cycle walks the nodes: zone by zone in turn (one node from each
// zone, then the next from each…), so that a cycle that stops after numFeasibleNodesToFind nodes
// still sees every zone. Mirrors nodeTree in pkg/scheduler/backend/cache/node_tree.go
// (internal/cache/node_tree.go in older trees) and utilnode.GetZoneKey.
import type { Node } from 'kubernetes-types/core/v1.js'

/** region:\x00:zone from the topology labels (or their deprecated beta names); "" when neither is set. */
export function zoneKey(node: Node): string {
  const labels = node.metadata?.labels ?? {}
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? ''
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? ''
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`
}

export class NodeTree {
  readonly #zones: string[] = []
  readonly #tree = new Map<string, string[]>()
  readonly #zoneOf = new Map<string, string>()

  get numNodes(): number {
    return this.#zoneOf.size
  }

  addNode(node: Node): void {
    const name = node.metadata?.name ?? ''
    if (this.#zoneOf.has(name)) return
    const zone = zoneKey(node)
    let names = this.#tree.get(zone)
    if (!names) {
      names = []
      this.#tree.set(zone, names)
      this.#zones.push(zone)
    }
    names.push(name)
    this.#zoneOf.set(name, zone)
  }

  removeNode(name: string): void {
    const zone = this.#zoneOf.get(name)
    if (zone === undefined) return
    this.#zoneOf.delete(name)
    const names = this.#tree.get(zone)!
    names.splice(names.indexOf(name), 1)
    if (names.length === 0) {
      this.#tree.delete(zone)
      this.#zones.splice(this.#zones.indexOf(zone), 1)
    }
  }

  /** A node whose zone labels changed moves to its new zone. */
  updateNode(oldNode: Node, newNode: Node): void {
    const name = newNode.metadata?.name ?? ''
    if (this.#zoneOf.get(name) === zoneKey(newNode)) return
    this.removeNode(oldNode.metadata?.name ?? name)
    this.addNode(newNode)
  }

  /** Every node name, one zone after another in turn (nodeTree.list). */
  list(): string[] {
    const out: string[] = []
    const lists = this.#zones.map((z) => this.#tree.get(z)!)
    for (let i = 0; out.length < this.#zoneOf.size; i++) {
      for (const names of lists) if (i < names.length) out.push(names[i])
    }
    return out
  }
}
