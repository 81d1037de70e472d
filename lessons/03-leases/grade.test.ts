// Lesson 03 grader: your lessor inside the reference store (src/store/memory-store.ts),
// against the reference lessor (src/store/lessor.ts), on generated timelines of grants,
// keep-alives, revokes, puts, deletes, time-to-live queries and waits on a virtual clock. Waits
// are aimed at the reference's lease deadlines — a millisecond before, on, and after them — so an
// expiry that is a tick early or late shows. After every step the grader compares the answer (or
// error code), the keys that vanished and the revision they vanished at, and the store's keys and
// revision. Each guarantee generates the timelines its rule needs and fails with the timeline,
// the reference beside your lessor, the first difference marked.
import fc from 'fast-check'
import { VirtualClock } from '../../src/sim/virtual-clock.ts'
import { StoreError } from '../../src/store/errors.ts'
import { MAX_LEASE_TTL_SECONDS, type Lease, type LessorOptions } from '../../src/store/lessor.ts'
import { MemoryStore } from '../../src/store/memory-store.ts'
import type { StoreLessor } from '../../src/store/store-lessor.ts'
import { referenceWorld, runLeaseTimeline, type LeaseStep, type LeaseWorld, type TimelineRow } from '../../src/store/lease-timeline.ts'
import { describeRow, describeStep, formatTime, type RenderOptions } from '../../src/store/lease-timeline-text.ts'
import { fail, guarantee, learnerCall, LearnerFault, loadLearner, numbered, pass, show, type Verdict } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./lessor.ts')>(import.meta.url, 'lessor.ts')

// ── Your lessor, guarded ──────────────────────────────────────────────────────────────────────────

/** Where in the lesson or solution folder an error was thrown, for the message. */
function whereThrown(error: Error): string {
  const frame = (error.stack ?? '').split('\n').find((line) => /^\s+at /.test(line) && /(lessons|solutions)\//.test(line) && !/grade\.test\.ts/.test(line))
  return frame === undefined ? '' : `\n  ${frame.trim().replace(/\((?:file:\/\/)?\S*?\/((?:lessons|solutions)\/)/, '($1')}`
}

/** One call into your lessor: a StoreError is an answer (passed on to the store), anything else a fault. */
function call<R>(label: string, fn: () => R, check: (result: R) => string | undefined = () => undefined): R {
  let answer: StoreError | undefined
  const result = learnerCall(label, () => {
    try {
      return fn()
    } catch (error) {
      if (error instanceof StoreError) {
        answer = error
        return undefined as R
      }
      // A plain Error is most likely meant as an expected failure; say how to write one.
      if (error instanceof Error && error.constructor === Error) {
        throw new LearnerFault('threw', `${label}: it threw Error: ${error.message}${whereThrown(error)}\nAn expected failure is a StoreError with a code: throw new StoreError('lease-not-found') (or 'lease-exists', 'lease-ttl-too-large').`)
      }
      throw error
    }
  })
  if (answer !== undefined) throw answer
  const problem = check(result)
  if (problem !== undefined) throw new LearnerFault('threw', `${label} returned ${show(result)}: ${problem}`)
  return result
}

const isLease = (l: unknown): l is Lease =>
  typeof l === 'object' && l !== null && Number.isFinite((l as Lease).id) && Number.isFinite((l as Lease).ttlSeconds) && Number.isFinite((l as Lease).expiryMs) && typeof (l as Lease).keys?.[Symbol.iterator] === 'function'
const LEASE_SHAPE = 'a lease is { id, ttlSeconds, expiryMs, keys } with keys a Set of strings'

function guarded(lessor: StoreLessor): StoreLessor {
  return {
    grant: (id, ttl) => call(`Lessor.grant(${id}, ${ttl})`, () => lessor.grant(id, ttl), (l) => (!isLease(l) ? LEASE_SHAPE : l.id !== id ? `the lease must have the id asked for, ${id}` : undefined)),
    revoke: (id) => call(`Lessor.revoke(${id})`, () => lessor.revoke(id)),
    renew: (id) => call(`Lessor.renew(${id})`, () => lessor.renew(id), (ttl) => (Number.isInteger(ttl) ? undefined : 'renew returns the TTL in whole seconds')),
    lookup: (id) => call(`Lessor.lookup(${id})`, () => lessor.lookup(id), (l) => (l === undefined || isLease(l) ? undefined : `${LEASE_SHAPE}, or undefined`)),
    remainingSeconds: (lease) => call(`Lessor.remainingSeconds(lease ${lease.id})`, () => lessor.remainingSeconds(lease), (n) => (Number.isInteger(n) ? undefined : 'it must be whole seconds')),
    leases: () => call('Lessor.leases()', () => lessor.leases(), (ls) => (Array.isArray(ls) && ls.every(isLease) ? undefined : `it must be an array of leases; ${LEASE_SHAPE}`)),
    attach: (id, key) => call(`Lessor.attach(${id}, ${show(key)})`, () => lessor.attach(id, key)),
    detach: (id, key) => call(`Lessor.detach(${id}, ${show(key)})`, () => lessor.detach(id, key)),
  }
}

function learnerWorld(minLeaseTtlSeconds: number): LeaseWorld {
  const clock = new VirtualClock()
  const build = (options: LessorOptions) => guarded(call('new Lessor(options)', () => new learner.Lessor(options)))
  const store = new MemoryStore({ clock, minLeaseTtlSeconds, lessor: build })
  return {
    store,
    now: () => clock.now(),
    // Your timers run inside advance; whatever they throw, a StoreError included, is a fault.
    advance: (ms) => {
      const from = clock.now()
      learnerCall(`a timer your lessor set (the clock was moving from ${formatTime(from)} to ${formatTime(from + ms)})`, () => clock.advance(ms))
    },
  }
}

// ── Running and comparing ─────────────────────────────────────────────────────────────────────────

interface Timeline {
  /** The store's minimum lease TTL, in seconds. */
  readonly minTtl: number
  readonly steps: readonly LeaseStep[]
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i])
const ascending = (xs: readonly number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x)

