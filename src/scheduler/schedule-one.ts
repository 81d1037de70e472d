// The scheduling loop: one pod at a time through a synchronous scheduling cycle, then an
// asynchronous binding cycle, so the next pod's cycle starts while the bind is in flight.
//
//   pop ─► skip deleted / already-assumed pods
//       ─► schedulePod over the cache's snapshot (filter, score, select; start index rotates)
//            ├─ fits nowhere ─► PostFilter message ─► handleSchedulingFailure
//            └─ node N ─► assume (the cache counts the pod on N) ─► Reserve
//                 ─► bind through pods/binding (async)
//                      ├─ ok     ─► finishBinding, "Scheduled" event
//                      └─ failed ─► Unreserve, forget, wake pods waiting for room, handleSchedulingFailure
//   handleSchedulingFailure: requeue (unless the pod is gone or was bound meanwhile), a
//   FailedScheduling Warning Event, and PodScheduled=False (reason Unschedulable or SchedulerError).
// Mirrors ScheduleOne, schedulingCycle, bindingCycle, handleBindingCycleError, assume, bind,
// handleSchedulingFailure, updatePod and skipPodSchedule in pkg/scheduler/schedule_one.go, and
// DefaultBinder (plugins/defaultbinder/default_binder.go). Preemption is not carried out: the
// PostFilter step only computes DefaultPreemption's message for the FitError.
import type { Binding, Pod, PodCondition } from 'kubernetes-types/core/v1.js'
import type { ApiClient } from '../api/client.ts'
import { isConflict } from '../api/errors/status.ts'
import type { Clock } from '../sim/clock.ts'
import type { Random } from '../sim/random.ts'
import { AssignedPodDelete } from './cluster-events.ts'
import { CycleState } from './cycle-state.ts'
import type { EventRecorder } from './event-recorder.ts'
import { fitErrorMessage } from './fit-error.ts'
import type { Framework } from './framework-runtime.ts'
import { newPodInfo } from './pod-info.ts'
import { evaluatePreemption, postFilterMessage } from './preemption.ts'
import { schedulePod, type ScheduleResult } from './schedule.ts'
import type { SchedulerCache } from './scheduler-cache.ts'
import type { SchedulingEvent } from './scheduler.ts'
import type { PriorityQueue, QueuedPodInfo } from './scheduling-queue.ts'
import { messageOf, type Status } from './status.ts'

export interface SchedulingLoopDeps {
  readonly client: ApiClient
  readonly clock: Clock
  readonly random: Random
  readonly framework: Framework
  readonly cache: SchedulerCache
  readonly queue: PriorityQueue
  readonly recorder: EventRecorder
  /** The pod as the informer holds it now (the pod lister). */
  readonly getPod: (namespace: string, name: string) => Pod | undefined
  readonly onEvent?: (e: SchedulingEvent) => void
  /** SchedulerOptions.yieldEvery. */
  readonly yieldEvery?: number
}

export type FailureReason = 'Unschedulable' | 'SchedulerError'

