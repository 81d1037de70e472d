// The queue's own tests: client-go's queue_test.go cases as data (TestLen, TestReinsert, the
// shutdown and drain cases, TestBasic and TestAddWhileProcessing on simulated workers), then a
// model-based fast-check run of every doc.go guarantee over random interleavings of several workers.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../../sim/virtual-clock.ts'
import { WorkQueue, type GetResult } from './queue.ts'
import { newWaitableQueue } from './waitable-queue.ts'
import { newRateLimitingQueue } from './rate-limiting-queue.ts'
import { startWorkers } from './worker-pool.ts'

// A step is `add foo`, `done foo`, `shutDown`, `get foo` / `get empty` / `get shutdown` (the answer
// expected), or `len 2`.
function runScript(steps: readonly string[]): void {
  const q = new WorkQueue<string>()
  const show = (r: GetResult<string>) => (r.type === 'item' ? r.item : r.type)
  steps.forEach((step, i) => {
    const [op, arg] = step.split(' ')
    const where = `step ${i + 1} (${step})`
    if (op === 'add') q.add(arg)
    else if (op === 'done') q.done(arg)
    else if (op === 'shutDown') q.shutDown()
    else if (op === 'get') expect(show(q.get()), where).toBe(arg)
    else if (op === 'len') expect(q.len(), where).toBe(Number(arg))
    else throw new Error(`unknown step ${step}`)
  })
}

describe('WorkQueue (client-go queue_test.go)', () => {
  const cases: Array<{ name: string; steps: string[] }> = [
    { name: 'adding an item that is already queued does not lengthen the queue (TestLen)', steps: ['add foo', 'len 1', 'add bar', 'len 2', 'add foo', 'len 2'] },
    { name: 'an item added back while it is processed is queued again once done (TestReinsert)', steps: ['add foo', 'get foo', 'add foo', 'len 0', 'done foo', 'len 1', 'get foo', 'done foo', 'len 0'] },
    { name: 'an item re-added while processed is not handed to a second worker before done', steps: ['add foo', 'get foo', 'add foo', 'add foo', 'get empty', 'done foo', 'get foo', 'get empty'] },
    { name: 'items are handed out in the order they were first added', steps: ['add a', 'add b', 'add a', 'add c', 'get a', 'get b', 'get c', 'get empty'] },
    { name: 'a re-added item joins the back of the line when it is done, not when it was re-added', steps: ['add a', 'get a', 'add a', 'add b', 'done a', 'get b', 'get a'] },
    { name: 'after shutdown, queued items are still handed out, then get reports shutdown', steps: ['add a', 'add b', 'shutDown', 'get a', 'get b', 'get shutdown', 'get shutdown'] },
    { name: 'adds after shutdown are ignored', steps: ['shutDown', 'add a', 'len 0', 'get shutdown'] },
    { name: 'an add after shutdown of an item being processed is ignored too', steps: ['add a', 'get a', 'shutDown', 'add a', 'done a', 'get shutdown'] },
    {
      name: 'an item dirtied before shutdown is handed out again after its done, even once get said shutdown (TestQueueDrainageUsingShutDownWithDrainWithDirtyItem)',
      steps: ['add foo', 'get foo', 'add foo', 'shutDown', 'get shutdown', 'done foo', 'get foo', 'done foo', 'get shutdown'],
    },
    { name: 'done of an item no worker holds changes nothing', steps: ['add a', 'done a', 'get a', 'get empty'] },
  ]
  for (const c of cases) test(c.name, () => runScript(c.steps))
})

