// Records core/v1 Events about pods through the API server: "FailedScheduling" (Warning) with the
// FitError text, "Scheduled" (Normal) with "Successfully assigned ns/name to node". Recording is
// best effort, as client-go's recorder is: a failed write is reported to onError and otherwise
// ignored, and never holds up scheduling.
// Mirrors record.EventRecorder (client-go tools/record/event.go: makeEvent, generateEvent, the
// "<object name>.<hex nanoseconds>" event name) and the calls in pkg/scheduler/schedule_one.go.
import type { Event, Pod } from 'kubernetes-types/core/v1.js'
import type { ApiClient } from '../api/client.ts'
import type { Clock } from '../sim/clock.ts'

export type EventType = 'Normal' | 'Warning'

export class EventRecorder {
  readonly #client: ApiClient
  readonly #clock: Clock
  readonly #component: string
  readonly #onError: (error: unknown) => void
  #seq = 0
  #timeMs = Number.NaN
  #time = ''
  /** The current millisecond in nanoseconds; event names add the sequence to it. */
  #nanos = 0n

  constructor(client: ApiClient, clock: Clock, component: string, onError: (error: unknown) => void = () => {}) {
    this.#client = client
    this.#clock = clock
    this.#component = component
    this.#onError = onError
  }

  /** Builds the Event (makeEvent); exported for tests that compare what was written. */
  makeEvent(pod: Pod, type: EventType, reason: string, action: string, message: string): Event {
    const nowMs = this.#clock.now()
    if (nowMs !== this.#timeMs) {
      this.#timeMs = nowMs
      this.#time = new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
      this.#nanos = BigInt(nowMs) * 1_000_000n
    }
    const time = this.#time
    const namespace = pod.metadata?.namespace || 'default'
    // Nanoseconds are what Go uses; the sequence keeps names unique within one virtual millisecond.
    const stamp = (this.#nanos + BigInt(this.#seq++ % 1_000_000)).toString(16)
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${pod.metadata?.name ?? ''}.${stamp}`, namespace },
      involvedObject: { kind: 'Pod', apiVersion: 'v1', namespace, name: pod.metadata?.name, uid: pod.metadata?.uid, resourceVersion: pod.metadata?.resourceVersion },
      reason,
      message,
      type,
      action,
      source: { component: this.#component },
      reportingComponent: this.#component,
      firstTimestamp: time,
      lastTimestamp: time,
      count: 1,
    }
  }

  /** Writes the event; resolves when the write is done (or has failed). */
  async event(pod: Pod, type: EventType, reason: string, action: string, message: string): Promise<void> {
    const event = this.makeEvent(pod, type, reason, action, message)
    try {
      await this.#client.events(event.metadata!.namespace).create(event)
    } catch (error) {
      this.#onError(error)
    }
  }
}
