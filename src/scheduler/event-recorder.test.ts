// Event names: "<pod>.<hex nanoseconds>" as client-go's makeEvent writes them, with the sequence
// added so two events in one millisecond differ; checked against BigInt arithmetic at every scale
// of clock (virtual clocks start near 0, real ones are past 2^53 nanoseconds).
import fc from 'fast-check'
import type { Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import type { ApiClient } from '../api/client.ts'
import type { Clock } from '../sim/clock.ts'
import { EventRecorder } from './event-recorder.ts'

const pod: Pod = { metadata: { name: 'web', namespace: 'default', uid: 'u1' } }

describe('EventRecorder.makeEvent', () => {
  test('names are the pod name and the hex of nanoseconds plus the sequence', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 4_102_444_800_000 })), fc.integer({ min: 1, max: 40 }), (nowMs, count) => {
        const clock = { now: () => nowMs } as unknown as Clock
        const recorder = new EventRecorder({} as ApiClient, clock, 'default-scheduler')
        for (let seq = 0; seq < count; seq++) {
          const expected = (BigInt(nowMs) * 1_000_000n + BigInt(seq)).toString(16)
          expect(recorder.makeEvent(pod, 'Normal', 'Scheduled', 'Binding', 'm').metadata?.name).toBe(`web.${expected}`)
        }
      }),
      { numRuns: 300 },
    )
  })

  test('a sequence that carries into the high 32 bits', () => {
    // 3414499 ms is 0x31a_fffffec0 ns: the low word is 320 short of 2^32.
    const clock = { now: () => 3_414_499 } as unknown as Clock
    const recorder = new EventRecorder({} as ApiClient, clock, 'default-scheduler')
    const names = Array.from({ length: 1000 }, () => recorder.makeEvent(pod, 'Normal', 'Scheduled', 'Binding', 'm').metadata?.name)
    expect(names[319]).toBe('web.31affffffff')
    expect(names[320]).toBe('web.31b00000000')
    expect(names[999]).toBe(`web.${(3_414_499_000_000n + 999n).toString(16)}`)
  })
})
