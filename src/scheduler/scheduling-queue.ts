// The scheduling queue: pods waiting for a scheduling attempt, in three places.
//   activeQ            a heap, highest priority first, then oldest; the scheduler pops from here
//   backoffQ           a heap by backoff expiry: pods that failed and wait out their backoff
//                      (1 s after the first attempt, doubling per attempt, at most 10 s) before
//                      going back to activeQ; a 1 s ticker moves the expired ones
//   unschedulablePods  pods that fit nowhere; a cluster event one of their rejecting plugins
//                      registered for (node added or changed, pod deleted…) moves them to
//                      backoffQ (still backing off) or activeQ, and a 30 s ticker flushes any
//                      that stayed longer than podMaxInUnschedulablePodsDuration (5 min)
// A pod that fails while an event arrived during its own scheduling cycle (moveRequestCycle), or
// that failed with an error rather than a rejection, goes to backoffQ instead.
// Mirrors PriorityQueue in pkg/scheduler/internal/queue/scheduling_queue.go (Add, Pop, Update,
// Delete, AddUnschedulableIfNotPresent, MoveAllToActiveOrBackoffQueue, AssignedPodAdded,
// flushBackoffQCompleted, flushUnschedulablePodsLeftover, calculateBackoffDuration) and
// PrioritySort's Less. The tickers run on the injected Clock, and only while there is something
// for them to move, so a simulation can go idle; they keep the phase of Go's wait.Until from Run.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { Clock, TimerHandle } from '../sim/clock.ts'
import { AssignedPodAdd, AssignedPodUpdate, UnschedulableTimeout, eventHelps, type ClusterEvent } from './cluster-events.ts'
import { KeyedHeap } from './heap.ts'
import type { Labels } from './labels.ts'
import { newPodInfo, termMatches, type PodInfo } from './pod-info.ts'
import { podPriority } from './preemption.ts'

export interface QueueOptions {
  readonly podInitialBackoffMs: number
  readonly podMaxBackoffMs: number
  readonly podMaxInUnschedulablePodsDurationMs: number
  readonly backoffFlushIntervalMs: number
  readonly unschedulableFlushIntervalMs: number
}

export const defaultQueueOptions: QueueOptions = {
  podInitialBackoffMs: 1_000,
  podMaxBackoffMs: 10_000,
  podMaxInUnschedulablePodsDurationMs: 5 * 60_000,
  backoffFlushIntervalMs: 1_000,
  unschedulableFlushIntervalMs: 30_000,
}

/** A pod in the queue with its scheduling history (framework.QueuedPodInfo). */
export interface QueuedPodInfo {
  podInfo: PodInfo
  /** When the pod was last added to the queue (or failed); backoff counts from here. */
  timestamp: number
  readonly initialAttemptTimestamp: number
  /** Scheduling attempts so far; Pop increments it. */
  attempts: number
  /** Plugins that rejected the pod in its last attempt: only their events move it. */
  unschedulablePlugins: Set<string>
}

/** namespace_name, the queue's key (util.GetPodFullName). */
export function podFullName(pod: Pod): string {
  return `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}`
}

/** Backoff after `attempts` attempts: initial × 2^(attempts−1), at most max (calculateBackoffDuration). */
export function backoffDurationMs(attempts: number, initialMs: number, maxMs: number): number {
  let duration = initialMs
  for (let i = 1; i < attempts; i++) {
    if (duration > maxMs - duration) return maxMs
    duration += duration
  }
  return duration
}

/** Strip what cannot make a pod schedulable, and compare (isPodUpdated). */
function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  const strip = (p: Pod) => JSON.stringify({ ...p, status: undefined, metadata: { ...p.metadata, resourceVersion: undefined, generation: undefined, managedFields: undefined, finalizers: undefined } })
  return strip(oldPod) !== strip(newPod)
}

export interface PriorityQueueOptions extends Partial<QueueOptions> {
  readonly clock: Clock
  /** Plugin name → events it registered (cluster-events.ts clusterEventMap). */
  readonly eventMap: ReadonlyMap<string, readonly ClusterEvent[]>
  /** Namespace labels, for affinity terms with a namespaceSelector. */
  readonly namespaceLabels?: (namespace: string) => Labels | undefined
}

export class PriorityQueue {
  readonly options: QueueOptions
  readonly #clock: Clock
  readonly #eventMap: ReadonlyMap<string, readonly ClusterEvent[]>
  readonly #namespaceLabels: (namespace: string) => Labels | undefined
  readonly #activeQ: KeyedHeap<QueuedPodInfo>
  readonly #backoffQ: KeyedHeap<QueuedPodInfo>
  readonly #unschedulablePods = new Map<string, QueuedPodInfo>()
  #schedulingCycle = 0
  #moveRequestCycle = -1
  #closed = false
  #runStartMs: number | undefined
  #backoffTimer: TimerHandle | undefined
  #unschedulableTimer: TimerHandle | undefined
  #waiters: ((p: QueuedPodInfo | undefined) => void)[] = []

