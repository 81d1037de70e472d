// The rate-limiting queue: client-go's rate_limiting_queue_test.go (TestRateLimitingQueue) on the
// virtual clock, and a controller's workers retrying a failing key through it.
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../../sim/virtual-clock.ts'
import { ItemExponentialFailureRateLimiter } from './item-exponential-failure-rate-limiter.ts'
import { newRateLimitingQueue } from './rate-limiting-queue.ts'
import { startWorkers, type WorkerEvent } from './worker-pool.ts'

describe('RateLimitingQueue (client-go rate_limiting_queue_test.go)', () => {
  test('addRateLimited waits 1 ms, then 2 ms, per item, and forget starts the item over (TestRateLimitingQueue)', () => {
    const clock = new VirtualClock()
    const queue = newRateLimitingQueue<string>({ clock, rateLimiter: new ItemExponentialFailureRateLimiter(1, 1000) })
    // When does an item added now reach the queue? Watch len() as the clock moves.
    const readyAfter = (item: string) => {
      const start = clock.now()
      queue.addRateLimited(item)
      while (queue.len() === 0) clock.step()
      const waited = clock.now() - start
      expect(queue.get()).toEqual({ type: 'item', item })
      queue.done(item)
      return waited
    }
    expect(readyAfter('one')).toBe(1)
    expect(readyAfter('one')).toBe(2)
    expect(queue.numRequeues('one')).toBe(2)
    expect(readyAfter('two')).toBe(1)
    expect(readyAfter('two')).toBe(2)
    queue.forget('one')
    expect(queue.numRequeues('one')).toBe(0)
    expect(readyAfter('one')).toBe(1)
  })
})

describe('workers on a rate-limiting queue', () => {
  test('a key that fails three times is retried after 5, 10 and 20 ms, then forgotten on success', () => {
    const clock = new VirtualClock()
    const queue = newRateLimitingQueue<string>({ clock })
    const events: Array<WorkerEvent<string>> = []
    let attempts = 0
    startWorkers({
      queue,
      clock,
      workers: 2,
      sync: () => (++attempts <= 3 ? { ok: false, error: 'conflict' } : { ok: true }),
      onEvent: (e) => events.push(e),
    })
    queue.add('default/web')
    clock.runUntilIdle()
    expect(events.filter((e) => e.type === 'start').map((e) => e.atMs)).toEqual([0, 5, 15, 35])
    expect(queue.numRequeues('default/web')).toBe(0)
    queue.shutDown()
    clock.runUntilIdle()
    expect(events.filter((e) => e.type === 'stop')).toHaveLength(2)
  })

  test('shutDownWithDrain lets the workers finish what they hold', () => {
    const clock = new VirtualClock()
    const queue = newRateLimitingQueue<string>({ clock })
    const finished: string[] = []
    startWorkers({ queue, clock, workers: 2, workMs: () => 10, sync: () => ({ ok: true }), onEvent: (e) => void (e.type === 'finish' && finished.push(e.item)) })
    queue.add('a')
    queue.add('b')
    queue.add('c')
    clock.advance(1)
    let drainedAtMs: number | undefined
    queue.shutDownWithDrain(() => (drainedAtMs = clock.now()))
    clock.runUntilIdle()
    expect(drainedAtMs).toBe(20)
    expect(finished).toEqual(['a', 'b', 'c'])
  })
})
