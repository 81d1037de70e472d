// Lesson 01 grader: the MVCC store, checked differentially. Random sequences of puts, deletes,
// ranges (now and at past revisions), transactions and compactions on a handful of keys run on the
// reference core (src/store/mvcc-core.ts, the same answers as MemoryStore) and on your MvccStore,
// step by step; every response is compared exactly (etcd is exact here), and every sequence ends by
// reading every key. The first step where the two differ decides which guarantee fails; each
// guarantee generates sequences that make its own corner cases common.
import fc from 'fast-check'
import { ReferenceMvccCore, type MvccCore } from '../../src/store/mvcc-core.ts'
import { intervalContains, NO_END, prefixEnd, toInterval } from '../../src/store/keys.ts'
import type { Compare, CompareResult, KeyRange, RangeRequest, RequestOp, TxnRequest, TxnResponse } from '../../src/store/requests.ts'
import { fail, guarantee, learnerCall, loadLearner, numbered, pass, sideBySide, type Verdict } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./mvcc.ts')>(import.meta.url, 'mvcc.ts')

// ── The situations ────────────────────────────────────────────────────────────────────────────

const KEYS = ['a', 'b', 'c', 'foo/1', 'foo/2']
const MISSING = 'd' // never written
const VALUES = ['red', 'green', 'blue']
const EVERY_KEY: KeyRange = { key: NO_END, rangeEnd: NO_END }
const RANGES: readonly KeyRange[] = [
  { key: 'a', rangeEnd: 'c' },
  { key: 'b', rangeEnd: 'foo/2' },
  { key: 'foo/', rangeEnd: prefixEnd('foo/') },
  { key: 'b', rangeEnd: NO_END },
  EVERY_KEY,
  { key: 'c', rangeEnd: 'a' }, // ends before it starts: nothing
]

/** A revision named relative to the store at the moment the step runs (resolved on the reference). */
type RevisionPick =
  | { readonly rel: 'back'; readonly n: number }
  | { readonly rel: 'now' | 'future' | 'compacted' | 'belowCompacted' | 'aboveCompacted' }

type CompareSpec =
  | { readonly key: string; readonly target: 'value'; readonly result: CompareResult; readonly operand: string | 'CURRENT' }
  | { readonly key: string; readonly target: 'version' | 'create' | 'mod'; readonly result: CompareResult; readonly delta: number; readonly zero: boolean }

type TxnOpSpec =
  | { readonly op: 'put'; readonly key: string; readonly value: string; readonly prevKv: boolean }
  | { readonly op: 'delete'; readonly range: KeyRange; readonly prevKv: boolean }
  | { readonly op: 'range'; readonly range: KeyRange; readonly limit: number }

type OpSpec =
  | { readonly op: 'put'; readonly key: string; readonly value: string; readonly prevKv: boolean }
  | { readonly op: 'delete'; readonly range: KeyRange; readonly prevKv: boolean }
  | { readonly op: 'range'; readonly range: KeyRange; readonly limit: number; readonly keysOnly: boolean; readonly countOnly: boolean; readonly at?: RevisionPick }
  | { readonly op: 'txn'; readonly compare: readonly CompareSpec[]; readonly success: readonly TxnOpSpec[]; readonly failure: readonly TxnOpSpec[] }
  | { readonly op: 'compact'; readonly at: RevisionPick }

const rec = <T,>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(shape, { noNullPrototype: true }) as fc.Arbitrary<T>

const keyArb = fc.constantFrom(...KEYS)
const valueArb = fc.constantFrom(...VALUES)
const targetArb: fc.Arbitrary<KeyRange> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KEYS, MISSING).map((key) => ({ key })) },
  { weight: 2, arbitrary: fc.constantFrom(...RANGES) },
)
const resultArb = fc.constantFrom<CompareResult>('=', '!=', '<', '>')

