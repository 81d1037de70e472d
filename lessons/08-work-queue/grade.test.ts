// Lesson 08 grader: the work queue and the per-item exponential backoff, checked against the
// contract of client-go's util/workqueue (doc.go, queue.go, default_rate_limiters.go) and the
// reference in src/client/workqueue/.
//
// A queue situation is a script of what producers and workers do: `add`, a worker's next move
// (`get` when it is idle, `done` when it holds an item), `shutDown`, and `drain` (workers keep
// going until nothing is left). The same script runs on the reference and on your queue; each
// guarantee checks its own rule on your queue's timeline, and a failure shows both timelines side
// by side. Scripts are generated per guarantee so that each rule's corner comes up often.
import fc from 'fast-check'
import { WorkQueue as ReferenceQueue, type GetResult, type Queue } from '../../src/client/workqueue/queue.ts'
import { ItemExponentialFailureRateLimiter as ReferenceLimiter } from '../../src/client/workqueue/item-exponential-failure-rate-limiter.ts'
import type { RateLimiter } from '../../src/client/workqueue/rate-limiter.ts'
import { fail, guarantee, learnerCall, loadLearner, pass, show, sideBySide, type Verdict } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./workqueue.ts')>(import.meta.url, 'workqueue.ts')

// ── Queue scripts ─────────────────────────────────────────────────────────────────────────────

type Op =
  | { readonly op: 'add'; readonly item: string }
  | { readonly op: 'work'; readonly worker: number }
  | { readonly op: 'shutDown' }
  | { readonly op: 'drain' }

type Event =
  | { readonly kind: 'add'; readonly item: string; readonly len: number }
  | { readonly kind: 'get'; readonly worker: number; readonly got: GetResult<string>; readonly len: number }
  | { readonly kind: 'done'; readonly worker: number; readonly item: string; readonly len: number }
  | { readonly kind: 'shutDown'; readonly before: boolean; readonly after: boolean; readonly len: number }
  | { readonly kind: 'drained' }

interface Run {
  readonly events: readonly Event[]
  /** Set when the queue answered something that is not an answer (a bad get result, a drain that never ends). */
  readonly broken?: string
}

class Broken extends Error {}

const MAX_DRAIN_STEPS = 120

function isGetResult(value: unknown): value is GetResult<string> {
  if (value === null || typeof value !== 'object') return false
  const type = (value as { type?: unknown }).type
  return type === 'empty' || type === 'shutdown' || (type === 'item' && 'item' in value)
}

/** Every call into the learner's queue goes through learnerCall. */
function guardedQueue(queue: Queue<string>): Queue<string> {
  return {
    add: (item) => learnerCall(`queue.add(${show(item)})`, () => queue.add(item)),
    get: () => learnerCall('queue.get()', () => queue.get()),
    done: (item) => learnerCall(`queue.done(${show(item)})`, () => queue.done(item)),
    len: () => learnerCall('queue.len()', () => queue.len()),
    shutDown: () => learnerCall('queue.shutDown()', () => queue.shutDown()),
    shuttingDown: () => learnerCall('queue.shuttingDown()', () => queue.shuttingDown()),
  }
}