function nowRfc3339(clock: Clock): string {
  return new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** podutil.UpdatePodCondition: the new conditions, or undefined when nothing would change. */
export function withPodCondition(conditions: readonly PodCondition[], condition: PodCondition, now: string): PodCondition[] | undefined {
  const i = conditions.findIndex((c) => c.type === condition.type)
  if (i < 0) return [...conditions, { ...condition, lastTransitionTime: now }]
  const old = conditions[i]
  const lastTransitionTime = old.status === condition.status ? old.lastTransitionTime : now
  const next = { ...condition, lastTransitionTime, lastProbeTime: condition.lastProbeTime ?? old.lastProbeTime }
  if (old.status === next.status && old.reason === next.reason && old.message === next.message && old.lastTransitionTime === next.lastTransitionTime) return undefined
  return conditions.map((c, j) => (j === i ? next : c))
}

export class SchedulingLoop {
  readonly #d: SchedulingLoopDeps
  #nextStartNodeIndex = 0
  readonly #inFlight = new Set<Promise<void>>()
  #running: Promise<void> | undefined

  constructor(deps: SchedulingLoopDeps) {
    this.#d = deps
  }

  /** Where the next cycle starts walking the nodes (nextStartNodeIndex). */
  get nextStartNodeIndex(): number {
    return this.#nextStartNodeIndex
  }

  run(): void {
    this.#running ??= this.#loop()
  }

  /** Waits for the loop to notice the closed queue and for every bind and failure record in flight. */
  async stop(): Promise<void> {
    await this.#running
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight])
  }

  async #loop(): Promise<void> {
    const yieldEvery = this.#d.yieldEvery ?? Number.POSITIVE_INFINITY
    let backToBack = 0
    for (let pInfo = await this.#d.queue.pop(); pInfo; pInfo = await this.#d.queue.pop()) {
      this.scheduleOne(pInfo)
      if (++backToBack < yieldEvery) continue
      backToBack = 0
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }

  #track(work: Promise<void>): void {
    this.#inFlight.add(work)
    void work.finally(() => this.#inFlight.delete(work))
  }

  /** One pod's scheduling cycle; starts its binding cycle without waiting for it. */
  scheduleOne(pInfo: QueuedPodInfo): void {
    const { framework, cache, queue } = this.#d
    const pod = pInfo.podInfo.pod
    if (pod.metadata?.deletionTimestamp) return
    if (cache.isAssumedPod(pod)) return
    const podSchedulingCycle = queue.schedulingCycle
    const state = new CycleState()
    const snapshot = cache.snapshot()
    const result = schedulePod(framework, state, pod, snapshot, { random: this.#d.random, startIndex: this.#nextStartNodeIndex, recordScores: false })
    this.#nextStartNodeIndex = result.nextStartIndex
    if (result.kind !== 'Scheduled') return this.#failed(pInfo, result, podSchedulingCycle)

    // Tell the cache the pod runs on the node, so the next cycle counts it (assume).
    const assumed: Pod = { ...pod, spec: { ...pod.spec!, nodeName: result.nodeName } }
    cache.assumePod(assumed, pInfo.podInfo)
    const reserve = framework.runReservePlugins(state, assumed, result.nodeName)
    if (reserve) {
      framework.runUnreservePlugins(state, assumed, result.nodeName)
      cache.forgetPod(assumed)
      pInfo.unschedulablePlugins = new Set()
      return this.#track(this.handleSchedulingFailure(pInfo, 'SchedulerError', messageOf(reserve.status), podSchedulingCycle))
    }
    this.#track(this.#bindingCycle(pInfo, state, assumed, result.nodeName, podSchedulingCycle))
  }

  #failed(pInfo: QueuedPodInfo, result: Exclude<ScheduleResult, { kind: 'Scheduled' }>, podSchedulingCycle: number): void {
    const { framework, cache } = this.#d
    const pod = pInfo.podInfo.pod
    if (result.kind === 'Error') {
      // No nodes at all counts as unschedulable, anything else as an error of the scheduler.
      const noNodes = cache.nodeCount === 0
      pInfo.unschedulablePlugins = new Set()
      return this.#track(this.handleSchedulingFailure(pInfo, noNodes ? 'Unschedulable' : 'SchedulerError', messageOf(result.status), podSchedulingCycle))
    }
    const { fitError } = result
    const { diagnosis } = fitError
    // PostFilter: what DefaultPreemption would say.
    const snapshot = cache.snapshot()
    const statusOf = (nodeName: string): Status => diagnosis.nodeToStatus.get(nodeName)?.status ?? diagnosis.absentNodesStatus ?? { code: 'UnschedulableAndUnresolvable', reasons: [] }
    const postFilterMsg = postFilterMessage(evaluatePreemption(framework, pod, snapshot, statusOf))
    const message = fitErrorMessage(fitError.numAllNodes, { ...diagnosis, postFilterMsg })
    pInfo.unschedulablePlugins = new Set(diagnosis.unschedulablePlugins)
    this.#track(this.handleSchedulingFailure(pInfo, 'Unschedulable', message, podSchedulingCycle))
  }

  async #bindingCycle(pInfo: QueuedPodInfo, state: CycleState, assumed: Pod, nodeName: string, podSchedulingCycle: number): Promise<void> {
    const { framework, cache, queue } = this.#d
    const status = await this.#bind(state, assumed, nodeName)
    if (status.code === 'Success') {
      cache.finishBinding(assumed)
      const ns = assumed.metadata?.namespace ?? 'default'
      await this.#d.recorder.event(assumed, 'Normal', 'Scheduled', 'Binding', `Successfully assigned ${ns}/${assumed.metadata?.name ?? ''} to ${nodeName}`)
      this.#d.onEvent?.({ type: 'scheduled', pod: pInfo.podInfo.pod, node: nodeName })
      return
    }
    framework.runUnreservePlugins(state, assumed, nodeName)
    cache.forgetPod(assumed)
    // The assumed pod held resources on the node: forgetting it is like deleting a pod there.
    queue.moveAllToActiveOrBackoffQueue(AssignedPodDelete)
    pInfo.unschedulablePlugins = new Set()
    await this.handleSchedulingFailure(pInfo, 'SchedulerError', messageOf(status), podSchedulingCycle)
  }

  /** Bind plugins of the profile first; DefaultBinder (a Binding through the API server) last. */
  async #bind(state: CycleState, assumed: Pod, nodeName: string): Promise<Status> {
    if (this.#d.framework.bindPlugins.length > 0) {
      const { plugin, status } = await this.#d.framework.runBindPlugins(state, assumed, nodeName)
      if (plugin !== '') return status
    }
    const binding: Binding = {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: assumed.metadata?.name, namespace: assumed.metadata?.namespace, uid: assumed.metadata?.uid },
      target: { kind: 'Node', name: nodeName },
    }
    try {
      await this.#d.client.pods(assumed.metadata?.namespace ?? 'default').bind(binding)
      return { code: 'Success' }
    } catch (error) {
      return { code: 'Error', message: error instanceof Error ? error.message : String(error) }
    }
  }

  /**
   * Requeues the pod (unless it is gone or bound since), records FailedScheduling and sets
   * PodScheduled=False; resolves once the Event and the status are written.
   */
  async handleSchedulingFailure(pInfo: QueuedPodInfo, reason: FailureReason, message: string, podSchedulingCycle: number): Promise<void> {
    const { queue, getPod, recorder } = this.#d
    const pod = pInfo.podInfo.pod
    const ns = pod.metadata?.namespace ?? 'default'
    const name = pod.metadata?.name ?? ''
    const cached = getPod(ns, name)
    if (cached && cached.metadata?.uid === pod.metadata?.uid && !cached.spec?.nodeName) {
      pInfo.podInfo = newPodInfo(cached)
      queue.addUnschedulableIfNotPresent(pInfo, podSchedulingCycle)
    }
    const current = cached ?? pod
    await Promise.all([recorder.event(current, 'Warning', 'FailedScheduling', 'Scheduling', message), this.#updatePodScheduled(current, reason, message)])
    this.#d.onEvent?.({ type: 'failed', pod, message })
  }

  /** PodScheduled=False through the status subresource, retried on a conflict with a fresh read. */
  async #updatePodScheduled(pod: Pod, reason: FailureReason, message: string): Promise<void> {
    const client = this.#d.client.pods(pod.metadata?.namespace ?? 'default')
    let current = pod
    for (let attempt = 0; attempt < 3; attempt++) {
      if (current.spec?.nodeName) return
      const conditions = withPodCondition(current.status?.conditions ?? [], { type: 'PodScheduled', status: 'False', reason, message }, nowRfc3339(this.#d.clock))
      if (!conditions) return
      try {
        await client.updateStatus({ ...current, status: { ...current.status, conditions } })
        return
      } catch (error) {
        if (!isConflict(error)) return
        try {
          current = await client.get(current.metadata?.name ?? '')
        } catch {
          return
        }
      }
    }
  }
}