const putArb = rec<Extract<OpSpec, { op: 'put' }>>({ op: fc.constant('put'), key: keyArb, value: valueArb, prevKv: fc.boolean() })
const deleteArb = rec<Extract<OpSpec, { op: 'delete' }>>({ op: fc.constant('delete'), range: targetArb, prevKv: fc.boolean() })
const limitArb = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 }) })

const pastArb: fc.Arbitrary<RevisionPick> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }).map((n) => ({ rel: 'back' as const, n })) },
  { weight: 1, arbitrary: fc.constantFrom(...(['now', 'future', 'compacted', 'belowCompacted', 'aboveCompacted'] as const)).map((rel) => ({ rel })) },
)
const aroundCompactionArb: fc.Arbitrary<RevisionPick> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...(['compacted', 'belowCompacted', 'aboveCompacted'] as const)).map((rel) => ({ rel })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 4 }).map((n) => ({ rel: 'back' as const, n })) },
  { weight: 1, arbitrary: fc.constantFrom(...(['now', 'future'] as const)).map((rel) => ({ rel })) },
)

function rangeArb(at: fc.Arbitrary<RevisionPick | undefined>): fc.Arbitrary<OpSpec> {
  return fc
    .record(
      {
        range: targetArb,
        limit: limitArb,
        flag: fc.constantFrom('none', 'none', 'none', 'keysOnly', 'countOnly'),
        at,
      },
      { noNullPrototype: true },
    )
    .map(({ range, limit, flag, at }) => ({
      op: 'range' as const,
      range,
      limit: flag === 'countOnly' ? 0 : limit,
      keysOnly: flag === 'keysOnly',
      countOnly: flag === 'countOnly',
      ...(at === undefined ? {} : { at }),
    }))
}

const compareArb: fc.Arbitrary<CompareSpec> = fc.oneof(
  rec<Extract<CompareSpec, { target: 'value' }>>({
    key: fc.constantFrom(...KEYS, MISSING),
    target: fc.constant('value'),
    result: resultArb,
    operand: fc.constantFrom('CURRENT', 'CURRENT', '', ...VALUES),
  }),
  rec<Extract<CompareSpec, { target: 'version' | 'create' | 'mod' }>>({
    key: fc.constantFrom(...KEYS, MISSING),
    target: fc.constantFrom('version', 'create', 'mod'),
    result: resultArb,
    delta: fc.constantFrom(-1, 0, 0, 1),
    zero: fc.boolean(),
  }),
)

// The keys (of every key the grader uses) an op writes; the writes of one branch never share a key.
const UNIVERSE = [...KEYS, MISSING]
function footprint(op: TxnOpSpec): string[] {
  if (op.op === 'put') return [op.key]
  if (op.op === 'delete') return UNIVERSE.filter((k) => intervalContains(toInterval(op.range), k))
  return []
}

// A branch: an optional read first, then writes on distinct keys (etcd refuses a key written twice).
const branchArb: fc.Arbitrary<TxnOpSpec[]> = fc
  .tuple(
    fc.array(targetArb.chain((range) => limitArb.map((limit) => ({ op: 'range' as const, range, limit }))), { maxLength: 1 }),
    fc.array(fc.oneof({ weight: 3, arbitrary: putArb as fc.Arbitrary<TxnOpSpec> }, { weight: 2, arbitrary: deleteArb as fc.Arbitrary<TxnOpSpec> }), { maxLength: 3 }),
  )
  .map(([reads, writes]) => {
    const used = new Set<string>()
    const kept = writes.filter((w) => {
      const keys = footprint(w)
      if (keys.some((k) => used.has(k))) return false
      keys.forEach((k) => used.add(k))
      return true
    })
    return [...reads, ...kept]
  })

const txnArb: fc.Arbitrary<OpSpec> = rec<Extract<OpSpec, { op: 'txn' }>>({
  op: fc.constant('txn'),
  compare: fc.array(compareArb, { minLength: 0, maxLength: 2 }),
  success: branchArb,
  failure: branchArb,
})