function runScript(queue: Queue<string>, ops: readonly Op[]): Run {
  const holding = new Map<number, string>()
  const events: Event[] = []
  const len = () => {
    const n = queue.len()
    if (!Number.isInteger(n) || n < 0) throw new Broken(`len() returned ${show(n)}, not a count of waiting items`)
    return n
  }
  // One worker's next move: done when it holds an item, get when it is idle.
  const work = (worker: number): 'done' | GetResult<string>['type'] => {
    const held = holding.get(worker)
    if (held !== undefined) {
      queue.done(held)
      holding.delete(worker)
      events.push({ kind: 'done', worker, item: held, len: len() })
      return 'done'
    }
    const got = queue.get()
    if (!isGetResult(got)) throw new Broken(`get() returned ${show(got)}; it must return { type: 'item', item }, { type: 'empty' } or { type: 'shutdown' }`)
    if (got.type === 'item') holding.set(worker, got.item)
    events.push({ kind: 'get', worker, got, len: len() })
    return got.type
  }
  // Workers finish what they hold and take what is queued, lowest-numbered first, until nothing is
  // held and get has nothing more to hand out.
  const drain = () => {
    const workers = Math.max(1, ...ops.map((o) => (o.op === 'work' ? o.worker : 1)))
    for (let steps = 0; steps < MAX_DRAIN_STEPS; steps++) {
      const idle = Array.from({ length: workers }, (_, i) => i + 1).find((w) => !holding.has(w))
      if (idle !== undefined && work(idle) === 'item') continue
      if (holding.size === 0) {
        events.push({ kind: 'drained' })
        return
      }
      work(Math.min(...holding.keys()))
    }
    throw new Broken(`the queue never ran dry: after ${MAX_DRAIN_STEPS} steps of workers taking and finishing items, get still handed out more`)
  }
  try {
    for (const op of ops) {
      if (op.op === 'add') {
        queue.add(op.item)
        events.push({ kind: 'add', item: op.item, len: len() })
      } else if (op.op === 'work') work(op.worker)
      else if (op.op === 'shutDown') {
        const before = queue.shuttingDown()
        queue.shutDown()
        events.push({ kind: 'shutDown', before, after: queue.shuttingDown(), len: len() })
      } else drain()
    }
  } catch (error) {
    if (error instanceof Broken) return { events, broken: error.message }
    throw error
  }
  return { events }
}

const gotText = (got: GetResult<string>) => (got.type === 'item' ? got.item : `(${got.type})`)

function eventText(e: Event): string | undefined {
  const withLen = (text: string, len: number) => `${text.padEnd(20)}len ${len}`
  switch (e.kind) {
    case 'add':
      return withLen(`add ${e.item}`, e.len)
    case 'get':
      return withLen(`w${e.worker} get → ${gotText(e.got)}`, e.len)
    case 'done':
      return withLen(`w${e.worker} done ${e.item}`, e.len)
    case 'shutDown':
      // shuttingDown() is shown only when it is not false before and true after.
      return withLen('shutDown', e.len) + (e.before || !e.after ? `  shuttingDown() ${e.before}→${e.after}` : '')
    case 'drained':
      return undefined
  }
}

function timeline(run: Run): string[] {
  const lines = run.events.map(eventText).filter((t): t is string => t !== undefined).map((t, i) => `${String(i + 1).padStart(2)}. ${t}`)
  if (run.broken) lines.push('    ✗ ' + run.broken)
  return lines
}

/** Steps are numbered as in the timeline (drain boundaries are not shown). */
function stepNumbers(run: Run): Map<Event, number> {
  const numbers = new Map<Event, number>()
  let n = 0
  for (const e of run.events) if (e.kind !== 'drained') numbers.set(e, ++n)
  return numbers
}

interface Both {
  readonly reference: Run
  readonly yours: Run
}

function runBoth(ops: readonly Op[]): Both {
  const reference = runScript(new ReferenceQueue<string>(), ops)
  const queue = learnerCall('new WorkQueue()', () => new learner.WorkQueue<string>())
  return { reference, yours: runScript(guardedQueue(queue), ops) }
}

const LEGEND = 'wN is worker N: "get" takes the next item, "done" finishes the one it holds; "len" is queue.len() after the step.'

function queueFailure(problem: string, both: Both): Verdict {
  return fail([problem, '', LEGEND, '', sideBySide(timeline(both.reference), timeline(both.yours), ['client-go (reference)', 'your WorkQueue'])].join('\n'))
}

/** Runs the script and, when the queue gave an answer that is not one, fails with that first. */
function check(ops: readonly Op[], rule: (both: Both, steps: Map<Event, number>) => string | undefined): Verdict {
  const both = runBoth(ops)
  if (both.yours.broken) return queueFailure(`Your queue gave an answer the workers cannot use: ${both.yours.broken}.`, both)
  const problem = rule(both, stepNumbers(both.yours))
  return problem === undefined ? pass : queueFailure(problem, both)
}

const describeOps = (ops: readonly Op[]) =>
  ops.map((o) => (o.op === 'add' ? `add ${o.item}` : o.op === 'work' ? `w${o.worker} works` : o.op)).join(', ')

