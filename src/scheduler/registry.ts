// Plugin name → factory. The default registry holds the in-tree plugins this engine implements;
// a lesson or a test swaps one entry for the learner's version. Mirrors
// pkg/scheduler/framework/plugins/registry.go (NewInTreeRegistry) and runtime.Registry.
import type { Handle, Plugin } from './framework.ts'
import { NodeResourcesBalancedAllocation, type NodeResourcesBalancedAllocationArgs } from './plugins/balanced-allocation.ts'
import { InterPodAffinity, type InterPodAffinityArgs } from './plugins/inter-pod-affinity.ts'
import { names } from './plugins/names.ts'
import { NodeAffinity, type NodeAffinityArgs } from './plugins/node-affinity.ts'
import { NodeName } from './plugins/node-name.ts'
import { NodeResourcesFit, type NodeResourcesFitArgs } from './plugins/node-resources-fit.ts'
import { NodeUnschedulable } from './plugins/node-unschedulable.ts'
import { PodTopologySpread, type PodTopologySpreadArgs } from './plugins/pod-topology-spread.ts'
import { TaintToleration } from './plugins/taint-toleration.ts'

/** Builds a plugin from its configured arguments (undefined when none are configured). */
export type PluginFactory = (args: unknown, handle: Handle) => Plugin

export type Registry = Readonly<Record<string, PluginFactory>>

export function inTreeRegistry(): Registry {
  return {
    [names.NodeUnschedulable]: () => new NodeUnschedulable(),
    [names.NodeName]: () => new NodeName(),
    [names.TaintToleration]: () => new TaintToleration(),
    [names.NodeAffinity]: (args) => new NodeAffinity((args ?? {}) as NodeAffinityArgs),
    [names.NodeResourcesFit]: (args) => new NodeResourcesFit((args ?? {}) as NodeResourcesFitArgs),
    [names.NodeResourcesBalancedAllocation]: (args) => new NodeResourcesBalancedAllocation((args ?? {}) as NodeResourcesBalancedAllocationArgs),
    [names.PodTopologySpread]: (args, handle) => new PodTopologySpread((args ?? {}) as PodTopologySpreadArgs, handle),
    [names.InterPodAffinity]: (args, handle) => new InterPodAffinity((args ?? {}) as InterPodAffinityArgs, handle),
  }
}

/** A registry with some entries replaced or added. */
export function withPlugins(base: Registry, overrides: Registry): Registry {
  return { ...base, ...overrides }
}