interface Mix {
  readonly put: number
  readonly delete: number
  readonly range: number
  readonly pastRange: number
  readonly txn: number
  readonly compact: number
}

function opsArb(mix: Mix, maxLength = 12): fc.Arbitrary<OpSpec[]> {
  const choices: fc.WeightedArbitrary<OpSpec>[] = [
    { weight: mix.put, arbitrary: putArb },
    { weight: mix.delete, arbitrary: deleteArb },
    { weight: mix.range, arbitrary: rangeArb(fc.constant(undefined)) },
    { weight: mix.pastRange, arbitrary: rangeArb(mix.compact > 0 ? fc.oneof(pastArb, aroundCompactionArb) : pastArb) },
    { weight: mix.txn, arbitrary: txnArb },
    { weight: mix.compact, arbitrary: rec<Extract<OpSpec, { op: 'compact' }>>({ op: fc.constant('compact'), at: aroundCompactionArb }) },
  ].filter((c) => c.weight > 0)
  return fc.array(fc.oneof(...choices), { minLength: 1, maxLength })
}

// ── Resolving a step against the reference, and running it ─────────────────────────────────

/**
 * A read the grader adds: every key at the end of a run; every key before each compaction; and
 * after each compaction every key at the compacted revision and now (a compaction must change
 * nothing those reads see).
 */
type Probe = 'final' | 'before-compaction' | 'at-compaction' | 'after-compaction'

const PROBE_NOTES: Record<Probe, string> = {
  final: 'the grader reads every key at the end',
  'before-compaction': 'the grader reads every key before compacting',
  'at-compaction': 'the grader reads every key at the compacted revision',
  'after-compaction': 'the grader reads every key after the compaction',
}

/** One concrete request, exactly as both stores receive it. */
type Step =
  | { readonly kind: 'put'; readonly request: RequestOp & { type: 'put' } }
  | { readonly kind: 'deleteRange'; readonly request: RequestOp & { type: 'deleteRange' } }
  | { readonly kind: 'range'; readonly request: RangeRequest; readonly probe?: Probe }
  | { readonly kind: 'txn'; readonly request: TxnRequest }
  | { readonly kind: 'compact'; readonly revision: number }

function pick(at: RevisionPick, ref: ReferenceMvccCore): number {
  const now = ref.revision
  const compacted = ref.compactRevision
  switch (at.rel) {
    case 'back':
      return Math.max(1, now - at.n)
    case 'now':
      return now
    case 'future':
      return now + 1
    case 'compacted':
      return Math.max(1, compacted)
    case 'belowCompacted':
      return Math.max(1, compacted - 1)
    case 'aboveCompacted':
      return Math.min(now, compacted + 1)
  }
}

const withRange = (range: KeyRange) => (range.rangeEnd === undefined ? { key: range.key } : { key: range.key, rangeEnd: range.rangeEnd })

function resolveCompare(c: CompareSpec, ref: ReferenceMvccCore): Compare {
  const kv = ref.range({ key: c.key }).kvs[0]
  if (c.target === 'value') return { key: c.key, target: 'value', result: c.result, operand: c.operand === 'CURRENT' ? (kv?.value ?? VALUES[0]) : c.operand }
  const field = kv === undefined ? 0 : c.target === 'version' ? kv.version : c.target === 'create' ? kv.createRevision : kv.modRevision
  return { key: c.key, target: c.target, result: c.result, operand: c.zero ? 0 : Math.max(0, field + c.delta) }
}

function resolveTxnOp(op: TxnOpSpec): RequestOp {
  switch (op.op) {
    case 'put':
      return { type: 'put', key: op.key, value: op.value, ...(op.prevKv ? { prevKv: true } : {}) }
    case 'delete':
      return { type: 'deleteRange', ...withRange(op.range), ...(op.prevKv ? { prevKv: true } : {}) }
    case 'range':
      return { type: 'range', ...withRange(op.range), ...(op.limit > 0 ? { limit: op.limit } : {}) }
  }
}