/**
 * Freedom etcd has: leases with the same deadline may be listed, and may expire, in any order. When
 * your row differs from the reference's only by such an order, it is shown as the reference's.
 */
function allowTies(reference: readonly TimelineRow[], yours: readonly TimelineRow[]): TimelineRow[] {
  return yours.map((row, i) => {
    const ref = reference[i]
    if (ref === undefined) return row
    const deadline = (id: number | undefined) => (id === undefined ? Infinity : (ref.deadlinesBefore.get(id) ?? Infinity))
    let out = row
    if (row.outcome.type === 'leases' && ref.outcome.type === 'leases') {
      const mine = row.outcome.ids
      if (sameList([...mine].sort(), [...ref.outcome.ids].sort()) && ascending(mine.map(deadline))) out = { ...out, outcome: ref.outcome }
    }
    const groups = (r: TimelineRow) => r.vanished.map((v) => v.keys.join(' ')).sort()
    if (row.vanished.length > 1 && sameList(row.vanished.map((v) => v.revision), ref.vanished.map((v) => v.revision)) && sameList(groups(row), groups(ref))) {
      const leaseBefore = new Map((yours[i - 1]?.keys ?? []).map((k) => [k.key, k.lease]))
      if (ascending(row.vanished.map((v) => deadline(leaseBefore.get(v.keys[0]))))) out = { ...out, vanished: ref.vanished }
    }
    return out
  })
}

const LEGEND = [
  'Time is the virtual clock after each step. Each cell is what a client saw, then ⇒ the store after the step:',
  'its keys, a lease in brackets — a(1) is key a on lease 1 — and @N its revision. "gone a b @4": keys a and b',
  'were deleted together, in revision 4. "3 of 5 s": 3 s left of a 5 s TTL.',
]

