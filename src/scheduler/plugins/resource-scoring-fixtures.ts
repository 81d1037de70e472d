// Test fixtures for the resource-scoring tests, as in least_allocated_test.go, most_allocated_test.go
// and balanced_allocation_test.go: cpu in whole cores, memory in bytes, pods placed by nodeName.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { NodeInfo } from '../node-info.ts'
import { makeNode, makePod } from '../testing.ts'

export type Q = Record<string, string>

export function node(name: string, capacity: Q): ReturnType<ReturnType<typeof makeNode>['obj']> {
  return makeNode(name).capacity(capacity).obj()
}

export function pod(...containers: Q[]): Pod {
  const b = makePod('incoming')
  for (const c of containers) b.req(c)
  return b.obj()
}

/** NodeInfos for `nodes` with `existing` pods placed by their nodeName. */
export function nodeInfos(nodes: ReturnType<typeof node>[], existing: Pod[] = []): NodeInfo[] {
  return nodes.map((n) => new NodeInfo(n, existing.filter((p) => p.spec?.nodeName === n.metadata?.name)))
}

export function existingPod(nodeName: string, i: number, ...containers: Q[]): Pod {
  const b = makePod(`existing-${nodeName}-${i}`).node(nodeName)
  for (const c of containers) b.req(c)
  return b.obj()
}