function resolve(op: OpSpec, ref: ReferenceMvccCore): Step {
  switch (op.op) {
    case 'put':
    case 'delete': {
      const request = resolveTxnOp(op)
      return request.type === 'put' ? { kind: 'put', request } : { kind: 'deleteRange', request: request as RequestOp & { type: 'deleteRange' } }
    }
    case 'range': {
      const request: RangeRequest = {
        ...withRange(op.range),
        ...(op.limit > 0 ? { limit: op.limit } : {}),
        ...(op.keysOnly ? { keysOnly: true } : {}),
        ...(op.countOnly ? { countOnly: true } : {}),
        ...(op.at === undefined ? {} : { revision: pick(op.at, ref) }),
      }
      return { kind: 'range', request }
    }
    case 'txn':
      return {
        kind: 'txn',
        request: { compare: op.compare.map((c) => resolveCompare(c, ref)), success: op.success.map(resolveTxnOp), failure: op.failure.map(resolveTxnOp) },
      }
    case 'compact':
      return { kind: 'compact', revision: pick(op.at, ref) }
  }
}

type Outcome = { readonly ok: true; readonly response: unknown } | { readonly ok: false; readonly code: string }

function attempt(fn: () => unknown): Outcome {
  try {
    return { ok: true, response: fn() }
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    if (error instanceof Error && error.name === 'StoreError' && typeof code === 'string') return { ok: false, code }
    throw error
  }
}

function call(store: MvccCore, step: Step): () => unknown {
  switch (step.kind) {
    case 'put': {
      const { type: _, ...request } = step.request
      return () => store.put(request)
    }
    case 'deleteRange': {
      const { type: _, ...request } = step.request
      return () => store.deleteRange(request)
    }
    case 'range':
      return () => store.range(step.request)
    case 'txn':
      return () => store.txn(step.request)
    case 'compact':
      return () => store.compact(step.revision)
  }
}

// ── Describing requests and responses ─────────────────────────────────────────────────────────

const showKey = (key: string) => (key === NO_END ? '\\0' : key)
const showRange = (r: KeyRange) => (r.rangeEnd === undefined || r.rangeEnd === '' ? showKey(r.key) : `[${showKey(r.key)}, ${showKey(r.rangeEnd)})`)
const showValue = (v: unknown) => (v === '' ? '""' : String(v))

function describeOp(op: RequestOp): string {
  switch (op.type) {
    case 'put':
      return `put ${op.key}=${showValue(op.value)}${op.prevKv ? ' (prevKv)' : ''}`
    case 'deleteRange':
      return `delete ${showRange(op)}${op.prevKv ? ' (prevKv)' : ''}`
    case 'range': {
      const options = [op.limit ? `limit ${op.limit}` : '', op.keysOnly ? 'keysOnly' : '', op.countOnly ? 'countOnly' : '', op.revision ? `at revision ${op.revision}` : '']
      return ['range', showRange(op), ...options].filter(Boolean).join(' ')
    }
    case 'txn':
      return 'txn { … }'
  }
}

const describeCompare = (c: Compare) => `${showKey(c.key)}.${c.target} ${c.result} ${c.target === 'value' ? JSON.stringify(c.operand) : c.operand}`

function describeStep(step: Step): string {
  switch (step.kind) {
    case 'put':
    case 'deleteRange':
      return describeOp(step.request)
    case 'range':
      return step.probe ? `${describeOp({ type: 'range', ...step.request })}   (${PROBE_NOTES[step.probe]})` : describeOp({ type: 'range', ...step.request })
    case 'txn': {
      const { compare = [], success = [], failure = [] } = step.request
      const branch = (ops: readonly RequestOp[]) => `[${ops.map(describeOp).join('; ')}]`
      return `txn if ${compare.length === 0 ? '(no compares)' : compare.map(describeCompare).join(' and ')} then ${branch(success)} else ${branch(failure)}`
    }
    case 'compact':
      return `compact ${step.revision}`
  }
}