/** A wait aimed at a deadline reads `wait 2.001 s (lease 1's deadline + 1 ms)`. */
function describeAction(planned: LeaseStep, ran: LeaseStep): string {
  if (planned.type !== 'waitForDeadline' || ran.type !== 'wait') return describeStep(ran)
  const offset = planned.offsetMs === 0 ? '' : ` ${planned.offsetMs > 0 ? '+' : '−'} ${Math.abs(planned.offsetMs)} ms`
  return `${describeStep(ran)} (lease ${planned.id}'s deadline${offset})`
}

function timelineTable(timeline: Timeline, reference: readonly TimelineRow[], yours: readonly TimelineRow[], lens: RenderOptions, first: number): string {
  const shown = Math.min(Math.max(reference.length, yours.length), first + 3)
  const rows = Array.from({ length: shown }, (_, i) => {
    const step = reference[i]?.step ?? yours[i]?.step
    return {
      mark: i === first ? '≠' : ' ',
      n: String(i + 1),
      time: formatTime(reference[i]?.atMs ?? yours[i]?.atMs ?? 0),
      action: step ? describeAction(timeline.steps[i], step) : '',
      ref: reference[i] ? describeRow(reference[i], lens) : '—',
      mine: yours[i] ? describeRow(yours[i], lens) : '—',
    }
  })
  const width = (pick: (r: (typeof rows)[number]) => string, title: string) => Math.max(title.length, ...rows.map((r) => pick(r).length))
  const w = { n: width((r) => r.n, '#'), time: width((r) => r.time, 'time'), action: width((r) => r.action, 'action'), ref: width((r) => r.ref, 'reference') }
  const line = (mark: string, n: string, time: string, action: string, ref: string, mine: string) =>
    `${mark} ${n.padStart(w.n)}  ${time.padStart(w.time)}  ${action.padEnd(w.action)}  ${ref.padEnd(w.ref)} │ ${mine}`
  const out = [line(' ', '#', 'time', 'action', 'reference', 'your lessor'), `  ${'─'.repeat(w.n + w.time + w.action + w.ref + 6)}─┼─${'─'.repeat(11)}`]
  for (const r of rows) out.push(line(r.mark, r.n, r.time, r.action, r.ref, r.mine))
  if (shown < reference.length) out.push(`  … ${reference.length - shown} more steps`)
  return out.join('\n')
}

/** Run the timeline on the reference, then the same steps (waits resolved) on your lessor, and compare. */
async function compare(timeline: Timeline, lens: RenderOptions, rule: string): Promise<Verdict> {
  const reference = await runLeaseTimeline(referenceWorld(timeline.minTtl), timeline.steps)
  const yours = allowTies(reference, await runLeaseTimeline(learnerWorld(timeline.minTtl), reference.map((r) => r.step)))
  const refText = reference.map((r) => describeRow(r, lens))
  const yourText = yours.map((r) => describeRow(r, lens))
  const first = refText.findIndex((t, i) => t !== yourText[i])
  if (first < 0) return pass
  const at = `step ${first + 1}, ${describeAction(timeline.steps[first], reference[first].step)}, at ${formatTime(reference[first].atMs)}`
  const deadlines = [...reference[first].deadlinesBefore].sort(([a], [b]) => a - b).map(([id, ms]) => `lease ${id} at ${formatTime(ms)}`)
  return fail(
    [
      rule,
      '',
      `The first difference is at ${at}:`,
      `  reference:   ${refText[first]}`,
      `  your lessor: ${yourText[first]}`,
      `Deadlines just before that step (reference): ${deadlines.length > 0 ? deadlines.join(', ') : 'no live leases'}.`,
      '',
      `The store's minimum lease TTL is ${timeline.minTtl} s.${lens.revisions ? '' : ' Revisions are left out here: this guarantee is not about them.'}`,
      ...LEGEND,
      '',
      timelineTable(timeline, reference, yours, lens, first),
    ].join('\n'),
  )
}

