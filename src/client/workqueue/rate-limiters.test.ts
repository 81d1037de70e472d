// The rate limiters: client-go's default_rate_limiters_test.go tables as data
// (TestItemExponentialFailureRateLimiter, TestItemExponentialFailureRateLimiterOverFlow,
// TestItemFastSlowRateLimiter, TestMaxOfRateLimiter), the token bucket on the virtual clock, and
// the default controller limiter composed from them.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../../sim/virtual-clock.ts'
import { BucketRateLimiter } from './bucket-rate-limiter.ts'
import { defaultControllerRateLimiter } from './default-rate-limiters.ts'
import { ItemExponentialFailureRateLimiter } from './item-exponential-failure-rate-limiter.ts'
import { ItemFastSlowRateLimiter } from './item-fast-slow-rate-limiter.ts'
import { MaxOfRateLimiter, type RateLimiter } from './rate-limiter.ts'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

// A call and what it must answer: `when` in ms, `numRequeues` a count; `forget` answers nothing.
// `times` repeats a call whose answers are not checked (to run up failures).
type Call =
  | { readonly when: string; readonly ms: number }
  | { readonly numRequeues: string; readonly is: number }
  | { readonly forget: string }
  | { readonly fail: string; readonly times: number }

function play(limiter: RateLimiter<string>, calls: readonly Call[]): void {
  calls.forEach((call, i) => {
    if ('when' in call) expect(limiter.when(call.when), `call ${i + 1}: when(${call.when})`).toBe(call.ms)
    else if ('numRequeues' in call) expect(limiter.numRequeues(call.numRequeues), `call ${i + 1}: numRequeues(${call.numRequeues})`).toBe(call.is)
    else if ('forget' in call) limiter.forget(call.forget)
    else for (let n = 0; n < call.times; n++) limiter.when(call.fail)
  })
}

describe('rate limiters (client-go default_rate_limiters_test.go)', () => {
  const cases: Array<{ name: string; limiter: () => RateLimiter<string>; calls: Call[] }> = [
    {
      name: 'exponential: each failure doubles the delay, per item, and forget starts the item over (TestItemExponentialFailureRateLimiter)',
      limiter: () => new ItemExponentialFailureRateLimiter(1, SECOND),
      calls: [
        { when: 'one', ms: 1 }, { when: 'one', ms: 2 }, { when: 'one', ms: 4 }, { when: 'one', ms: 8 }, { when: 'one', ms: 16 },
        { numRequeues: 'one', is: 5 },
        { when: 'two', ms: 1 }, { when: 'two', ms: 2 }, { numRequeues: 'two', is: 2 },
        { forget: 'one' }, { numRequeues: 'one', is: 0 }, { when: 'one', ms: 1 },
      ],
    },
    {
      name: 'exponential: the delay stops at the maximum however many failures pile up (TestItemExponentialFailureRateLimiterOverFlow)',
      limiter: () => new ItemExponentialFailureRateLimiter(1, 1000 * SECOND),
      calls: [{ fail: 'one', times: 5 }, { when: 'one', ms: 32 }, { fail: 'overflow1', times: 1000 }, { when: 'overflow1', ms: 1000 * SECOND }],
    },
    {
      name: 'exponential: minutes double the same way, and stop at 1000 hours (TestItemExponentialFailureRateLimiterOverFlow)',
      limiter: () => new ItemExponentialFailureRateLimiter(MINUTE, 1000 * HOUR),
      calls: [{ fail: 'two', times: 2 }, { when: 'two', ms: 4 * MINUTE }, { fail: 'overflow2', times: 1000 }, { when: 'overflow2', ms: 1000 * HOUR }],
    },
    {
      name: 'fast-slow: three fast retries, then slow ones, per item, and forget starts over (TestItemFastSlowRateLimiter)',
      limiter: () => new ItemFastSlowRateLimiter(5, 10 * SECOND, 3),
      calls: [
        { when: 'one', ms: 5 }, { when: 'one', ms: 5 }, { when: 'one', ms: 5 }, { when: 'one', ms: 10 * SECOND }, { when: 'one', ms: 10 * SECOND },
        { numRequeues: 'one', is: 5 },
        { when: 'two', ms: 5 }, { when: 'two', ms: 5 }, { numRequeues: 'two', is: 2 },
        { forget: 'one' }, { numRequeues: 'one', is: 0 }, { when: 'one', ms: 5 },
      ],
    },
    {
      name: 'max-of: the worse of fast-slow and exponential wins, and forget reaches both (TestMaxOfRateLimiter)',
      limiter: () => new MaxOfRateLimiter(new ItemFastSlowRateLimiter<string>(5, 3 * SECOND, 3), new ItemExponentialFailureRateLimiter<string>(1, SECOND)),
      calls: [
        { when: 'one', ms: 5 }, { when: 'one', ms: 5 }, { when: 'one', ms: 5 }, { when: 'one', ms: 3 * SECOND }, { when: 'one', ms: 3 * SECOND },
        { numRequeues: 'one', is: 5 },
        { when: 'two', ms: 5 }, { when: 'two', ms: 5 }, { numRequeues: 'two', is: 2 },
        { forget: 'one' }, { numRequeues: 'one', is: 0 }, { when: 'one', ms: 5 },
      ],
    },
  ]
  for (const c of cases) test(c.name, () => play(c.limiter(), c.calls))

  test('exponential: when(n-th failure) is base × 2^(n-1) capped at max, for any base and max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 40 }), (baseMs, maxMs, failures) => {
        const limiter = new ItemExponentialFailureRateLimiter<string>(baseMs, maxMs)
        for (let n = 1; n <= failures; n++) expect(limiter.when('x')).toBe(Math.min(maxMs, baseMs * 2 ** (n - 1)))
        expect(limiter.numRequeues('x')).toBe(failures)
      }),
    )
  })
})