// What a response says, as rows of text, and the facts in it that a guarantee checks. Responses
// from your store are read defensively: any shape at all turns into text, never into a crash.
type Guarantee = 'writes' | 'reads' | 'remembers' | 'range' | 'past' | 'txn' | 'compaction'

interface Fact {
  readonly guarantee: Guarantee
  readonly what: string
  readonly text: string
}

interface Reading {
  readonly rows: string[]
  readonly facts: Fact[]
}

type Loose = { readonly [field: string]: unknown } | undefined
const loose = (x: unknown): Loose => (x !== null && typeof x === 'object' ? (x as Loose) : undefined)
const list = (x: unknown): unknown[] | undefined => (Array.isArray(x) ? x : undefined)
const kvText = (kv: Loose) =>
  `${showValue(kv?.key)}=${showValue(kv?.value)} · create ${kv?.createRevision} · mod ${kv?.modRevision} · version ${kv?.version}${kv?.lease === 0 ? '' : ` · lease ${kv?.lease}`}`

interface Classes {
  /** Who checks the set and order of keys. */
  readonly keys: Guarantee
  /** Who checks each kv's fields. */
  readonly fields: Guarantee
  /** Who checks values (the range guarantee when keysOnly blanks them). */
  readonly values: Guarantee
}

function readKvs(into: Reading, label: string, kvsRaw: unknown, indent: string, classes: Classes, prefix = ''): void {
  const kvs = list(kvsRaw)
  if (kvs === undefined) {
    into.rows.push(`${indent}${label}: ${String(kvsRaw)} (not a list)`)
    into.facts.push({ guarantee: classes.keys, what: label, text: `${String(kvsRaw)} (not a list)` })
    return
  }
  into.facts.push({ guarantee: classes.keys, what: `the keys in ${label}`, text: kvs.map((kv) => showValue(loose(kv)?.key)).join(', ') || '(none)' })
  for (const raw of kvs) {
    const kv = loose(raw)
    into.rows.push(`${indent}${prefix}${kvText(kv)}`)
    const key = showValue(kv?.key)
    into.facts.push({ guarantee: classes.values, what: `the value of ${key}`, text: showValue(kv?.value) })
    for (const field of ['createRevision', 'modRevision', 'version', 'lease']) {
      into.facts.push({ guarantee: classes.fields, what: `the ${field} of ${key}`, text: String(kv?.[field]) })
    }
  }
}

/** What the store did with the revision: the header of a write belongs to 'writes', of anything else to 'reads'. */
interface Context {
  /** The reference's revision before the step. */
  readonly before: number
  readonly wrote: boolean
  /** All facts of this response belong to one guarantee (a read at a past or the compacted revision). */
  readonly all?: Guarantee
}

