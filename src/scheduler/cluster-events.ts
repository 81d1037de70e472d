// Cluster events that may make an unschedulable pod schedulable, and which plugins care about
// which events. A pod parked in unschedulablePods is moved back only by an event one of the
// plugins that rejected it registered for (a pod rejected for "Insufficient cpu" wakes up when a
// pod is deleted or a node is added or resized, not when a node's labels change).
// Mirrors ClusterEvent and ActionType in pkg/scheduler/framework/types.go, the event labels of
// internal/queue/events.go, each plugin's EventsToRegister (plugins/*/…go), and
// nodeSchedulingPropertiesChange in pkg/scheduler/eventhandlers.go.
import type { Node } from 'kubernetes-types/core/v1.js'
import { names } from './plugins/names.ts'

/** What happened, as bits so that a registration can ask for several at once. */
export const ActionType = {
  Add: 1,
  Delete: 2,
  UpdateNodeAllocatable: 4,
  UpdateNodeLabel: 8,
  UpdateNodeTaint: 16,
  UpdateNodeCondition: 32,
  /** Any update (for pods: any change of the object). */
  Update: 4 | 8 | 16 | 32,
  All: 1 | 2 | 4 | 8 | 16 | 32,
} as const

export type GVK = 'Node' | 'Pod' | 'WildCard'

export interface ClusterEvent {
  readonly resource: GVK
  readonly actionType: number
  readonly label: string
}

export const NodeAdd: ClusterEvent = { resource: 'Node', actionType: ActionType.Add, label: 'NodeAdd' }
export const NodeSpecUnschedulableChange: ClusterEvent = { resource: 'Node', actionType: ActionType.UpdateNodeTaint, label: 'NodeSpecUnschedulableChange' }
export const NodeAllocatableChange: ClusterEvent = { resource: 'Node', actionType: ActionType.UpdateNodeAllocatable, label: 'NodeAllocatableChange' }
export const NodeLabelChange: ClusterEvent = { resource: 'Node', actionType: ActionType.UpdateNodeLabel, label: 'NodeLabelChange' }
export const NodeTaintChange: ClusterEvent = { resource: 'Node', actionType: ActionType.UpdateNodeTaint, label: 'NodeTaintChange' }
export const NodeConditionChange: ClusterEvent = { resource: 'Node', actionType: ActionType.UpdateNodeCondition, label: 'NodeConditionChange' }
export const AssignedPodAdd: ClusterEvent = { resource: 'Pod', actionType: ActionType.Add, label: 'AssignedPodAdd' }
export const AssignedPodUpdate: ClusterEvent = { resource: 'Pod', actionType: ActionType.Update, label: 'AssignedPodUpdate' }
export const AssignedPodDelete: ClusterEvent = { resource: 'Pod', actionType: ActionType.Delete, label: 'AssignedPodDelete' }
/** A pod stayed in unschedulablePods longer than podMaxInUnschedulablePodsDuration. */
export const UnschedulableTimeout: ClusterEvent = { resource: 'WildCard', actionType: ActionType.All, label: 'UnschedulableTimeout' }

/** A plugin may say which events can make a pod it rejected schedulable (EnqueueExtensions). */
export interface EnqueueExtensions {
  eventsToRegister(): readonly ClusterEvent[]
}

const ev = (resource: GVK, actionType: number): ClusterEvent => ({ resource, actionType, label: '' })

/** EventsToRegister of the in-tree plugins. */
const inTreeEvents: Readonly<Record<string, readonly ClusterEvent[]>> = {
  [names.NodeUnschedulable]: [ev('Node', ActionType.Add | ActionType.UpdateNodeTaint)],
  [names.NodeName]: [ev('Node', ActionType.Add)],
  [names.TaintToleration]: [ev('Node', ActionType.Add | ActionType.Update)],
  [names.NodeAffinity]: [ev('Node', ActionType.Add | ActionType.Update)],
  [names.NodeResourcesFit]: [ev('Pod', ActionType.Delete), ev('Node', ActionType.Add | ActionType.Update)],
  [names.PodTopologySpread]: [ev('Pod', ActionType.All), ev('Node', ActionType.Add | ActionType.Delete | ActionType.Update)],
  [names.InterPodAffinity]: [ev('Pod', ActionType.All), ev('Node', ActionType.Add | ActionType.UpdateNodeLabel)],
  [names.NodeResourcesBalancedAllocation]: [],
}

/** Every event: what a plugin without EventsToRegister is woken by. */
const allEvents: readonly ClusterEvent[] = [ev('WildCard', ActionType.All)]

/** Plugin name → the events it registered, for the plugins of a profile. */
export function clusterEventMap(plugins: readonly { readonly name: string }[]): ReadonlyMap<string, readonly ClusterEvent[]> {
  const map = new Map<string, readonly ClusterEvent[]>()
  for (const p of plugins) {
    const own = (p as Partial<EnqueueExtensions>).eventsToRegister
    map.set(p.name, typeof own === 'function' ? own.call(p) : (inTreeEvents[p.name] ?? allEvents))
  }
  return map
}

/** The registered event `registered` covers the event that happened (ClusterEvent.Match). */
export function eventMatches(registered: ClusterEvent, happened: ClusterEvent): boolean {
  const resourceMatches = registered.resource === 'WildCard' || happened.resource === 'WildCard' || registered.resource === happened.resource
  return resourceMatches && (registered.actionType & happened.actionType) !== 0
}

/** Whether the event may help a pod rejected by these plugins (podMatchesEvent). */
export function eventHelps(happened: ClusterEvent, rejectors: ReadonlySet<string>, registrations: ReadonlyMap<string, readonly ClusterEvent[]>): boolean {
  if (happened.resource === 'WildCard' && happened.actionType === ActionType.All) return true
  for (const plugin of rejectors) {
    for (const registered of registrations.get(plugin) ?? allEvents) if (eventMatches(registered, happened)) return true
  }
  return false
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (const k of ka) if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  return true
}

function conditionStatuses(node: Node): Record<string, string> {
  const out: Record<string, string> = {}
  for (const c of node.status?.conditions ?? []) out[c.type] = c.status
  return out
}

/** Which scheduling-relevant property of a node changed, if any (nodeSchedulingPropertiesChange). */
export function nodeSchedulingPropertiesChange(newNode: Node, oldNode: Node): ClusterEvent | undefined {
  // Only a node becoming schedulable can help; cordoning cannot.
  if (!!newNode.spec?.unschedulable !== !!oldNode.spec?.unschedulable && !newNode.spec?.unschedulable) return NodeSpecUnschedulableChange
  if (!deepEqual(newNode.status?.allocatable ?? {}, oldNode.status?.allocatable ?? {})) return NodeAllocatableChange
  if (!deepEqual(newNode.metadata?.labels ?? {}, oldNode.metadata?.labels ?? {})) return NodeLabelChange
  if (!deepEqual(newNode.spec?.taints ?? [], oldNode.spec?.taints ?? [])) return NodeTaintChange
  if (!deepEqual(conditionStatuses(newNode), conditionStatuses(oldNode))) return NodeConditionChange
  return undefined
}