const gets = (run: Run) => run.events.filter((e): e is Extract<Event, { kind: 'get' }> => e.kind === 'get')
const handedOut = (run: Run) => gets(run).flatMap((e) => (e.got.type === 'item' ? [e.got.item] : []))
const distinct = (items: readonly string[]) => [...new Set(items)]
const workOp = (maxWorker: number): fc.Arbitrary<Op> => fc.integer({ min: 1, max: maxWorker }).map((worker) => ({ op: 'work', worker }))
const FRESH = 'fghijklmnopqrstuvwxyz'.split('')

// ── Queue guarantees ──────────────────────────────────────────────────────────────────────────

// A burst of adds (repeats of waiting items allowed), then workers interleaved with adds of new
// items. No item is added again after it is first handed out, so the order is the whole story.
const fairScripts: fc.Arbitrary<Op[]> = fc
  .record(
    {
      workers: fc.integer({ min: 1, max: 3 }),
      burst: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 2, maxLength: 7 }),
      later: fc.array(fc.oneof({ arbitrary: fc.constant('new' as const), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 2 }), { maxLength: 14 }),
    },
    { noNullPrototype: true },
  )
  .map(({ workers, burst, later }) => {
    let fresh = 0
    const ops: Op[] = burst.map((item) => ({ op: 'add', item }))
    for (const step of later) ops.push(step === 'new' ? { op: 'add', item: FRESH[fresh++] } : { op: 'work', worker: Math.min(step, workers) })
    ops.push({ op: 'drain' })
    return ops
  })

guarantee(
  'items are handed out in the order they were first added',
  fairScripts,
  (ops) =>
    check(ops, ({ yours }) => {
      const added = distinct(ops.flatMap((o) => (o.op === 'add' ? [o.item] : [])))
      const order = distinct(handedOut(yours))
      if (show(order) === show(added)) return undefined
      return `Items were first added in the order ${added.join(', ')}, so workers must receive them in that order (a queue is fair: first in, first out). Your queue handed them out as ${order.join(', ') || '(nothing)'}.`
    }),
  { runs: 150, describe: describeOps },
)

// Rounds: a burst of adds from a few keys (so repeats are certain) while nothing is being
// processed, some worker moves, then a drain.
const stingyScripts: fc.Arbitrary<Op[]> = fc
  .array(
    fc.record(
      {
        adds: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 2, maxLength: 7 }),
        moves: fc.array(workOp(3), { maxLength: 5 }),
      },
      { noNullPrototype: true },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((rounds) => rounds.flatMap(({ adds, moves }): Op[] => [...adds.map((item): Op => ({ op: 'add', item })), ...moves, { op: 'drain' }]))

guarantee(
  'an item added many times while waiting is handed out once',
  stingyScripts,
  (ops) =>
    check(ops, ({ yours }) => {
      let round: Event[] = []
      let roundNumber = 0
      for (const e of yours.events) {
        if (e.kind !== 'drained') {
          round.push(e)
          continue
        }
        roundNumber++
        const added = round.flatMap((x) => (x.kind === 'add' ? [x.item] : []))
        const given = round.flatMap((x) => (x.kind === 'get' && x.got.type === 'item' ? [x.got.item] : []))
        for (const item of distinct([...added, ...given])) {
          const adds = added.filter((x) => x === item).length
          const times = given.filter((x) => x === item).length
          if (times !== (adds > 0 ? 1 : 0)) {
            const where = roundNumber > 1 ? ` In round ${roundNumber} (after the queue had drained ${roundNumber - 1} time${roundNumber > 2 ? 's' : ''}),` : ''
            return `${where} ${item} was added ${adds} time${adds === 1 ? '' : 's'} while it waited, and your queue handed it out ${times} time${times === 1 ? '' : 's'}. However often it is added while waiting, it needs processing once, so it must be handed out exactly once (the dirty set remembers what is already queued).`.trim()
          }
        }
        round = []
      }
      return undefined
    }),
  { runs: 150, describe: describeOps },
)