describe('WaitableQueue shutdown (client-go queue_test.go)', () => {
  test('shutDownWithDrain waits until every item handed out is done (TestQueueDrainageUsingShutDownWithDrain)', () => {
    const q = newWaitableQueue(new WorkQueue<string>(), new VirtualClock())
    q.add('foo')
    q.add('bar')
    q.get()
    q.get()
    let drained = false
    q.shutDownWithDrain(() => (drained = true))
    expect(q.get()).toEqual({ type: 'shutdown' })
    q.done('foo')
    expect(drained).toBe(false)
    q.done('bar')
    expect(drained).toBe(true)
  })

  test('shutDown does not wait for items in flight (TestNoQueueDrainageUsingShutDown)', () => {
    const q = newWaitableQueue(new WorkQueue<string>(), new VirtualClock())
    q.add('foo')
    q.get()
    q.shutDown()
    expect(q.shuttingDown()).toBe(true)
    expect(q.get()).toEqual({ type: 'shutdown' })
  })

  test('shutDown after shutDownWithDrain stops the wait (TestForceQueueShutdownUsingShutDown)', () => {
    const q = newWaitableQueue(new WorkQueue<string>(), new VirtualClock())
    q.add('foo')
    q.add('bar')
    q.get()
    q.get()
    let drained = false
    q.shutDownWithDrain(() => (drained = true))
    expect(drained).toBe(false)
    q.shutDown()
    expect(drained).toBe(true)
  })

  test('shutDownWithDrain with nothing in flight returns at once', () => {
    const q = newWaitableQueue(new WorkQueue<string>(), new VirtualClock())
    let drained = false
    q.shutDownWithDrain(() => (drained = true))
    expect(drained).toBe(true)
  })

  test('a waiting worker is woken by an add, and every waiter by a shutdown', () => {
    const clock = new VirtualClock()
    const q = newWaitableQueue(new WorkQueue<string>(), clock)
    const woken: string[] = []
    q.whenReady(() => woken.push(`w1:${q.get().type}`))
    q.whenReady(() => woken.push(`w2:${q.get().type}`))
    q.whenReady(() => woken.push(`w3:${q.get().type}`))
    clock.runUntilIdle()
    expect(woken).toEqual([])
    q.add('a')
    clock.runUntilIdle()
    expect(woken).toEqual(['w1:item'])
    q.shutDown()
    clock.runUntilIdle()
    expect(woken).toEqual(['w1:item', 'w2:shutdown', 'w3:shutdown'])
  })
})

describe('many producers and workers on the simulation clock', () => {
  // TestBasic: 50 producers add their number 50 times, a millisecond apart; 10 workers take 3 ms per
  // item; then shutdown, and an add after it that no worker must ever see.
  test('every worker stops, no item is processed twice at once, and nothing added after shutdown is seen (TestBasic)', () => {
    const clock = new VirtualClock()
    const queue = newRateLimitingQueue<string>({ clock })
    const holding = new Map<string, number>()
    const seen: string[] = []
    const pool = startWorkers({
      queue,
      clock,
      workers: 10,
      workMs: () => 3,
      sync: (item) => {
        seen.push(item)
        return { ok: true }
      },
      onEvent: (e) => {
        if (e.type === 'start') {
          expect(holding.has(e.item), `${e.item} handed to worker ${e.worker} while worker ${holding.get(e.item)} holds it`).toBe(false)
          holding.set(e.item, e.worker)
        } else if (e.type === 'finish') holding.delete(e.item)
      },
    })
    for (let producer = 0; producer < 50; producer++) for (let j = 0; j < 50; j++) clock.setTimer(j, () => queue.add(String(producer)))
    clock.advance(50)
    queue.shutDown()
    queue.add('added after shutdown!')
    clock.runUntilIdle()
    expect(pool.running()).toBe(0)
    expect(seen).not.toContain('added after shutdown!')
    expect(queue.len()).toBe(0)
  })

  test('every worker re-adding each item once while processing it, every item is processed twice (TestAddWhileProcessing)', () => {
    const clock = new VirtualClock()
    const queue = newRateLimitingQueue<string>({ clock })
    const counts = new Map<string, number>()
    startWorkers({
      queue,
      clock,
      workers: 10,
      workMs: () => 1,
      sync: (item) => {
        const n = (counts.get(item) ?? 0) + 1
        counts.set(item, n)
        if (n < 2) queue.add(item)
        return { ok: true }
      },
    })
    for (let producer = 0; producer < 50; producer++) queue.add(String(producer))
    clock.runUntilIdle()
    queue.shutDown()
    clock.runUntilIdle()
    expect([...counts.values()]).toEqual(Array(50).fill(2))
    expect(queue.len()).toBe(0)
  })
})

