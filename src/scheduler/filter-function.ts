// A filter written as a plain function of (pod, node) plugs into the framework as a FilterPlugin.
// This is how a lesson's filters replace the in-tree ones: the real plugins precompute in
// PreFilter for speed, while a function recomputes per node; the verdicts are the same.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from './cycle-state.ts'
import type { FilterPlugin } from './framework.ts'
import type { NodeInfo } from './node-info.ts'
import type { PluginFactory } from './registry.ts'
import type { Status } from './status.ts'

export type FilterFunction = (pod: Pod, nodeInfo: NodeInfo) => Status

export function filterPluginFromFunction(name: string, fn: FilterFunction): FilterPlugin {
  return { name, filter: (_state: CycleState, pod: Pod, nodeInfo: NodeInfo) => fn(pod, nodeInfo) }
}

/** A registry entry that builds the function-backed plugin. */
export function filterFactory(name: string, fn: FilterFunction): PluginFactory {
  return () => filterPluginFromFunction(name, fn)
}