function read(step: Step, outcome: Outcome, ctx: Context, refSubHeaders: readonly unknown[] = []): Reading {
  const reading: Reading = { rows: [], facts: [] }
  const g = (normal: Guarantee) => ctx.all ?? normal
  const headerOwner = g(ctx.wrote ? 'writes' : 'reads')
  const errorOwner: Guarantee =
    step.kind === 'compact' ? 'compaction' : step.kind === 'range' && ctx.all !== undefined ? ctx.all : step.kind === 'txn' ? 'txn' : step.kind === 'range' ? 'range' : 'writes'
  if (!outcome.ok) {
    reading.rows.push(`✗ StoreError '${outcome.code}'`)
    reading.facts.push({ guarantee: errorOwner, what: 'the outcome', text: `StoreError '${outcome.code}'` })
    return reading
  }
  reading.facts.push({ guarantee: errorOwner, what: 'the outcome', text: 'a response' })
  const r = loose(outcome.response)
  const revision = loose(r?.header)?.revision
  const kvClasses: Classes = { keys: g('range'), fields: g('remembers'), values: g('remembers') }
  switch (step.kind) {
    case 'compact':
      reading.rows.push(`rev ${revision}`)
      reading.facts.push({ guarantee: 'compaction', what: 'the header revision', text: String(revision) })
      return reading
    case 'put':
    case 'deleteRange':
    case 'range':
      readOp(reading, step.kind, step.request, r, '', headerOwner, kvClasses)
      return reading
    case 'txn': {
      reading.rows.push(`rev ${revision} · ${r?.succeeded === true ? 'succeeded (then)' : r?.succeeded === false ? 'failed (else)' : `succeeded: ${String(r?.succeeded)}`}`)
      reading.facts.push({ guarantee: 'txn', what: 'succeeded', text: String(r?.succeeded) })
      const topHeader: Fact = { guarantee: headerOwner, what: 'the header revision', text: String(revision) }
      const responses = list(r?.responses)
      if (responses === undefined) {
        reading.rows.push(`   responses: ${String(r?.responses)} (not a list)`)
        reading.facts.push({ guarantee: 'txn', what: 'the responses', text: `${String(r?.responses)} (not a list)` })
        reading.facts.push(topHeader)
        return reading
      }
      // What each op read or wrote comes first, then the revisions: a delete of the wrong keys also
      // moves the revision wrongly, and the keys are the cause.
      const headers: Fact[] = [topHeader]
      const ops = (r?.succeeded ? step.request.success : step.request.failure) ?? []
      reading.facts.push({ guarantee: 'txn', what: 'the number of responses', text: String(responses.length) })
      responses.forEach((raw, i) => {
        const sub = loose(raw)
        const op = ops[i]
        reading.facts.push({ guarantee: 'txn', what: `the type of response ${i + 1}`, text: String(sub?.type) })
        if (op === undefined || sub?.type !== op.type || op.type === 'txn') {
          reading.rows.push(`    ↳ ${String(sub?.type)} → rev ${loose(sub?.header)?.revision}`)
          return
        }
        // An op that leaves the revision where it was is a read (or a no-op delete); after the first change, the txn's revision.
        const refHeader = i < refSubHeaders.length ? refSubHeaders[i] : undefined
        readOp(reading, op.type, op, sub, `    ↳ ${op.type} → `, refHeader === ctx.before ? 'reads' : 'txn', kvClasses)
        const header = reading.facts.findIndex((f) => f.what.startsWith('the header revision'))
        headers.push(...reading.facts.splice(header, 1))
      })
      reading.facts.push(...headers)
      return reading
    }
  }
}

function readOp(reading: Reading, kind: 'put' | 'deleteRange' | 'range', request: Loose | RangeRequest, r: Loose, lead: string, headerOwner: Guarantee, kvClasses: Classes): void {
  const revision = loose(r?.header)?.revision
  const indent = ' '.repeat(lead.length + 3)
  reading.facts.push({ guarantee: headerOwner, what: `the header revision${lead ? ` of the ${kind} in the txn` : ''}`, text: String(revision) })
  switch (kind) {
    case 'put': {
      const prev = r?.prevKv
      reading.rows.push(`${lead}rev ${revision}${prev === undefined ? '' : ' · prevKv:'}`)
      reading.facts.push({ guarantee: kvClasses.fields, what: 'the prevKv', text: prev === undefined ? '(none)' : kvText(loose(prev)) })
      if (prev !== undefined) reading.rows.push(`${indent}${kvText(loose(prev))}`)
      return
    }
    case 'deleteRange': {
      // Which keys a delete covers comes first: deleting a wrong key also moves the revision wrongly.
      const header = reading.facts.pop()!
      reading.rows.push(`${lead}rev ${revision} · deleted ${r?.deleted}`)
      reading.facts.push({ guarantee: kvClasses.keys, what: 'the deleted count', text: String(r?.deleted) })
      readKvs(reading, 'prevKvs', r?.prevKvs, indent, kvClasses, 'prev ')
      reading.facts.push(header)
      return
    }
    case 'range': {
      const keysOnly = (request as RangeRequest | undefined)?.keysOnly === true
      reading.rows.push(`${lead}rev ${revision} · count ${r?.count}${r?.more === true ? ' · more' : r?.more === false ? '' : ` · more: ${String(r?.more)}`}`)
      reading.facts.push({ guarantee: kvClasses.keys, what: 'the count', text: String(r?.count) })
      reading.facts.push({ guarantee: kvClasses.keys, what: 'more', text: String(r?.more) })
      readKvs(reading, 'kvs', r?.kvs, indent, keysOnly ? { ...kvClasses, values: kvClasses.keys } : kvClasses)
      return
    }
  }
}

