// The delaying queue: client-go's delaying_queue_test.go cases as data (TestSimpleQueue,
// TestDeduping, TestAddTwoFireEarly, TestCopyShifting) on the virtual clock, plus the rule that an
// item waiting twice keeps its earlier ready time, checked over random schedules.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../../sim/virtual-clock.ts'
import { newDelayingQueue } from './delaying-queue.ts'
import { WorkQueue, type GetResult, type Queue } from './queue.ts'
import { newWaitableQueue } from './waitable-queue.ts'

// Steps: `addAfter foo 50`, `add foo`, `advance 60` (ms of virtual time), `len 1`, `waiting 1`
// (items still waiting for their delay), `get foo` / `get empty` / `get shutdown`, `done foo`, `shutDown`.
function runScript(steps: readonly string[]): void {
  const clock = new VirtualClock(1_000_000)
  const q = newDelayingQueue(newWaitableQueue(new WorkQueue<string>(), clock), clock)
  const show = (r: GetResult<string>) => (r.type === 'item' ? r.item : r.type)
  steps.forEach((step, i) => {
    const [op, arg, n] = step.split(' ')
    const where = `step ${i + 1} (${step})`
    if (op === 'addAfter') q.addAfter(arg, Number(n))
    else if (op === 'add') q.add(arg)
    else if (op === 'advance') clock.advance(Number(arg))
    else if (op === 'len') expect(q.len(), where).toBe(Number(arg))
    else if (op === 'waiting') expect(q.waitingLen(), where).toBe(Number(arg))
    else if (op === 'get') expect(show(q.get()), where).toBe(arg)
    else if (op === 'done') q.done(arg)
    else if (op === 'shutDown') q.shutDown()
    else throw new Error(`unknown step ${step}`)
  })
}

describe('DelayingQueue (client-go delaying_queue_test.go)', () => {
  const cases: Array<{ name: string; steps: string[] }> = [
    {
      name: 'an item added with a delay is queued once the delay has passed, and only once (TestSimpleQueue)',
      steps: ['addAfter foo 50', 'len 0', 'advance 60', 'len 1', 'get foo', 'done foo', 'advance 10000', 'len 0'],
    },
    {
      name: 'an item waiting twice is queued at the earlier ready time, whichever came first (TestDeduping)',
      steps: [
        'addAfter foo 50', 'addAfter foo 70', 'waiting 1', 'len 0', 'advance 60', 'len 1', 'get foo', 'done foo', 'advance 20', 'len 0',
        'addAfter foo 50', 'addAfter foo 30', 'len 0', 'advance 40', 'len 1', 'get foo', 'done foo', 'advance 20', 'len 0',
      ],
    },
    {
      name: 'an item delayed while it is processed is queued again only after done (TestDeduping, last part)',
      steps: ['add foo', 'get foo', 'addAfter foo 5', 'advance 5', 'len 0', 'done foo', 'len 1', 'get foo'],
    },
    {
      name: 'a shorter delay added later fires first, and a new wait is set for the next (TestAddTwoFireEarly)',
      steps: ['addAfter foo 1000', 'addAfter bar 50', 'len 0', 'advance 60', 'len 1', 'get bar', 'addAfter baz 2000', 'advance 1000', 'len 1', 'get foo', 'advance 2000', 'len 1', 'get baz'],
    },
    {
      name: 'items ready at once are queued in the order of their ready times, not of their adds (TestCopyShifting)',
      steps: ['addAfter foo 1000', 'addAfter bar 500', 'addAfter baz 250', 'len 0', 'advance 2000', 'len 3', 'get baz', 'get bar', 'get foo'],
    },
    { name: 'a delay of zero or less adds at once', steps: ['addAfter foo 0', 'addAfter bar -5', 'len 2', 'waiting 0'] },
    { name: 'an item is ready exactly when its delay has passed, not a millisecond later', steps: ['addAfter foo 10', 'advance 9', 'len 0', 'advance 1', 'len 1'] },
    { name: 'shutting down drops what still waits', steps: ['addAfter foo 10', 'shutDown', 'waiting 0', 'advance 20', 'len 0', 'get shutdown'] },
    { name: 'addAfter after shutdown is ignored', steps: ['shutDown', 'addAfter foo 10', 'addAfter bar 0', 'waiting 0', 'advance 20', 'get shutdown'] },
  ]
  for (const c of cases) test(c.name, () => runScript(c.steps))
})

describe('DelayingQueue over random schedules', () => {
  test('each item enters the queue at the earliest ready time it was given, never earlier', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 50 }), item: fc.constantFrom('a', 'b', 'c'), delayMs: fc.integer({ min: -5, max: 60 }) }), { maxLength: 25 }),
        (calls) => {
          const clock = new VirtualClock()
          const enteredAt = new Map<string, number>()
          const inner = new WorkQueue<string>()
          const spy: Queue<string> = {
            add: (item) => {
              if (!enteredAt.has(item)) enteredAt.set(item, clock.now())
              inner.add(item)
            },
            get: () => inner.get(),
            done: (item) => inner.done(item),
            len: () => inner.len(),
            shutDown: () => inner.shutDown(),
            shuttingDown: () => inner.shuttingDown(),
          }
          const q = newDelayingQueue(newWaitableQueue(spy, clock), clock)
          for (const { atMs, item, delayMs } of calls) clock.setTimer(atMs, () => q.addAfter(item, delayMs))
          clock.runUntilIdle()
          const ordered = [...calls].sort((x, y) => x.atMs - y.atMs)
          for (const item of new Set(calls.map((c) => c.item))) {
            const earliest = Math.min(...ordered.filter((c) => c.item === item).map((c) => c.atMs + Math.max(0, c.delayMs)))
            expect(enteredAt.get(item), item).toBe(earliest)
          }
          expect(q.waitingLen()).toBe(0)
        },
      ),
      { numRuns: 200 },
    )
  })
})