  constructor(options: PriorityQueueOptions) {
    this.options = { ...defaultQueueOptions, ...Object.fromEntries(Object.entries(options).filter(([k, v]) => k in defaultQueueOptions && v !== undefined)) }
    this.#clock = options.clock
    this.#eventMap = options.eventMap
    this.#namespaceLabels = options.namespaceLabels ?? (() => undefined)
    // PrioritySort: higher priority first, then the earlier timestamp.
    this.#activeQ = new KeyedHeap((q) => podFullName(q.podInfo.pod), (a, b) => {
      const pa = podPriority(a.podInfo.pod)
      const pb = podPriority(b.podInfo.pod)
      return pa > pb || (pa === pb && a.timestamp < b.timestamp)
    })
    this.#backoffQ = new KeyedHeap((q) => podFullName(q.podInfo.pod), (a, b) => this.backoffExpiryMs(a) < this.backoffExpiryMs(b))
  }

  /** Starts the tickers' clock: they fire at whole periods from now, as wait.Until would. */
  run(): void {
    this.#runStartMs = this.#clock.now()
    this.#armTimers()
  }

  close(): void {
    this.#closed = true
    if (this.#backoffTimer) this.#clock.cancel(this.#backoffTimer)
    if (this.#unschedulableTimer) this.#clock.cancel(this.#unschedulableTimer)
    this.#backoffTimer = this.#unschedulableTimer = undefined
    for (const w of this.#waiters.splice(0)) w(undefined)
  }

  get schedulingCycle(): number {
    return this.#schedulingCycle
  }

  /** A new pending pod (from the informer): straight to activeQ. */
  add(pod: Pod): void {
    const key = podFullName(pod)
    const now = this.#clock.now()
    this.#unschedulablePods.delete(key)
    this.#backoffQ.delete(key)
    this.#pushActive({ podInfo: newPodInfo(pod), timestamp: now, initialAttemptTimestamp: now, attempts: 0, unschedulablePlugins: new Set() })
    this.#wake()
  }

  /**
   * The next pod to schedule, waiting for one when activeQ is empty; undefined once closed.
   * Counts an attempt and a scheduling cycle.
   */
  pop(): Promise<QueuedPodInfo | undefined> {
    const p = this.#popNow()
    if (p || this.#closed) return Promise.resolve(p)
    return new Promise((resolve) => this.#waiters.push(resolve))
  }

  #popNow(): QueuedPodInfo | undefined {
    if (this.#closed) return undefined
    const p = this.#activeQ.pop()
    if (!p) return undefined
    p.attempts++
    this.#schedulingCycle++
    return p
  }

  /** A pending pod changed (Update). */
  update(oldPod: Pod, newPod: Pod): void {
    const key = podFullName(newPod)
    const inActive = this.#activeQ.get(key)
    if (inActive) {
      inActive.podInfo = newPodInfo(newPod)
      this.#activeQ.add(inActive)
      return
    }
    const inBackoff = this.#backoffQ.get(key)
    if (inBackoff) {
      inBackoff.podInfo = newPodInfo(newPod)
      this.#backoffQ.add(inBackoff)
      return
    }
    const parked = this.#unschedulablePods.get(key)
    if (parked) {
      parked.podInfo = newPodInfo(newPod)
      if (isPodUpdated(oldPod, newPod)) {
        this.#unschedulablePods.delete(key)
        if (this.isBackingOff(parked)) this.#pushBackoff(parked)
        else this.#pushActive(parked)
        this.#wake()
      }
      return
    }
    // In no queue (being scheduled right now, or missed): a fresh entry in activeQ.
    const now = this.#clock.now()
    this.#pushActive({ podInfo: newPodInfo(newPod), timestamp: now, initialAttemptTimestamp: now, attempts: 0, unschedulablePlugins: new Set() })
    this.#wake()
  }

  delete(pod: Pod): void {
    const key = podFullName(pod)
    this.#activeQ.delete(key)
    this.#backoffQ.delete(key)
    this.#unschedulablePods.delete(key)
  }

  /**
   * A pod whose attempt failed, back in the queue: backoffQ when an event came in during its
   * cycle or nothing rejected it (an error), else unschedulablePods (AddUnschedulableIfNotPresent).
   */
  addUnschedulableIfNotPresent(pInfo: QueuedPodInfo, podSchedulingCycle: number): void {
    const key = podFullName(pInfo.podInfo.pod)
    if (this.#unschedulablePods.has(key) || this.#activeQ.has(key) || this.#backoffQ.has(key)) return
    pInfo.timestamp = this.#clock.now()
    if (this.#moveRequestCycle >= podSchedulingCycle || pInfo.unschedulablePlugins.size === 0) this.#pushBackoff(pInfo)
    else {
      this.#unschedulablePods.set(key, pInfo)
      this.#armTimers()
    }
  }

  /** A cluster event: move every parked pod it may help (MoveAllToActiveOrBackoffQueue). */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent): void {
    this.#movePods([...this.#unschedulablePods.values()], event)
  }

  /** An assigned pod appeared: parked pods whose required affinity it matches may now fit. */
  assignedPodAdded(pod: Pod): void {
    this.#movePods(this.#withMatchingAffinityTerm(pod), AssignedPodAdd)
  }

  assignedPodUpdated(pod: Pod): void {
    this.#movePods(this.#withMatchingAffinityTerm(pod), AssignedPodUpdate)
  }

  backoffExpiryMs(pInfo: QueuedPodInfo): number {
    return pInfo.timestamp + backoffDurationMs(pInfo.attempts, this.options.podInitialBackoffMs, this.options.podMaxBackoffMs)
  }

  isBackingOff(pInfo: QueuedPodInfo): boolean {
    return this.backoffExpiryMs(pInfo) > this.#clock.now()
  }

  /** Where the pod is waiting, if it is. */
  whereIs(pod: Pod): 'activeQ' | 'backoffQ' | 'unschedulablePods' | undefined {
    const key = podFullName(pod)
    if (this.#activeQ.has(key)) return 'activeQ'
    if (this.#backoffQ.has(key)) return 'backoffQ'
    if (this.#unschedulablePods.has(key)) return 'unschedulablePods'
    return undefined
  }

  /** Every pod waiting, in no particular order (PendingPods). */
  pendingPods(): Pod[] {
    return [...this.#activeQ.list(), ...this.#backoffQ.list(), ...this.#unschedulablePods.values()].map((q) => q.podInfo.pod)
  }

  get counts(): { readonly active: number; readonly backoff: number; readonly unschedulable: number } {
    return { active: this.#activeQ.length, backoff: this.#backoffQ.length, unschedulable: this.#unschedulablePods.size }
  }

  #withMatchingAffinityTerm(pod: Pod): QueuedPodInfo[] {
    const nsLabels = this.#namespaceLabels(pod.metadata?.namespace ?? '')
    const out: QueuedPodInfo[] = []
    for (const pInfo of this.#unschedulablePods.values()) {
      if (pInfo.podInfo.requiredAffinityTerms.some((term) => termMatches(term, pod, nsLabels))) out.push(pInfo)
    }
    return out
  }

  #movePods(pods: readonly QueuedPodInfo[], event: ClusterEvent): void {
    for (const pInfo of pods) {
      // No rejecting plugin means something unusual happened: any event moves the pod.
      if (pInfo.unschedulablePlugins.size > 0 && !eventHelps(event, pInfo.unschedulablePlugins, this.#eventMap)) continue
      this.#unschedulablePods.delete(podFullName(pInfo.podInfo.pod))
      if (this.isBackingOff(pInfo)) this.#pushBackoff(pInfo)
      else this.#pushActive(pInfo)
    }
    this.#moveRequestCycle = this.#schedulingCycle
    this.#wake()
  }

  #pushActive(pInfo: QueuedPodInfo): void {
    this.#activeQ.add(pInfo)
  }

  /** Hands the head of activeQ to a waiting pop, once an operation has added all it adds (cond.Broadcast). */
  #wake(): void {
    while (this.#waiters.length > 0 && this.#activeQ.length > 0) this.#waiters.shift()!(this.#popNow())
  }

  #pushBackoff(pInfo: QueuedPodInfo): void {
    this.#backoffQ.add(pInfo)
    this.#armTimers()
  }

  /** Moves the pods whose backoff has expired to activeQ (flushBackoffQCompleted). */
  flushBackoffQCompleted(): void {
    const now = this.#clock.now()
    for (let head = this.#backoffQ.peek(); head && this.backoffExpiryMs(head) <= now; head = this.#backoffQ.peek()) {
      this.#backoffQ.pop()
      this.#pushActive(head)
    }
    this.#wake()
  }

  /** Moves pods parked longer than podMaxInUnschedulablePodsDuration (flushUnschedulablePodsLeftover). */
  flushUnschedulablePodsLeftover(): void {
    const now = this.#clock.now()
    const stale = [...this.#unschedulablePods.values()].filter((p) => now - p.timestamp > this.options.podMaxInUnschedulablePodsDurationMs)
    if (stale.length > 0) this.#movePods(stale, UnschedulableTimeout)
  }

  #nextTick(periodMs: number): number {
    const start = this.#runStartMs ?? 0
    const elapsed = this.#clock.now() - start
    return start + (Math.floor(elapsed / periodMs) + 1) * periodMs - this.#clock.now()
  }

  #armTimers(): void {
    if (this.#runStartMs === undefined || this.#closed) return
    if (!this.#backoffTimer && this.#backoffQ.length > 0) {
      this.#backoffTimer = this.#clock.setTimer(this.#nextTick(this.options.backoffFlushIntervalMs), () => {
        this.#backoffTimer = undefined
        this.flushBackoffQCompleted()
        this.#armTimers()
      })
    }
    if (!this.#unschedulableTimer && this.#unschedulablePods.size > 0) {
      this.#unschedulableTimer = this.#clock.setTimer(this.#nextTick(this.options.unschedulableFlushIntervalMs), () => {
        this.#unschedulableTimer = undefined
        this.flushUnschedulablePodsLeftover()
        this.#armTimers()
      })
    }
  }
}
