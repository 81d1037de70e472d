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

const TWO_32 = 2 ** 32

/** high × 2^32 + low in hex, for low below 2^33 (a carry moves into high). */
function hex64(high: number, low: number): string {
  if (low >= TWO_32) {
    high += 1
    low -= TWO_32
  }
  return high === 0 ? low.toString(16) : high.toString(16) + low.toString(16).padStart(8, '0')
}

export class EventRecorder {
  readonly #client: ApiClient
  readonly #clock: Clock
  readonly #component: string
  readonly #onError: (error: unknown) => void
  #seq = 0
  #timeMs = Number.NaN
  #time = ''
  /**
   * The current millisecond in nanoseconds, as its high and low 32 bits: event names add the
   * sequence to it, and numbers do that without a BigInt per event (nanoseconds since 1970 are
   * past 2^53, so a plain number would round).
   */
  #nanosHigh = 0
  #nanosLow = 0

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
      const nanos = BigInt(nowMs) * 1_000_000n
      this.#nanosHigh = Number(nanos >> 32n)
      this.#nanosLow = Number(nanos & 0xffff_ffffn)
    }
    const time = this.#time
    const namespace = pod.metadata?.namespace || 'default'
    // Nanoseconds are what Go uses; the sequence keeps names unique within one virtual millisecond.
    const stamp = hex64(this.#nanosHigh, this.#nanosLow + (this.#seq++ % 1_000_000))
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