// Random interleavings of adds of two keys and three workers; half start with w1 holding `a`.
const overlapScripts: fc.Arbitrary<Op[]> = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.oneof({ arbitrary: fc.constantFrom('a', 'b').map((item): Op => ({ op: 'add', item })), weight: 2 }, { arbitrary: workOp(3), weight: 3 }), { minLength: 2, maxLength: 24 }),
  )
  .map(([holdA, rest]): Op[] => [...(holdA ? ([{ op: 'add', item: 'a' }, { op: 'work', worker: 1 }] as Op[]) : []), ...rest, { op: 'drain' }])

guarantee(
  'an item is processed by at most one worker at a time',
  overlapScripts,
  (ops) =>
    check(ops, ({ yours }, steps) => {
      const holding = new Map<string, number>()
      for (const e of yours.events) {
        if (e.kind === 'done') holding.delete(e.item)
        if (e.kind !== 'get' || e.got.type !== 'item') continue
        const holder = holding.get(e.got.item)
        if (holder !== undefined) {
          return `At step ${steps.get(e)}, your queue handed ${e.got.item} to w${e.worker} while w${holder} was still processing it (w${holder} had not called done). Two workers reconciling the same key at once would race each other. A key is never in line twice, and never in line while a worker holds it: re-added during processing, it waits in the dirty set until done.`
        }
        holding.set(e.got.item, e.worker)
      }
      return undefined
    }),
  { runs: 200, describe: describeOps },
)

// w1 takes `a`; while it holds it, `a` is added again (1–3 times) amid other workers' moves and
// adds of new items; then w1 finishes and everyone drains.
const readdScripts: fc.Arbitrary<Op[]> = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.array(fc.oneof({ arbitrary: fc.constant('readd' as const), weight: 1 }, { arbitrary: fc.constant('new' as const), weight: 1 }, { arbitrary: fc.integer({ min: 2, max: 3 }), weight: 2 }), { maxLength: 8 }),
  )
  .map(([readds, middle]) => {
    let fresh = 0
    const during: Op[] = middle.map((m): Op => (m === 'readd' ? { op: 'add', item: 'a' } : m === 'new' ? { op: 'add', item: FRESH[fresh++] } : { op: 'work', worker: m }))
    // At least one re-add, followed by another worker trying to get.
    const readd: Op[] = Array.from({ length: readds }, () => ({ op: 'add', item: 'a' }))
    return [{ op: 'add', item: 'a' }, { op: 'work', worker: 1 }, ...readd, { op: 'work', worker: 2 }, ...during, { op: 'work', worker: 1 }, { op: 'drain' }] as Op[]
  })

guarantee(
  'an item added while it is being processed is handed out again after done, exactly once',
  readdScripts,
  (ops) =>
    check(ops, ({ yours }, steps) => {
      const events = yours.events
      const taken = events.findIndex((e) => e.kind === 'get' && e.worker === 1)
      const first = events[taken]
      if (first?.kind !== 'get' || first.got.type !== 'item' || first.got.item !== 'a') {
        return `Only a had been added, yet w1's get answered ${first?.kind === 'get' ? gotText(first.got) : 'nothing'}.`
      }
      const finished = events.findIndex((e, i) => i > taken && e.kind === 'done' && e.worker === 1)
      const early = events.find((e, i) => i > taken && i < finished && e.kind === 'get' && e.got.type === 'item' && e.got.item === 'a')
      if (early) {
        return `w1 was processing a when a was added again. Your queue handed a out again at step ${steps.get(early)}, before w1 called done at step ${steps.get(events[finished])}. The re-add must wait until done, or two workers process a at once.`
      }
      const after = events.filter((e, i) => i > finished && e.kind === 'get' && e.got.type === 'item' && e.got.item === 'a').length
      if (after !== 1) {
        const what = after === 0 ? 'never handed it out again: the add was lost' : `handed it out ${after} times`
        const readds = ops.filter((o) => o.op === 'add' && o.item === 'a').length - 1
        return `w1 was processing a when a was added again (${readds === 1 ? 'once' : `${readds} times`}). After w1's done at step ${steps.get(events[finished])}, your queue ${what}. The change that arrived during processing must be processed once more, exactly once.`
      }
      return undefined
    }),
  { runs: 150, describe: describeOps },
)