const describeTimeline = (t: Timeline) => `minimum lease TTL ${t.minTtl} s; steps:\n${numbered(t.steps.map(describeStep))}`

// ── Timelines ─────────────────────────────────────────────────────────────────────────────────────

const NP = { noNullPrototype: true } as const
const leaseIds = fc.constantFrom(1, 2, 3)
const keys = fc.constantFrom('a', 'b', 'c', 'd')

const grant = (ttl: fc.Arbitrary<number>): fc.Arbitrary<LeaseStep> => fc.record({ type: fc.constant('grant' as const), id: leaseIds, ttl }, NP)
const put = (lease: fc.Arbitrary<number>): fc.Arbitrary<LeaseStep> => fc.record({ type: fc.constant('put' as const), key: keys, lease }, NP)
const del: fc.Arbitrary<LeaseStep> = fc.record({ type: fc.constant('delete' as const), key: keys }, NP)
const keepAlive: fc.Arbitrary<LeaseStep> = fc.record({ type: fc.constant('keepAlive' as const), id: leaseIds }, NP)
const revoke: fc.Arbitrary<LeaseStep> = fc.record({ type: fc.constant('revoke' as const), id: leaseIds }, NP)
const timeToLive = (withKeys: fc.Arbitrary<boolean>): fc.Arbitrary<LeaseStep> => fc.record({ type: fc.constant('timeToLive' as const), id: leaseIds, keys: withKeys }, NP)
const leases: fc.Arbitrary<LeaseStep> = fc.constant({ type: 'leases' })
const wait = (ms: fc.Arbitrary<number>): fc.Arbitrary<LeaseStep> => fc.record({ type: fc.constant('wait' as const), ms }, NP)
const untilDeadline = (offsetMs: fc.Arbitrary<number>): fc.Arbitrary<LeaseStep> => fc.record({ type: fc.constant('waitForDeadline' as const), id: leaseIds, offsetMs }, NP)
const wholeSeconds = (min: number, max: number) => fc.integer({ min, max }).map((s) => s * 1000)

type Weighted = readonly (readonly [fc.Arbitrary<LeaseStep>, number])[]

/** An opening (grants, usually some keys on them), then weighted random steps. */
function timelines(options: { minTtl: fc.Arbitrary<number>; opening: fc.Arbitrary<LeaseStep[]>; steps: Weighted; maxSteps: number }): fc.Arbitrary<Timeline> {
  const step = fc.oneof(...options.steps.map(([arbitrary, weight]) => ({ arbitrary, weight })))
  return fc.record({ minTtl: options.minTtl, steps: fc.tuple(options.opening, fc.array(step, { maxLength: options.maxSteps })).map(([a, b]) => [...a, ...b]) }, NP)
}

/**
 * Puts where each key keeps one lease for the whole timeline (a and b on lease 1, c and d on 2, e
 * on 3), so keys change hands only where a guarantee wants them to.
 */
const KEY_LEASE: Readonly<Record<string, number>> = { a: 1, b: 1, c: 2, d: 2, e: 3 }
const putOwn: fc.Arbitrary<LeaseStep> = fc.constantFrom(...Object.keys(KEY_LEASE)).map((key) => ({ type: 'put', key, lease: KEY_LEASE[key] }))

/** One to three grants, then a few puts on those leases. */
const opening = (ttl: fc.Arbitrary<number>, puts: fc.Arbitrary<LeaseStep> = putOwn, maxPuts = 4) =>
  fc.tuple(fc.array(grant(ttl), { minLength: 1, maxLength: 3 }), fc.array(puts, { maxLength: maxPuts })).map(([g, p]) => [...g, ...p])

