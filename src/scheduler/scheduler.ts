// The scheduler: watches pods and nodes through the API server, keeps a cache of NodeInfos, takes
// pods from a priority queue one at a time, runs the framework over a snapshot, assumes the pod
// on the chosen node and binds it through pods/binding; on failure records a FailedScheduling
// Event, sets the pod's PodScheduled=False condition and parks the pod for a retry.
// Mirrors pkg/scheduler/scheduler.go (New, Run, the profile's framework) with the cycle in
// schedule-one.ts, the informer handlers in event-handlers.ts, the cache in scheduler-cache.ts
// and the queue in scheduling-queue.ts.
//
// Plugging in your own plugins (as kube-scheduler's app.WithPlugin / WithFrameworkOutOfTreeRegistry
// does): give `outOfTreeRegistry` factories by plugin name — merged over the in-tree registry, so a
// name that already exists replaces the in-tree plugin — and name them in the `profile`.
// To rank nodes with your own score plugin only (profile-edit.ts; the filters still run):
//
//   const scheduler = await Scheduler.start({
//     client, clock, random,
//     profile: withScorePlugins(defaultProfile(), [{ name: 'MyScore', weight: 1 }]),
//     outOfTreeRegistry: { MyScore: () => new MyScore() },  // MyScore implements ScorePlugin
//   })
//
// To keep the default profile but swap one in-tree plugin's implementation, pass only
// `outOfTreeRegistry: { NodeResourcesBalancedAllocation: () => new MyBalanced() }` (the plugin's
// `name` must be the same). A plugin may implement EnqueueExtensions (cluster-events.ts) to say
// which cluster events can make a pod it rejected schedulable; without it, every event does.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { ApiClient } from '../api/client.ts'
import type { Clock } from '../sim/clock.ts'
import type { Random } from '../sim/random.ts'
import { Framework } from './framework-runtime.ts'
import { defaultProfile, defaultSchedulerName, type Profile } from './profile.ts'
import { inTreeRegistry, withPlugins, type Registry } from './registry.ts'
import { SchedulerCache } from './scheduler-cache.ts'
import { PriorityQueue, type QueueOptions } from './scheduling-queue.ts'
import { addAllEventHandlers, type InformerSet } from './event-handlers.ts'
import { SchedulingLoop } from './schedule-one.ts'
import { clusterEventMap } from './cluster-events.ts'
import { EventRecorder } from './event-recorder.ts'

/** What the scheduler reports after each attempt (the demo's and the tests' view of the loop). */
export type SchedulingEvent =
  | { readonly type: 'scheduled'; readonly pod: Pod; /** the node's name */ readonly node: string }
  | { readonly type: 'failed'; readonly pod: Pod; /** the FailedScheduling message */ readonly message: string }

export interface SchedulerOptions {
  readonly client: ApiClient
  readonly clock: Clock
  /** Breaks ties between the best nodes; nothing else draws from it. */
  readonly random: Random
  /** The default profile (profile.ts) when absent. */
  readonly profile?: Profile
  /** Pods whose spec.schedulerName equals this are scheduled; default the profile's, i.e. "default-scheduler". */
  readonly schedulerName?: string
  /** Overrides the profile's percentageOfNodesToScore; 0 or unset is the adaptive default. */
  readonly percentageOfNodesToScore?: number
  /** Plugin factories merged over the in-tree registry (see the header). */
  readonly outOfTreeRegistry?: Registry
  /** Told about every scheduling attempt's outcome, after the bind or the failure is recorded. */
  readonly onEvent?: (e: SchedulingEvent) => void
  /** Queue timings (backoff 1 s → 10 s, 5 min in unschedulablePods); tests may shorten them. */
  readonly queue?: Partial<QueueOptions>
  /**
   * After this many cycles back to back, the loop waits one turn of the event loop so that
   * messages and timers from outside the thread get their turn; unset, it only waits when the
   * queue is empty. kube-scheduler's informers run in goroutines beside its loop; a scheduler
   * whose API server is in another thread (src/api/remote/) receives their events as messages,
   * which a loop that never yields would leave waiting until the queue is empty.
   */
  readonly yieldEvery?: number
}

export class Scheduler {
  readonly framework: Framework
  readonly cache: SchedulerCache
  readonly queue: PriorityQueue
  readonly schedulerName: string
  readonly #informers: InformerSet
  readonly #loop: SchedulingLoop

  private constructor(framework: Framework, cache: SchedulerCache, queue: PriorityQueue, schedulerName: string, informers: InformerSet, loop: SchedulingLoop) {
    this.framework = framework
    this.cache = cache
    this.queue = queue
    this.schedulerName = schedulerName
    this.#informers = informers
    this.#loop = loop
  }

  /** Builds the framework, starts the pod and node informers, waits for their first list, and starts scheduling. */
  static async start(options: SchedulerOptions): Promise<Scheduler> {
    const base = options.profile ?? defaultProfile()
    const schedulerName = options.schedulerName ?? base.schedulerName ?? defaultSchedulerName
    const profile: Profile = {
      ...base,
      schedulerName,
      percentageOfNodesToScore: options.percentageOfNodesToScore ?? base.percentageOfNodesToScore,
    }
    const registry = options.outOfTreeRegistry ? withPlugins(inTreeRegistry(), options.outOfTreeRegistry) : inTreeRegistry()
    const framework = new Framework(profile, registry)
    const cache = new SchedulerCache()
    const queue = new PriorityQueue({
      ...options.queue,
      clock: options.clock,
      eventMap: clusterEventMap(framework.plugins),
      namespaceLabels: (ns) => cache.snapshot().namespaceLabels(ns),
    })
    const informers = addAllEventHandlers({ client: options.client, clock: options.clock, cache, queue, schedulerName })
    const podIndexer = informers.pods.getIndexer()
    const loop = new SchedulingLoop({
      client: options.client,
      clock: options.clock,
      random: options.random,
      framework,
      cache,
      queue,
      recorder: new EventRecorder(options.client, options.clock, schedulerName),
      getPod: (namespace, name) => podIndexer.getByKey(`${namespace}/${name}`),
      onEvent: options.onEvent,
      yieldEvery: options.yieldEvery,
    })
    await informers.waitForCacheSync()
    queue.run()
    loop.run()
    return new Scheduler(framework, cache, queue, schedulerName, informers, loop)
  }

  /** Where the next scheduling cycle starts walking the snapshot's nodes (rotates across cycles). */
  get nextStartNodeIndex(): number {
    return this.#loop.nextStartNodeIndex
  }

  /** Stops taking pods, stops the informers and the queue's timers; an in-flight bind finishes first. */
  async stop(): Promise<void> {
    this.queue.close()
    await this.#loop.stop()
    this.#informers.stop()
  }
}