// Distinct items added and some taken; shutDown; then adds (of old and new items) and moves; then a drain.
const shutdownScripts: fc.Arbitrary<Op[]> = fc
  .record(
    {
      before: fc.array(fc.oneof({ arbitrary: fc.constant('new' as const), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 2 }), { minLength: 2, maxLength: 10 }),
      after: fc.array(
        fc.oneof(
          { arbitrary: fc.constant('new' as const), weight: 1 },
          { arbitrary: fc.constantFrom('a', 'b', 'c').map((item) => ({ old: item })), weight: 1 },
          { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 2 },
        ),
        { maxLength: 10 },
      ),
    },
    { noNullPrototype: true },
  )
  .map(({ before, after }) => {
    const names = 'abcde'.split('')
    let used = 0
    let fresh = 0
    const ops: Op[] = before.map((b): Op => (b === 'new' && used < names.length ? { op: 'add', item: names[used++] } : { op: 'work', worker: b === 'new' ? 1 : b }))
    ops.push({ op: 'shutDown' })
    for (const a of after) ops.push(a === 'new' ? { op: 'add', item: FRESH[fresh++] } : typeof a === 'number' ? { op: 'work', worker: a } : { op: 'add', item: a.old })
    ops.push({ op: 'drain' })
    return ops
  })

guarantee(
  'after shutdown, get reports shutdown once the queue is drained and adds are ignored',
  shutdownScripts,
  (ops) =>
    check(ops, ({ yours }, steps) => {
      const cut = yours.events.findIndex((e) => e.kind === 'shutDown')
      const shut = yours.events[cut]
      if (shut?.kind !== 'shutDown') return undefined
      if (shut.before || !shut.after) return `At step ${steps.get(shut)}, shuttingDown() answered ${shut.before} before shutDown() and ${shut.after} after it; it should answer false, then true.`
      const waiting = new Set(yours.events.slice(0, cut).flatMap((e) => (e.kind === 'add' ? [e.item] : [])))
      for (const item of handedOut({ events: yours.events.slice(0, cut) })) waiting.delete(item)
      const given = new Set<string>()
      for (const e of yours.events.slice(cut + 1)) {
        if (e.kind !== 'get') continue
        const at = `At step ${steps.get(e)}`
        if (e.got.type === 'empty') return `${at}, after shutDown, your get answered (empty). Once nothing is left to hand out it must answer (shutdown), which is how workers learn to stop; (empty) would keep them waiting forever.`
        if (e.got.type === 'shutdown') {
          const left = [...waiting].filter((item) => !given.has(item))
          if (left.length > 0) return `${at}, your get answered (shutdown) while ${left.join(', ')} ${left.length === 1 ? 'was' : 'were'} still queued from before shutDown. Shutting down stops new work from coming in; what was already queued is still handed out first.`
          continue
        }
        const item = e.got.item
        if (!waiting.has(item)) return `${at}, your queue handed out ${item}, which was added after shutDown. Adds after shutDown must be ignored.`
        if (given.has(item)) return `${at}, your queue handed out ${item} a second time after shutDown; it was queued once.`
        given.add(item)
      }
      return undefined
    }),
  { runs: 150, describe: describeOps },
)

// Everything at once: three workers, three keys, shutdown now and then.
const anyScripts: fc.Arbitrary<Op[]> = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom('a', 'b', 'c').map((item): Op => ({ op: 'add', item })), weight: 4 },
      { arbitrary: workOp(3), weight: 5 },
      { arbitrary: fc.constant<Op>({ op: 'shutDown' }), weight: 1 },
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((ops): Op[] => [...ops, { op: 'drain' }])

guarantee(
  'every answer and every len matches client-go over random interleavings of several workers',
  anyScripts,
  (ops) =>
    check(ops, ({ reference, yours }) => {
      const a = timeline(reference)
      const b = timeline(yours)
      const i = Array.from({ length: Math.max(a.length, b.length) }, (_, k) => a[k] !== b[k]).indexOf(true)
      if (i < 0) return undefined
      const said = (line: string | undefined) => (line === undefined ? 'nothing more' : `"${line.slice(4).replace(/\s+len /, '", then len ').replace(/\s+/g, ' ')}`)
      return `Your queue and client-go's part ways at step ${i + 1}: client-go shows ${said(a[i])}; yours ${said(b[i])}.`
    }),
  { runs: 150, describe: describeOps },
)