/** Leases 1, 2 and 3 granted, then a few puts on them: every step on a lease finds it live at first. */
const openingAll = (ttl: fc.Arbitrary<number>, maxPuts = 4, puts: fc.Arbitrary<LeaseStep> = putOwn) =>
  fc.tuple(fc.tuple(ttl, ttl, ttl), fc.array(puts, { minLength: 1, maxLength: maxPuts })).map(([ttls, p]): LeaseStep[] => [...ttls.map((t, i): LeaseStep => ({ type: 'grant', id: i + 1, ttl: t })), ...p])

// Revisions are shown only where the guarantee is about them; elsewhere a wrong revision count
// would be reported under a rule that has nothing to do with it.
const withRevisions: RenderOptions = { revisions: true }
const withoutRevisions: RenderOptions = { revisions: false }

// ── Guarantees ────────────────────────────────────────────────────────────────────────────────────

guarantee(
  'a lease is granted the TTL it asks for, raised to the minimum TTL',
  timelines({
    minTtl: fc.constantFrom(1, 2, 3, 5),
    opening: fc.array(grant(fc.constantFrom(0, 1, 2, 3, 4, 5)), { minLength: 1, maxLength: 2 }),
    steps: [
      [grant(fc.constantFrom(0, 1, 2, 3, 4, 5, 10, 60, MAX_LEASE_TTL_SECONDS, MAX_LEASE_TTL_SECONDS + 1)), 5],
      [timeToLive(fc.constant(false)), 2],
      [leases, 2],
      [revoke, 1],
    ],
    maxSteps: 8,
  }),
  (t) =>
    compare(
      t,
      withoutRevisions,
      `A grant gets the TTL it asks for, but never less than the store's minimum TTL (LessorOptions.minTtlSeconds, ${t.minTtl} s here). A TTL above ${MAX_LEASE_TTL_SECONDS} s is refused with lease-ttl-too-large (checked first); an ID already live is refused with lease-exists. Leases are listed soonest deadline first.`,
    ),
  { runs: 60, describe: describeTimeline },
)

guarantee(
  'a lease expires exactly when its TTL runs out, not a tick early nor late',
  timelines({
    minTtl: fc.constant(2),
    // Start off the whole second, so deadlines fall between the ticks of any periodic check.
    opening: fc.tuple(wait(fc.integer({ min: 1, max: 999 })), openingAll(fc.integer({ min: 2, max: 5 }))).map(([w, o]) => [w, ...o]),
    steps: [
      [putOwn, 3],
      [untilDeadline(fc.constantFrom(-1, 0, 1)), 4],
      [wait(fc.integer({ min: 1, max: 1500 })), 1],
      [grant(fc.integer({ min: 2, max: 5 })), 1],
    ],
    maxSteps: 12,
  }),
  (t) =>
    compare(
      t,
      withoutRevisions,
      "A lease's deadline is the moment of its grant (or last keep-alive) plus its TTL. At that moment — not a millisecond before, not after — it is revoked and its keys vanish.",
    ),
  { runs: 90, describe: describeTimeline },
)

guarantee(
  "a lease's keys vanish together, in one revision, when it expires",
  timelines({
    minTtl: fc.constant(2),
    opening: openingAll(fc.integer({ min: 2, max: 5 }), 6),
    steps: [
      [putOwn, 4],
      [untilDeadline(fc.constant(1000)), 3],
      [wait(wholeSeconds(1, 3)), 1],
      [grant(fc.integer({ min: 2, max: 5 })), 1],
    ],
    maxSteps: 10,
  }),
  (t) =>
    compare(
      t,
      withRevisions,
      'When a lease expires, every key attached to it must be deleted in one revision — one deleteKeys call with all of them — so that a watcher sees them vanish together.',
    ),
  { runs: 70, describe: describeTimeline },
)