// ── Running both stores ───────────────────────────────────────────────────────────────────────

interface StepRecord {
  readonly step: Step
  readonly reference: Reading
  readonly yours: Reading
}

interface Difference {
  readonly at: number
  readonly guarantee: Guarantee
  readonly what: string
  readonly reference: string
  readonly yours: string
}

interface Run {
  readonly steps: StepRecord[]
  readonly difference?: Difference
}

const stepLabel = (step: Step) => `${step.kind === 'deleteRange' ? 'deleteRange' : step.kind}(…)`

function runBoth(ops: readonly OpSpec[]): Run {
  const ref = new ReferenceMvccCore()
  const mine = learnerCall('new MvccStore()', () => new learner.MvccStore()) as MvccCore
  const steps: StepRecord[] = []
  const queue: (OpSpec | Step)[] = [
    ...ops.flatMap((op): (OpSpec | Step)[] => (op.op === 'compact' ? [{ kind: 'range', request: { ...EVERY_KEY }, probe: 'before-compaction' }, op] : [op])),
    { kind: 'range', request: { ...EVERY_KEY }, probe: 'final' },
  ]
  for (let i = 0; i < queue.length; i++) {
    const next = queue[i]
    const step: Step = 'kind' in next ? next : resolve(next, ref)
    const before = ref.revision
    const compacted = ref.compactRevision
    const refOutcome = attempt(call(ref, step))
    const inputs = step.kind === 'compact' ? [] : [step.request]
    const yourOutcome = learnerCall(`At step ${i + 1}, MvccStore.${stepLabel(step)}`, () => attempt(call(mine, step)), inputs)
    if (step.kind === 'compact' && refOutcome.ok) {
      queue.splice(i + 1, 0, { kind: 'range', request: { ...EVERY_KEY, revision: step.revision }, probe: 'at-compaction' }, { kind: 'range', request: { ...EVERY_KEY }, probe: 'after-compaction' })
    }
    const readAt = step.kind === 'range' ? (step.request.revision ?? 0) : 0
    const ctx: Context = {
      before,
      wrote: ref.revision > before,
      ...(step.kind === 'range' && step.probe === 'after-compaction' ? { all: 'compaction' as const } : {}),
      ...(readAt > 0 && readAt === compacted ? { all: 'compaction' as const } : {}),
      ...(readAt > 0 && readAt < compacted ? { all: 'compaction' as const } : {}),
      ...(readAt > 0 && readAt > compacted && readAt !== before ? { all: 'past' as const } : {}),
    }
    const refSubHeaders = refOutcome.ok && step.kind === 'txn' ? (refOutcome.response as TxnResponse).responses.map((r) => r.header.revision) : []
    const reference = read(step, refOutcome, ctx, refSubHeaders)
    const yours = read(step, yourOutcome, ctx, refSubHeaders)
    steps.push({ step, reference, yours })
    const n = Math.max(reference.facts.length, yours.facts.length)
    for (let f = 0; f < n; f++) {
      const a = reference.facts[f]
      const b = yours.facts[f]
      if (a?.text !== b?.text || a?.what !== b?.what) {
        const owner = a ?? b
        return { steps, difference: { at: i, guarantee: owner.guarantee, what: owner.what, reference: a?.text ?? '(nothing)', yours: b?.what === owner.what ? b.text : '(nothing)' } }
      }
    }
  }
  return { steps }
}