// ── Backoff ───────────────────────────────────────────────────────────────────────────────────

type LimiterCall = { readonly call: 'when' | 'numRequeues' | 'forget'; readonly item: string }
interface Backoff {
  readonly baseMs: number
  readonly maxMs: number
  readonly calls: readonly LimiterCall[]
}

// Caps that sit on a doubling (5, 10, 20 → 20) and between doublings (5, 10, 20 → 23), low enough
// that a few failures reach them; and client-go's default, which they never reach here.
const limits = fc.oneof(
  fc
    .record({ baseMs: fc.constantFrom(1, 5, 10, 250), doublings: fc.integer({ min: 0, max: 5 }), extraMs: fc.constantFrom(0, 0, 3) }, { noNullPrototype: true })
    .map(({ baseMs, doublings, extraMs }) => ({ baseMs, maxMs: baseMs * 2 ** doublings + extraMs })),
  fc.constant({ baseMs: 5, maxMs: 1_000_000 }),
)
const limiterCall = (weights: { when: number; numRequeues: number; forget: number }) =>
  fc
    .tuple(
      fc.oneof(
        { arbitrary: fc.constant('when' as const), weight: weights.when },
        { arbitrary: fc.constant('numRequeues' as const), weight: weights.numRequeues },
        { arbitrary: fc.constant('forget' as const), weight: weights.forget },
      ),
      fc.constantFrom('a', 'a', 'b'),
    )
    .map(([call, item]): LimiterCall => ({ call, item }))

const backoffRuns: fc.Arbitrary<Backoff> = fc
  .tuple(limits, fc.array(limiterCall({ when: 4, numRequeues: 1, forget: 0 }), { minLength: 1, maxLength: 14 }))
  .map(([{ baseMs, maxMs }, calls]) => ({ baseMs, maxMs, calls }))

// a fails a few times, is forgotten, and then anything goes (more forgets included).
const forgetRuns: fc.Arbitrary<Backoff> = fc
  .tuple(limits, fc.integer({ min: 1, max: 4 }), fc.array(limiterCall({ when: 3, numRequeues: 1, forget: 1 }), { minLength: 1, maxLength: 12 }))
  .map(([{ baseMs, maxMs }, failures, rest]) => ({
    baseMs,
    maxMs,
    calls: [...Array.from({ length: failures }, (): LimiterCall => ({ call: 'when', item: 'a' })), { call: 'forget', item: 'a' }, { call: 'when', item: 'a' }, ...rest],
  }))

const describeBackoff = ({ baseMs, maxMs, calls }: Backoff) => `base ${baseMs} ms, max ${maxMs} ms: ${calls.map((c) => `${c.call}(${c.item})`).join(', ')}`

function newLearnerLimiter(baseMs: number, maxMs: number): RateLimiter<string> {
  const limiter = learnerCall(`new ItemExponentialFailureRateLimiter(${baseMs}, ${maxMs})`, () => new learner.ItemExponentialFailureRateLimiter<string>(baseMs, maxMs))
  return {
    when: (item) => learnerCall(`when(${show(item)})`, () => limiter.when(item)),
    numRequeues: (item) => learnerCall(`numRequeues(${show(item)})`, () => limiter.numRequeues(item)),
    forget: (item) => learnerCall(`forget(${show(item)})`, () => limiter.forget(item)),
  }
}

/** Each call's answer: ms for when, a count for numRequeues, undefined for forget. */
function play(limiter: RateLimiter<string>, calls: readonly LimiterCall[]): Array<number | undefined> {
  return calls.map(({ call, item }) => {
    if (call === 'forget') return void limiter.forget(item)
    const answer = call === 'when' ? limiter.when(item) : limiter.numRequeues(item)
    if (typeof answer !== 'number' || !Number.isFinite(answer)) throw new Broken(`${call}(${show(item)}) returned ${show(answer)}, not a number`)
    return answer
  })
}

function callText(c: LimiterCall, answer: number | undefined): string {
  if (c.call === 'forget') return `forget(${c.item})`
  return c.call === 'when' ? `when(${c.item}) → ${answer} ms` : `numRequeues(${c.item}) → ${answer}`
}