describe('BucketRateLimiter (golang.org/x/time/rate behind client-go BucketRateLimiter)', () => {
  test('a full bucket lets a burst through at once, then spaces retries 1/qps apart', () => {
    const clock = new VirtualClock()
    const limiter = new BucketRateLimiter<string>(clock, 10, 100)
    for (let i = 0; i < 100; i++) expect(limiter.when(`item-${i}`)).toBe(0)
    expect(limiter.when('a')).toBe(100)
    expect(limiter.when('b')).toBe(200)
    expect(limiter.numRequeues('a')).toBe(0)
  })

  test('the bucket refills at qps tokens a second, up to the burst', () => {
    const clock = new VirtualClock()
    const limiter = new BucketRateLimiter<string>(clock, 10, 3)
    expect([limiter.when('a'), limiter.when('a'), limiter.when('a'), limiter.when('a')]).toEqual([0, 0, 0, 100])
    clock.advance(300) // repays the debt of one token and refills two
    expect([limiter.when('a'), limiter.when('a'), limiter.when('a')]).toEqual([0, 0, 100])
    clock.advance(60_000) // refills to the burst, no further
    expect([limiter.when('a'), limiter.when('a'), limiter.when('a'), limiter.when('a')]).toEqual([0, 0, 0, 100])
  })
})

describe('defaultControllerRateLimiter', () => {
  test('one failing item backs off from 5 ms, doubling, until 1000 s', () => {
    const limiter = defaultControllerRateLimiter<string>(new VirtualClock())
    const delays = Array.from({ length: 20 }, () => limiter.when('default/web'))
    expect(delays.slice(0, 5)).toEqual([5, 10, 20, 40, 80])
    expect(delays.every((ms, i) => ms === Math.min(5 * 2 ** i, 1_000_000))).toBe(true)
    expect(limiter.when('default/web')).toBe(1_000_000) // 5 ms × 2^20 is past the cap
  })

  test('many items failing at once are held to 10 retries a second after a burst of 100', () => {
    const limiter = defaultControllerRateLimiter<string>(new VirtualClock())
    const delays = Array.from({ length: 102 }, (_, i) => limiter.when(`default/pod-${i}`))
    expect(delays.slice(0, 100)).toEqual(Array(100).fill(5))
    expect(delays.slice(100)).toEqual([100, 200])
  })
})
