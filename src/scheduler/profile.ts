// A scheduling profile: which plugins run, in which order, with which score weights and
// arguments. The default mirrors getDefaultPlugins in
// pkg/scheduler/apis/config/v1/default_plugins.go (MultiPoint, in order) and the argument
// defaults of apis/config/v1/defaults.go. Plugins this engine does not implement are left out:
// NodePorts, the volume plugins, ImageLocality, and the queue/preemption/binding plugins
// (PrioritySort, SchedulingGates, DefaultPreemption, DefaultBinder) that the scheduling loop provides.
import { names } from './plugins/names.ts'

export interface PluginEntry {
  readonly name: string
  /** Score weight; 1 when unset. Only used when the plugin scores. */
  readonly weight?: number
}

export interface Profile {
  readonly schedulerName: string
  /** In the order the framework runs them at each extension point. */
  readonly plugins: readonly PluginEntry[]
  readonly pluginConfig?: Readonly<Record<string, unknown>>
  /** percentageOfNodesToScore; 0 or unset means the adaptive default. */
  readonly percentageOfNodesToScore?: number
}

export const defaultSchedulerName = 'default-scheduler'

export const defaultPlugins: readonly PluginEntry[] = [
  { name: names.NodeUnschedulable },
  { name: names.NodeName },
  { name: names.TaintToleration, weight: 3 },
  { name: names.NodeAffinity, weight: 2 },
  { name: names.NodeResourcesFit, weight: 1 },
  { name: names.PodTopologySpread, weight: 2 },
  { name: names.InterPodAffinity, weight: 2 },
  { name: names.NodeResourcesBalancedAllocation, weight: 1 },
]

export function defaultProfile(): Profile {
  return { schedulerName: defaultSchedulerName, plugins: defaultPlugins, pluginConfig: {} }
}