function backoffFailure(problem: string, run: Backoff, reference: ReadonlyArray<number | undefined>, yours: ReadonlyArray<number | undefined>): Verdict {
  const lines = (answers: ReadonlyArray<number | undefined>) => run.calls.map((c, i) => `${String(i + 1).padStart(2)}. ${i < answers.length ? callText(c, answers[i]) : '—'}`)
  return fail([problem, '', `The limiter: base ${run.baseMs} ms, max ${run.maxMs} ms.`, '', sideBySide(lines(reference), lines(yours), ['client-go (reference)', 'your limiter'])].join('\n'))
}

function playLearner(run: Backoff, calls: readonly LimiterCall[]): Array<number | undefined> | string {
  try {
    return play(newLearnerLimiter(run.baseMs, run.maxMs), calls)
  } catch (error) {
    if (error instanceof Broken) return error.message
    throw error
  }
}

guarantee(
  'a failing item waits base × 2^failures, capped at the maximum',
  backoffRuns,
  (run) => {
    const reference = play(new ReferenceLimiter<string>(run.baseMs, run.maxMs), run.calls)
    const yours = playLearner(run, run.calls)
    if (typeof yours === 'string') return backoffFailure(`Your limiter gave an answer that is not one: ${yours}.`, run, reference, [])
    const i = reference.findIndex((answer, k) => answer !== yours[k])
    if (i < 0) return pass
    const { call, item } = run.calls[i]
    const failures = run.calls.slice(0, i + 1).filter((c) => c.call === 'when' && c.item === item).length
    const problem =
      call === 'when'
        ? `Call ${i + 1}, when(${item}), is failure number ${failures} of ${item}, which has failed ${failures - 1} time${failures === 2 ? '' : 's'} before: it must wait min(max, base × 2^${failures - 1}) = min(${run.maxMs}, ${run.baseMs} × ${2 ** (failures - 1)}) = ${reference[i]} ms. Your limiter said ${yours[i]} ms.`
        : `After ${failures} failure${failures === 1 ? '' : 's'} of ${item}, numRequeues(${item}) must be ${reference[i]}; your limiter said ${yours[i]}.`
    return backoffFailure(problem, run, reference, yours)
  },
  { runs: 150, describe: describeBackoff },
)

guarantee(
  'forget resets an item\'s backoff',
  forgetRuns,
  (run) => {
    const reference = play(new ReferenceLimiter<string>(run.baseMs, run.maxMs), run.calls)
    const yours = playLearner(run, run.calls)
    if (typeof yours === 'string') return backoffFailure(`Your limiter gave an answer that is not one: ${yours}.`, run, reference, [])
    // Each item's calls since its last forget must be answered as a brand-new limiter answers them:
    // a forgotten item starts over, and forgetting one item leaves the others alone.
    for (const item of distinct(run.calls.map((c) => c.item))) {
      let since: number[] = []
      for (let i = 0; i <= run.calls.length; i++) {
        const c = run.calls[i]
        if (i < run.calls.length && c.item !== item) continue
        if (i === run.calls.length || c.call === 'forget') {
          const fresh = playLearner(run, since.map((k) => run.calls[k]))
          if (typeof fresh === 'string') return backoffFailure(`Your limiter gave an answer that is not one: ${fresh}.`, run, reference, yours)
          const k = since.findIndex((callIndex, j) => fresh[j] !== yours[callIndex])
          if (k >= 0) {
            const at = since[k]
            const forgotten = run.calls.slice(0, at).map((x, n) => (x.call === 'forget' && x.item === item ? n + 1 : 0)).filter((n) => n > 0).at(-1)
            const context = forgotten
              ? `${item} was forgotten at call ${forgotten}, so from there it must start over as if it had never failed`
              : `${item} has never been forgotten, so forgetting other items must not change its count`
            return backoffFailure(`${context}. At call ${at + 1}, ${callText(run.calls[at], yours[at])} from your limiter, but a brand-new limiter of yours answers ${callText(run.calls[at], fresh[k])} there.`, run, reference, yours)
          }
          since = []
        } else since.push(i)
      }
    }
    return pass
  },
  { runs: 150, describe: describeBackoff },
)