function report(run: Run): string {
  const d = run.difference!
  const failing = run.steps[d.at]
  const opLines = numbered(run.steps.map((s) => describeStep(s.step)))
  const rows = (side: 'reference' | 'yours') =>
    run.steps.flatMap((s, i) => s[side].rows.map((row, j) => (j === 0 ? `${String(i + 1).padStart(2)}. ${row}` : `    ${row}`)))
  return [
    `At step ${d.at + 1} (${describeStep(failing.step)}), ${d.what} differs: etcd says ${d.reference}, your store says ${d.yours}.`,
    '',
    'The steps, on a new store (revision 1):',
    opLines,
    '',
    'What each step answered (rev: the header revision; create, mod: createRevision, modRevision):',
    sideBySide(rows('reference'), rows('yours'), ['etcd (the reference)', 'your MvccStore']),
  ].join('\n')
}

/** The steps of a run as a numbered list (resolved on the reference), for when your store threw. */
function describeOps(ops: readonly OpSpec[]): string {
  const ref = new ReferenceMvccCore()
  const steps = ops.map((op) => {
    const step = resolve(op, ref)
    try {
      call(ref, step)()
    } catch {
      // an error is an answer too; the step still belongs to the list
    }
    return describeStep(step)
  })
  return `The steps, on a new store (revision 1):\n${numbered(steps)}`
}

function holds(guarantee: Guarantee): (ops: OpSpec[]) => Verdict {
  return (ops) => {
    const run = runBoth(ops)
    if (run.difference === undefined || run.difference.guarantee !== guarantee) return pass
    return fail(report(run))
  }
}

// ── The guarantees ────────────────────────────────────────────────────────────────────────────

guarantee(
  'every write transaction moves the revision up by exactly one',
  opsArb({ put: 4, delete: 2, range: 1, pastRange: 0, txn: 4, compact: 0 }),
  holds('writes'),
  { runs: 100, describe: describeOps },
)

guarantee(
  'reads and no-op deletes leave the revision where it is',
  opsArb({ put: 3, delete: 3, range: 3, pastRange: 1, txn: 3, compact: 0 }),
  holds('reads'),
  { runs: 100, describe: describeOps },
)

guarantee(
  'a key remembers its create revision, mod revision and version, and a delete resets its version',
  opsArb({ put: 5, delete: 2, range: 3, pastRange: 0, txn: 1, compact: 0 }),
  holds('remembers'),
  { runs: 100, describe: describeOps },
)

guarantee(
  'a range returns exactly the keys in [key, rangeEnd), in key order, honouring limit, count and keysOnly',
  opsArb({ put: 4, delete: 2, range: 4, pastRange: 0, txn: 1, compact: 0 }),
  holds('range'),
  { runs: 100, describe: describeOps },
)

guarantee(
  'a read at a past revision sees the store as it was then, and one beyond the current revision fails',
  opsArb({ put: 4, delete: 2, range: 1, pastRange: 4, txn: 1, compact: 0 }),
  holds('past'),
  { runs: 100, describe: describeOps },
)

guarantee(
  "a transaction's compares choose the branch etcd would choose, and its writes share one revision",
  opsArb({ put: 3, delete: 1, range: 1, pastRange: 0, txn: 5, compact: 0 }),
  holds('txn'),
  { runs: 100, describe: describeOps },
)

guarantee(
  'compaction forgets history below its revision: older reads fail as compacted, reads at it still work',
  opsArb({ put: 4, delete: 1, range: 1, pastRange: 3, txn: 1, compact: 3 }),
  holds('compaction'),
  { runs: 100, describe: describeOps },
)