// A model of the contract, written from doc.go rather than from queue.go: `line` is the order items
// will be handed out, `needed` the items that need processing, `held` what each worker holds.
interface Model {
  line: string[]
  needed: Set<string>
  held: Map<number, string>
  shut: boolean
}
interface Real {
  q: WorkQueue<string>
}
type Cmd = fc.Command<Model, Real>

class AddCommand implements Cmd {
  constructor(readonly item: string) {}
  check = () => true
  run(m: Model, r: Real): void {
    r.q.add(this.item)
    if (!m.shut && !m.needed.has(this.item)) {
      m.needed.add(this.item)
      if (![...m.held.values()].includes(this.item)) m.line.push(this.item)
    }
    expect(r.q.len(), 'len counts the items waiting to be handed out').toBe(m.line.length)
  }
  toString = () => `add ${this.item}`
}

// A worker's next move: get when idle, done when it holds an item.
class WorkCommand implements Cmd {
  constructor(readonly worker: number) {}
  check = () => true
  run(m: Model, r: Real): void {
    const holding = m.held.get(this.worker)
    if (holding !== undefined) {
      r.q.done(holding)
      m.held.delete(this.worker)
      if (m.needed.has(holding)) m.line.push(holding)
      return
    }
    const got = r.q.get()
    if (m.line.length > 0) {
      const expected = m.line.shift() as string
      expect(got, 'fair: the first item in line is handed out').toEqual({ type: 'item', item: expected })
      expect([...m.held.values()], 'an item is never handed to two workers at once').not.toContain(expected)
      m.needed.delete(expected)
      m.held.set(this.worker, expected)
    } else {
      expect(got, 'get says shutdown once nothing is queued after shutDown, else empty').toEqual({ type: m.shut ? 'shutdown' : 'empty' })
    }
  }
  toString = () => `worker ${this.worker}`
}

class ShutDownCommand implements Cmd {
  check = () => true
  run(m: Model, r: Real): void {
    r.q.shutDown()
    m.shut = true
    expect(r.q.shuttingDown()).toBe(true)
  }
  toString = () => 'shutDown'
}

describe('the doc.go guarantees over random interleavings of three workers', () => {
  test('the queue behaves as the model at every step', () => {
    const commands = fc.commands(
      [
        fc.constantFrom('a', 'b', 'c').map((item) => new AddCommand(item)),
        fc.integer({ min: 1, max: 3 }).map((worker) => new WorkCommand(worker)),
        // Shutdown now and then, so most runs spend a while before it and some a while after.
        fc.integer({ min: 0, max: 9 }).map((n): Cmd => (n === 0 ? new ShutDownCommand() : new WorkCommand(1 + (n % 3)))),
      ],
      { maxCommands: 60 },
    )
    fc.assert(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => ({ model: { line: [], needed: new Set<string>(), held: new Map<number, string>(), shut: false }, real: { q: new WorkQueue<string>() } }), cmds)
      }),
      { numRuns: 300 },
    )
  })

  test('every item added before shutdown is eventually processed after its last add, and never by two workers at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 40 }), item: fc.constantFrom('a', 'b', 'c', 'd') }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 5 }),
        (adds, workers, durations) => {
          const clock = new VirtualClock()
          const queue = newRateLimitingQueue<string>({ clock })
          const holding = new Map<string, number>()
          const startedAt = new Map<string, number[]>()
          let n = 0
          startWorkers({
            queue,
            clock,
            workers,
            workMs: () => durations[n++ % durations.length],
            sync: () => ({ ok: true }),
            onEvent: (e) => {
              if (e.type === 'start') {
                expect(holding.has(e.item)).toBe(false)
                holding.set(e.item, e.worker)
                startedAt.set(e.item, [...(startedAt.get(e.item) ?? []), e.atMs])
              } else if (e.type === 'finish') holding.delete(e.item)
            },
          })
          for (const { atMs, item } of adds) clock.setTimer(atMs, () => queue.add(item))
          clock.runUntilIdle()
          for (const { atMs, item } of adds) {
            const lastAdd = Math.max(...adds.filter((a) => a.item === item).map((a) => a.atMs))
            expect(startedAt.get(item)?.some((t) => t >= lastAdd), `${item} added at ${atMs}`).toBe(true)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