guarantee(
  'a keep-alive restarts the full TTL',
  timelines({
    minTtl: fc.constant(2),
    opening: openingAll(fc.integer({ min: 2, max: 6 }), 3),
    steps: [
      [keepAlive, 4],
      [wait(wholeSeconds(1, 4)), 4],
      [timeToLive(fc.constant(false)), 3],
      [putOwn, 2],
      [grant(fc.integer({ min: 2, max: 6 })), 1],
    ],
    maxSteps: 14,
  }),
  (t) =>
    compare(
      t,
      withoutRevisions,
      "A keep-alive (renew) moves the lease's deadline to now + its full TTL: the time left is the whole TTL again, and the lease expires exactly that long after the keep-alive — not at its old deadline, and not at the old deadline plus the TTL.",
    ),
  { runs: 90, describe: describeTimeline },
)

guarantee(
  'revoking a lease deletes its keys in one revision',
  timelines({
    minTtl: fc.constant(2),
    opening: opening(fc.constantFrom(30, 60)),
    steps: [
      [putOwn, 4],
      [revoke, 3],
      [timeToLive(fc.constant(true)), 1],
      [leases, 1],
      [grant(fc.constantFrom(30, 60)), 1],
    ],
    maxSteps: 12,
  }),
  (t) =>
    compare(
      t,
      withRevisions,
      'Revoking a lease forgets it and deletes every key attached to it in one revision (one deleteKeys call); a lease with no keys takes no revision. Revoking a lease that is not live fails with lease-not-found.',
    ),
  { runs: 60, describe: describeTimeline },
)

guarantee(
  'a key put without the lease, or deleted, no longer belongs to it',
  timelines({
    minTtl: fc.constant(2),
    opening: opening(fc.constant(60), put(leaseIds)),
    steps: [
      [put(fc.constantFrom(0, 0, 1, 2, 3)), 5],
      [del, 2],
      [timeToLive(fc.constant(true)), 3],
      [revoke, 2],
      [grant(fc.constant(60)), 1],
    ],
    maxSteps: 12,
  }),
  (t) =>
    compare(
      t,
      withRevisions,
      'A put with a lease attaches the key to that lease. Putting the key again without it (or with another lease), or deleting it, detaches it: the lease no longer lists it, and revoking the lease leaves it alone.',
    ),
  { runs: 80, describe: describeTimeline },
)

guarantee(
  'time-to-live reports the remaining TTL, the granted TTL and the attached keys',
  timelines({
    minTtl: fc.constantFrom(1, 2, 3, 5),
    opening: openingAll(fc.integer({ min: 0, max: 8 }), 4, put(leaseIds)),
    steps: [
      [timeToLive(fc.boolean()), 5],
      [wait(fc.integer({ min: 1, max: 2500 })), 3],
      [untilDeadline(fc.integer({ min: -1500, max: -2 })), 2],
      [put(fc.constantFrom(0, 1, 2, 3)), 3],
      [del, 1],
      [keepAlive, 1],
      [grant(fc.integer({ min: 0, max: 8 })), 1],
    ],
    maxSteps: 14,
  }),
  (t) =>
    compare(
      t,
      withoutRevisions,
      "Time-to-live answers the whole seconds left before the lease's deadline, rounded down as etcd rounds (4.999 s left is 4), the TTL it was granted, and, when asked, its keys in key order. A lease that is gone answers \"no such lease\" (ttl -1).",
    ),
  { runs: 90, describe: describeTimeline },
)

guarantee(
  'an expired or revoked lease cannot be kept alive',
  timelines({
    minTtl: fc.constant(2),
    opening: openingAll(fc.constantFrom(2, 3), 3),
    steps: [
      [untilDeadline(fc.constantFrom(0, 1, 700)), 3],
      [keepAlive, 4],
      [revoke, 2],
      [leases, 2],
      [putOwn, 2],
      [timeToLive(fc.constant(false)), 1],
      [grant(fc.constantFrom(2, 3)), 1],
    ],
    maxSteps: 12,
  }),
  (t) =>
    compare(
      t,
      withoutRevisions,
      'Once a lease has expired (its deadline has come) or been revoked, it is gone: a keep-alive fails with lease-not-found, it is not listed, and a put on it fails with lease-not-found.',
    ),
  { runs: 80, describe: describeTimeline },
)
