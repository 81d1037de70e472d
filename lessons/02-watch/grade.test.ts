// Lesson 02 grader: the watch hub, checked differentially. Each situation is a story of writes,
// transactions, compactions, watches (from now, the past, the future, or below the compaction, on
// keys, prefixes, ranges and everything, with prevKv and filters), progress requests and cancels.
// It is played on the reference store (MemoryStore, whose watches are src/store/watchable-store.ts)
// and on the same store with your hub plugged in (PluggableWatchStore); at the end every live
// watch asks for progress. Then each watch's stream is compared with the reference's, exactly,
// except where etcd has freedom (how a catch-up spanning several revisions is split into
// responses). A failure names the watch guarantee it breaks as etcd's robustness suite does
// (tests/robustness/validate/watch.go; sentences in src/store/watch-guarantees.ts) and shows the
// story as a timeline, with the reference's stream beside yours.
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { VirtualClock } from '../../src/sim/virtual-clock.ts'
import { MemoryStore } from '../../src/store/memory-store.ts'
import { PluggableWatchStore } from '../../src/store/pluggable-watch-store.ts'
import type { WatchHub } from '../../src/store/watch-hub.ts'
import { intervalContains, NO_END, prefixEnd, toInterval } from '../../src/store/keys.ts'
import type { Event, KeyValue } from '../../src/store/key-value.ts'
import type { KeyRange } from '../../src/store/requests.ts'
import type { Watch, WatchFilter, WatchRequest, WatchResponse } from '../../src/store/watch-messages.ts'
import { guaranteeSentences, type WatchGuarantee } from '../../src/store/watch-guarantees.ts'
import { fail, guarantee, learnerCall, loadLearner, numbered, pass, show, sideBySide, type Verdict } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./watch.ts')>(import.meta.url, 'watch.ts')

// ── Stories ───────────────────────────────────────────────────────────────────────────────────

type Write = { readonly op: 'put'; readonly key: string; readonly value: string } | { readonly op: 'delete'; readonly key: string }
type Start =
  | { readonly from: 'now'; readonly zero: boolean }
  | { readonly from: 'past'; readonly back: number }
  | { readonly from: 'future'; readonly ahead: number }
  | { readonly from: 'compaction'; readonly delta: number }
type Step =
  | Write
  | { readonly op: 'deletePrefix'; readonly prefix: string }
  | { readonly op: 'txn'; readonly writes: readonly Write[] }
  | { readonly op: 'compact'; readonly back: number }
  | { readonly op: 'watch'; readonly range: string; readonly start: Start; readonly prevKv: boolean; readonly filter: WatchFilter | 'none' }
  | { readonly op: 'progress'; readonly watch: number }
  | { readonly op: 'cancel'; readonly watch: number }

// Few keys, so writes overwrite and delete existing keys often; 'b' and 'b/1' sit exactly at range ends.
const KEYS = ['a', 'a/1', 'a/2', 'b', 'b/1', 'c']
const RANGES: Record<string, KeyRange> = {
  'key a': { key: 'a' },
  'key b/1': { key: 'b/1' },
  'prefix a': { key: 'a', rangeEnd: prefixEnd('a') },
  'prefix a/': { key: 'a/', rangeEnd: prefixEnd('a/') },
  'a/2 up to b/1': { key: 'a/2', rangeEnd: 'b/1' },
  'b and after': { key: 'b', rangeEnd: NO_END },
  everything: { key: NO_END, rangeEnd: NO_END },
}
const RANGE_NAMES = Object.keys(RANGES)

const o = { noNullPrototype: true } as const
const key = fc.constantFrom(...KEYS)
const put = fc.record({ op: fc.constant('put' as const), key, value: fc.constantFrom('x', 'y', 'z') }, o)
const del = fc.record({ op: fc.constant('delete' as const), key }, o)
const write: fc.Arbitrary<Write> = fc.oneof({ weight: 3, arbitrary: put }, { weight: 1, arbitrary: del })
const txn = fc.record({ op: fc.constant('txn' as const), writes: fc.uniqueArray(write, { selector: (w) => w.key, minLength: 2, maxLength: 3 }) }, o)
const deletePrefix = fc.record({ op: fc.constant('deletePrefix' as const), prefix: fc.constantFrom('a', 'a/', 'b') }, o)
const compact = fc.record({ op: fc.constant('compact' as const), back: fc.integer({ min: 0, max: 3 }) }, o)

const now = fc.record({ from: fc.constant('now' as const), zero: fc.boolean() }, o)
const past = fc.record({ from: fc.constant('past' as const), back: fc.integer({ min: 0, max: 5 }) }, o)
const future = fc.record({ from: fc.constant('future' as const), ahead: fc.integer({ min: 1, max: 3 }) }, o)
const nearCompaction = (min: number, max: number) => fc.record({ from: fc.constant('compaction' as const), delta: fc.integer({ min, max }) }, o)

interface Bias {
  readonly starts: fc.Arbitrary<Start>
  readonly ranges?: fc.Arbitrary<string>
  readonly filter?: fc.Arbitrary<WatchFilter | 'none'>
  readonly prevKv?: fc.Arbitrary<boolean>
  readonly weights?: Partial<Record<'delete' | 'txn' | 'compact' | 'watch' | 'progress' | 'cancel', number>>
  /** Fewest writes before the first watch (default 1). */
  readonly setup?: number
}

/** A story: a few writes (and, when compaction matters, compactions), a watch, then anything. */
function stories(bias: Bias): fc.Arbitrary<Step[]> {
  const w = bias.weights ?? {}
  const watch = fc.record(
    {
      op: fc.constant('watch' as const),
      range: bias.ranges ?? fc.constantFrom(...RANGE_NAMES),
      start: bias.starts,
      prevKv: bias.prevKv ?? fc.boolean(),
      filter: bias.filter ?? fc.constant('none' as const),
    },
    o,
  )
  const setup = fc.oneof(
    { weight: 4, arbitrary: put },
    { weight: w.delete ?? 1, arbitrary: del },
    { weight: w.txn ?? 2, arbitrary: txn },
    { weight: w.compact ?? 0, arbitrary: compact },
  )
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 5, arbitrary: put },
    { weight: w.delete ?? 2, arbitrary: del },
    { weight: 1, arbitrary: deletePrefix },
    { weight: w.txn ?? 2, arbitrary: txn },
    { weight: w.compact ?? 1, arbitrary: compact },
    { weight: w.watch ?? 3, arbitrary: watch },
    { weight: w.progress ?? 1, arbitrary: fc.record({ op: fc.constant('progress' as const), watch: fc.nat(3) }, o) },
    { weight: w.cancel ?? 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), watch: fc.nat(3) }, o) },
  )
  return fc
    .tuple(fc.array(setup, { minLength: bias.setup ?? 1, maxLength: 6 }), watch, fc.array(step, { maxLength: 12 }))
    .map(([before, first, after]) => [...before, first, ...after])
}

// ── Playing a story on the reference and on your hub ─────────────────────────────────────────

type Kind = 'live' | 'past' | 'compacted'

interface Received {
  readonly response: WatchResponse
  /** The store's revision when it arrived. */
  readonly at: number
}

interface WatchRun {
  readonly label: string
  readonly request: WatchRequest
  readonly kind: Kind
  /** The first revision the watch is owed. */
  readonly start: number
  /** The compacted revision when the watch was created (0: none). */
  readonly compactAtStart: number
  readonly reference: WatchResponse[]
  readonly yours: Received[]
  yourId: unknown
  /** Stream lengths when the story canceled this watch. */
  canceledAt?: { readonly reference: number; readonly yours: number }
}

interface Played {
  readonly timeline: readonly string[]
  readonly watches: readonly WatchRun[]
}

function guarded(hub: WatchHub): WatchHub {
  return {
    watch: (request, listener) => learnerCall('hub.watch(request, listener)', () => hub.watch(request, listener), [request]),
    notify: (batch) => learnerCall(`hub.notify(the batch of revision ${batch.revision})`, () => hub.notify(batch)),
    requestProgress: (id) => learnerCall(`hub.requestProgress(${show(id)})`, () => hub.requestProgress(id)),
    cancel: (id) => learnerCall(`hub.cancel(${show(id)})`, () => hub.cancel(id)),
  }
}

// A copy of the response as it arrived, so reusing an events array later cannot rewrite history.
function snapshot(response: WatchResponse): WatchResponse {
  if (response === null || typeof response !== 'object') return response
  const copy: Record<string, unknown> = { ...response }
  if (Array.isArray(copy.events)) copy.events = [...copy.events]
  return copy as unknown as WatchResponse
}

async function play(steps: readonly Step[]): Promise<Played> {
  const clock = new VirtualClock()
  const reference = new MemoryStore({ clock })
  const faults: unknown[] = []
  const yours = new PluggableWatchStore({
    clock,
    hub: (history) => guarded(learnerCall('new WatchHub(history)', () => new learner.WatchHub(history))),
    onHubError: (error) => faults.push(error),
    onListenerError: (error) => faults.push(error),
  })
  const timeline: string[] = []
  const runs: WatchRun[] = []
  const handles: { reference: Watch; yours: Watch }[] = []
  const rev = () => reference.revision
  const wrote = (text: string, before: number) => timeline.push(`${text.padEnd(52)} ${rev() > before ? `→ r${rev()}` : '(no change)'}`)

  for (const step of steps) {
    const before = rev()
    switch (step.op) {
      case 'put':
        await reference.put(step)
        await yours.put(step)
        wrote(`put ${step.key} = ${step.value}`, before)
        break
      case 'delete':
        await reference.deleteRange({ key: step.key })
        await yours.deleteRange({ key: step.key })
        if (rev() > before) wrote(`delete ${step.key}`, before)
        break
      case 'deletePrefix': {
        const range = { key: step.prefix, rangeEnd: prefixEnd(step.prefix) }
        await reference.deleteRange(range)
        await yours.deleteRange(range)
        if (rev() > before) wrote(`delete every key starting with "${step.prefix}"`, before)
        break
      }
      case 'txn': {
        const ops = step.writes.map((w) => (w.op === 'put' ? { type: 'put' as const, key: w.key, value: w.value } : { type: 'deleteRange' as const, key: w.key }))
        await reference.txn({ success: ops })
        await yours.txn({ success: ops })
        wrote(`txn { ${step.writes.map(writeText).join('; ')} }`, before)
        break
      }
      case 'compact': {
        const at = rev() - step.back
        if (at < 1 || at <= reference.compactRevision) break
        await reference.compact(at)
        await yours.compact(at)
        timeline.push(`compact at r${at}`)
        break
      }
      case 'watch': {
        const request = watchRequest(step, rev(), reference.compactRevision)
        const requested = request.startRevision ?? 0
        const start = requested > 0 ? requested : rev() + 1
        const kind: Kind = start < reference.compactRevision ? 'compacted' : start <= rev() ? 'past' : 'live'
        const run: WatchRun = { label: `W${runs.length + 1}`, request, kind, start, compactAtStart: reference.compactRevision, reference: [], yours: [], yourId: undefined }
        runs.push(run)
        const compacted = reference.compactRevision > 0 ? `, compacted at r${reference.compactRevision}` : ''
        timeline.push(`${run.label} = watch(${requestText(request)})`.padEnd(53) + ` (store at r${rev()}${compacted})`)
        const referenceHandle = await reference.watch(request, (r) => run.reference.push(r))
        const yourHandle = await yours.watch(request, (r) => run.yours.push({ response: snapshot(r), at: yours.revision }))
        run.yourId = yourHandle.watchId
        handles.push({ reference: referenceHandle, yours: yourHandle })
        break
      }
      case 'progress':
      case 'cancel': {
        const run = runs[step.watch]
        if (run === undefined || run.canceledAt !== undefined) break
        timeline.push(`${step.op} ${run.label}`)
        if (step.op === 'cancel') run.canceledAt = { reference: run.reference.length, yours: run.yours.length }
        await handles[step.watch].reference[step.op === 'cancel' ? 'cancel' : 'requestProgress']()
        await handles[step.watch].yours[step.op === 'cancel' ? 'cancel' : 'requestProgress']()
        break
      }
    }
    if (faults.length > 0) throw faults[0]
  }
  // Settle: every watch still running confirms, by a progress response, what it has received.
  const settling = runs.filter((run) => run.canceledAt === undefined && !run.reference.some((r) => r.type === 'canceled'))
  if (settling.length > 0) timeline.push(`(end) progress on ${settling.map((r) => r.label).join(', ')}`)
  for (const run of settling) {
    const handle = handles[runs.indexOf(run)]
    await handle.reference.requestProgress()
    await handle.yours.requestProgress()
    if (faults.length > 0) throw faults[0]
  }
  return { timeline, watches: runs }
}

function watchRequest(step: Step & { op: 'watch' }, current: number, compacted: number): WatchRequest {
  const { start } = step
  let startRevision: number | undefined
  if (start.from === 'now') startRevision = start.zero ? 0 : undefined
  else if (start.from === 'past') startRevision = Math.max(1, current - start.back)
  else if (start.from === 'future') startRevision = current + start.ahead
  else startRevision = compacted > 0 ? Math.max(1, compacted + start.delta) : Math.max(1, current - 1)
  const request: WatchRequest = { ...RANGES[step.range], ...(startRevision === undefined ? {} : { startRevision }) }
  return {
    ...request,
    ...(step.prevKv ? { prevKv: true } : {}),
    ...(step.filter === 'none' ? {} : { filters: [step.filter] }),
  }
}

// ── Rendering ─────────────────────────────────────────────────────────────────────────────────

const quote = (s: string) => JSON.stringify(s).replace(/\\u0000/g, '\\0')
const writeText = (w: Write) => (w.op === 'put' ? `put ${w.key} = ${w.value}` : `delete ${w.key}`)

function requestText(r: WatchRequest): string {
  const parts = [`key ${quote(r.key)}`]
  if (r.rangeEnd !== undefined) parts.push(`rangeEnd ${quote(r.rangeEnd)}`)
  if (r.startRevision !== undefined) parts.push(`startRevision ${r.startRevision}`)
  if (r.prevKv) parts.push('prevKv')
  if (r.filters && r.filters.length > 0) parts.push(`filters [${r.filters.join(', ')}]`)
  return parts.join(', ')
}

function describeSteps(steps: readonly Step[]): string {
  return numbered(
    steps.map((s) => {
      switch (s.op) {
        case 'put':
        case 'delete':
          return writeText(s)
        case 'deletePrefix':
          return `delete every key starting with "${s.prefix}"`
        case 'txn':
          return `txn { ${s.writes.map(writeText).join('; ')} }`
        case 'compact':
          return `compact ${s.back} revision(s) back from the current one`
        case 'watch':
          return `watch ${s.range} from ${startText(s.start)}${s.prevKv ? ', prevKv' : ''}${s.filter === 'none' ? '' : `, ${s.filter}`}`
        default:
          return `${s.op} the watch #${s.watch + 1}`
      }
    }),
  )
}

function startText(start: Start): string {
  if (start.from === 'now') return start.zero ? 'now (startRevision 0)' : 'now (no startRevision)'
  if (start.from === 'past') return start.back === 0 ? 'the current revision' : `${start.back} revision(s) back`
  if (start.from === 'future') return `${start.ahead} revision(s) ahead`
  return start.delta === 0 ? 'the compacted revision' : `the compacted revision ${start.delta > 0 ? '+' : '−'} ${Math.abs(start.delta)}`
}

const revOf = (e: Event) => e.kv?.modRevision
const kvText = (kv: KeyValue) => `${kv.key} = ${kv.value === '' ? '""' : kv.value} @r${kv.modRevision}`
function eventText(e: Event, withPrev = false): string {
  const head = e.type === 'put' ? `r${revOf(e)} put ${e.kv.key} = ${e.kv.value}` : `r${revOf(e)} ${e.type} ${e.kv?.key}`
  if (!withPrev) return head
  return `${head} · ${e.prevKv === undefined ? 'no prevKv' : `prevKv ${kvText(e.prevKv)}`}`
}

/** One line of a stream: `id` is compared, `text` is shown. */
interface Line {
  readonly id: string
  readonly text: string
}
interface LineOptions {
  readonly prev?: boolean
  readonly progress?: boolean
}

function lines(responses: readonly WatchResponse[], options: LineOptions = {}): Line[] {
  const out: Line[] = []
  for (const r of responses) {
    if (r.type === 'events') {
      for (const e of r.events) {
        const id = options.prev ? `${e.type} ${kvId(e.kv)} ${e.prevKv === undefined ? '-' : kvId(e.prevKv)}` : `${e.type} ${kvId(e.kv)}`
        out.push({ id, text: eventText(e, options.prev) })
      }
    } else if (r.type === 'canceled') out.push({ id: `canceled ${r.compactRevision}`, text: `canceled · compactRevision ${r.compactRevision}` })
    else if (r.type === 'progress' && options.progress) out.push({ id: `progress ${r.header?.revision}`, text: `progress · header.revision ${r.header?.revision}` })
  }
  return out
}

// Every field of a kv, compactly; shown in full where two lines read the same but differ.
const kvId = (kv: KeyValue | undefined) =>
  kv === null || typeof kv !== 'object' ? show(kv) : `{key ${show(kv.key)}, value ${show(kv.value)}, createRevision ${kv.createRevision}, modRevision ${kv.modRevision}, version ${kv.version}, lease ${kv.lease}}`

const firstDifference = (a: readonly Line[], b: readonly Line[]) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i]?.id !== b[i]?.id) return i
  return -1
}

/** The two streams side by side; where two lines read the same but differ, show them in full. */
function streams(run: WatchRun, ref: readonly Line[], yours: readonly Line[]): string {
  const i = firstDifference(ref, yours)
  const text = (ls: readonly Line[]) => ls.map((l, j) => (j === i && ref[i]?.text === yours[i]?.text ? l.id : l.text))
  const empty = (ls: string[]) => (ls.length === 0 ? ['(nothing)'] : ls)
  return `What ${run.label} received:\n${sideBySide(empty(text(ref)), empty(text(yours)))}`
}

function story(played: Played): string {
  return `The story (the store's revision after each write on the right):\n${numbered(played.timeline)}`
}

function headline(name: WatchGuarantee, detail: string): string {
  return `Broke watch guarantee ${name}: ${guaranteeSentences[name]}.\n${detail}`
}

function report(played: Played, run: WatchRun, title: string, ref: readonly Line[], yours: readonly Line[]): Verdict {
  return fail([title, '', story(played), '', streams(run, ref, yours)].join('\n'))
}

const yourResponses = (run: WatchRun) => run.yours.map((r) => r.response)

/** What the watch received before the story canceled it (everything, if it never did): what every guarantee but the cancel one judges. */
function untilCancel(run: WatchRun): { readonly reference: WatchResponse[]; readonly yours: WatchResponse[] } {
  const yours = yourResponses(run)
  if (run.canceledAt === undefined) return { reference: run.reference, yours }
  return { reference: run.reference.slice(0, run.canceledAt.reference), yours: yours.slice(0, run.canceledAt.yours) }
}
const refEvents = (run: WatchRun) => untilCancel(run).reference.flatMap((r) => (r.type === 'events' ? r.events : []))

// ── Responses must be responses ───────────────────────────────────────────────────────────────

function malformed(played: Played): Verdict | undefined {
  const ids = new Map<unknown, string>()
  for (const run of played.watches) {
    const problem = (what: string) =>
      fail([`Your hub broke the watch protocol on ${run.label}: ${what}.`, '', story(played)].join('\n'))
    if (!Number.isSafeInteger(run.yourId)) return problem(`watch() returned ${show(run.yourId)} as the watch's id; it must return a number`)
    if (ids.has(run.yourId)) return problem(`watch() returned the id ${show(run.yourId)} for both ${ids.get(run.yourId)} and ${run.label}; ids must be unique`)
    ids.set(run.yourId, run.label)
    for (const { response: r, at } of run.yours) {
      const type = (r as { type?: unknown } | null)?.type
      if (type !== 'events' && type !== 'progress' && type !== 'canceled') return problem(`it sent ${show(r)}; a response's type is 'events', 'progress' or 'canceled'`)
      if (r.watchId !== run.yourId) return problem(`it sent a response with watchId ${show(r.watchId)}, but watch() returned ${show(run.yourId)} for this watch`)
      const header = r.header?.revision
      if (!Number.isSafeInteger(header) || header > at) {
        return problem(`it sent ${show(r)}; header.revision is the store's current revision when you send it (r${at})`)
      }
      if (r.type === 'events') {
        if (!Array.isArray(r.events) || r.events.length === 0) return problem(`it sent ${show(r)}; an 'events' response carries at least one event (send nothing instead)`)
        if (r.events.some((e) => (e?.type !== 'put' && e?.type !== 'delete') || typeof e.kv?.modRevision !== 'number')) {
          return problem(`it sent ${show(r)}; each event is { type: 'put' | 'delete', kv, prevKv? }, as the history gives it`)
        }
        const last = revOf(r.events[r.events.length - 1])
        if (header < last) return problem(`it sent ${show(r)}; its header.revision r${header} is older than the events it carries (r${last})`)
      }
    }
  }
  return undefined
}

// ── Which guarantee a difference in the event stream breaks ───────────────────────────────────

function explainEventDifference(run: WatchRun, ref: readonly Line[], yours: readonly Line[]): string {
  const i = firstDifference(ref, yours)
  const refCanceled = ref.some((l) => l.id.startsWith('canceled'))
  const yourCanceled = yours.some((l) => l.id.startsWith('canceled'))
  if (refCanceled !== yourCanceled) {
    return headline(
      'Compacted',
      yourCanceled
        ? `${run.label} starts at r${run.start}, which is still in history (only a start revision BELOW the compacted revision is gone), yet your hub canceled it.`
        : `${run.label} starts at r${run.start}, below the compacted revision: it must be canceled.`,
    )
  }
  const events = yourEvents(run)
  const got = events[i]
  const want = refEvents(run)[i]
  if (got !== undefined) {
    const earlier = events.slice(0, i).some((e) => revOf(e) === revOf(got) && e.kv.key === got.kv.key)
    if (earlier) return headline('Unique', `Your hub delivered "${eventText(got)}" to ${run.label} a second time.`)
    if (i > 0 && revOf(got) < revOf(events[i - 1])) {
      return headline('Ordered', `Your hub delivered "${eventText(got)}" to ${run.label} after "${eventText(events[i - 1])}".`)
    }
  }
  const why = got === undefined ? '' : ` (${whyNot(run, got) ?? 'it is not the next change the watch is owed'})`
  const what =
    want === undefined
      ? `${run.label} is owed nothing more, but your hub delivered "${eventText(got)}"${why}.`
      : got === undefined
        ? `${run.label} never received "${eventText(want)}"${revOf(want) === run.start ? ', the change at its start revision' : ''}.`
        : `${run.label} should receive "${eventText(want)}" next; your hub delivered "${eventText(got)}"${why}.`
  return headline(i === 0 ? 'Resumable' : 'Reliable', what)
}

function whyNot(run: WatchRun, e: Event): string | undefined {
  const { request } = run
  if (!intervalContains(toInterval(request), e.kv.key)) {
    return request.rangeEnd === undefined
      ? `${quote(e.kv.key)} is not the watched key`
      : `${quote(e.kv.key)} is outside the watched range [${quote(request.key)}, ${quote(request.rangeEnd)}): the range end itself is not in it`
  }
  if (revOf(e) < run.start) {
    return request.startRevision
      ? `r${revOf(e)} is before the watch's start revision r${run.start}`
      : `r${revOf(e)} is before the watch's start: a watch from now starts at r${run.start}, the revision after the current one`
  }
  const filters = request.filters ?? []
  if (e.type === 'put' && filters.includes('noPut')) return 'the noPut filter drops puts'
  if (e.type === 'delete' && filters.includes('noDelete')) return 'the noDelete filter drops deletes'
  return undefined
}

function yourEvents(run: WatchRun): Event[] {
  return untilCancel(run).yours.flatMap((r) => (r.type === 'events' ? r.events : []))
}

/** Compare the event streams (and cancels) of the watches `which` picks; report the first difference. */
function sameEvents(played: Played, which: (run: WatchRun) => boolean): Verdict {
  for (const run of played.watches.filter(which)) {
    const ref = lines(untilCancel(run).reference)
    const yours = lines(untilCancel(run).yours)
    if (firstDifference(ref, yours) >= 0) return report(played, run, explainEventDifference(run, ref, yours), ref, yours)
  }
  return pass
}

async function judge(steps: readonly Step[], check: (played: Played) => Verdict): Promise<Verdict> {
  const played = await play(steps)
  return malformed(played) ?? check(played)
}

const noFilter = (run: WatchRun) => (run.request.filters ?? []).length === 0
const eventsMatch = (run: WatchRun) => firstDifference(lines(untilCancel(run).reference), lines(untilCancel(run).yours)) < 0

// ── The guarantees ────────────────────────────────────────────────────────────────────────────

guarantee(
  'a watch delivers every change after its start revision, in order, exactly once',
  stories({ starts: fc.oneof({ weight: 3, arbitrary: now }, { weight: 2, arbitrary: future }), weights: { watch: 2 } }),
  (steps) => judge(steps, (played) => sameEvents(played, (run) => run.kind === 'live' && noFilter(run))),
  { runs: 100, describe: describeSteps },
)

guarantee(
  'a watch from a past revision first replays history, then continues live without a gap or a duplicate',
  stories({ starts: fc.oneof({ weight: 4, arbitrary: past }, { weight: 1, arbitrary: nearCompaction(0, 1) }), weights: { watch: 2 } }),
  (steps) => judge(steps, (played) => sameEvents(played, (run) => run.kind === 'past' && noFilter(run))),
  { runs: 100, describe: describeSteps },
)

guarantee(
  'the events of one transaction arrive together, in one response',
  stories({
    starts: fc.oneof(now, past, future),
    ranges: fc.constantFrom('everything', 'prefix a', 'b and after', 'prefix a/'),
    filter: fc.constantFrom('none' as const, 'none' as const, 'noPut' as const, 'noDelete' as const),
    weights: { txn: 5, compact: 0 },
  }),
  (steps) =>
    judge(steps, (played) => {
      for (const run of played.watches) {
        const responses = untilCancel(run).yours.filter((r) => r.type === 'events')
        for (let i = 1; i < responses.length; i++) {
          const before = responses[i - 1].events
          const after = responses[i].events
          const revision = revOf(after[0])
          if (revision !== revOf(before[before.length - 1])) continue
          const list = (rs: readonly WatchResponse[]) => numbered(rs.filter((r) => r.type === 'events').map((r) => `[${r.events.map((e) => eventText(e)).join(', ')}]`))
          return fail(
            [
              headline('Atomic', `Revision r${revision} reached ${run.label} split across two responses:\n  [${before.map((e) => eventText(e)).join(', ')}]\n  [${after.map((e) => eventText(e)).join(', ')}]`),
              '',
              story(played),
              '',
              `The reference's responses to ${run.label} (one line each):\n${list(untilCancel(run).reference)}`,
              '',
              `Yours:\n${list(untilCancel(run).yours)}`,
            ].join('\n'),
          )
        }
      }
      return pass
    }),
  { runs: 100, describe: describeSteps },
)

guarantee(
  'prevKv carries the value before the change',
  stories({
    starts: fc.oneof(
      { weight: 1, arbitrary: now },
      { weight: 2, arbitrary: past },
      { weight: 3, arbitrary: nearCompaction(0, 0) },
      { weight: 1, arbitrary: nearCompaction(1, 1) },
    ),
    prevKv: fc.constantFrom(true, true, true, false),
    ranges: fc.constantFrom('everything', 'everything', 'prefix a', 'key a', 'b and after'),
    weights: { compact: 1 },
    setup: 3,
  }).map((steps) => withCompaction(steps, 0)),
  (steps) =>
    judge(steps, (played) => {
      for (const run of played.watches.filter(eventsMatch)) {
        const ref = lines(untilCancel(run).reference, { prev: true })
        const yours = lines(untilCancel(run).yours, { prev: true })
        const i = firstDifference(ref, yours)
        if (i < 0) continue
        const want = refEvents(run)[i]
        const got = yourEvents(run)[i]
        return report(played, run, headline('Reliable', prevKvProblem(run, want, got)), ref, yours)
      }
      return pass
    }),
  { runs: 100, describe: describeSteps },
)

guarantee(
  'filters drop exactly the events they name',
  stories({
    starts: fc.oneof(now, past, future),
    filter: fc.constantFrom('noPut' as const, 'noDelete' as const),
    weights: { delete: 3 },
  }),
  (steps) => judge(steps, (played) => sameEvents(played, (run) => run.kind !== 'compacted' && !noFilter(run))),
  { runs: 100, describe: describeSteps },
)

guarantee(
  'a watch from a compacted revision is canceled with the compact revision and no events',
  stories({
    starts: fc.oneof({ weight: 3, arbitrary: nearCompaction(-2, 0) }, { weight: 1, arbitrary: past }),
    weights: { compact: 3, progress: 2 },
  }).map((steps) => withCompaction(steps, 1)),
  (steps) =>
    judge(steps, (played) => {
      for (const run of played.watches.filter((r) => r.kind === 'compacted')) {
        const ref = lines(untilCancel(run).reference, { progress: true })
        const yours = lines(untilCancel(run).yours, { progress: true })
        if (firstDifference(ref, yours) < 0) continue
        const compactRevision = run.reference.find((r) => r.type === 'canceled')?.compactRevision
        return report(
          played,
          run,
          headline('Compacted', `${run.label} starts at r${run.start}, below the compacted revision r${compactRevision}: the history it asks for is gone. It must get one 'canceled' response with compactRevision ${compactRevision}, and nothing else, ever.`),
          ref,
          yours,
        )
      }
      return pass
    }),
  { runs: 100, describe: describeSteps },
)

guarantee(
  'a progress notification reports a revision only once every earlier event was delivered',
  stories({ starts: fc.oneof(now, past, future), weights: { progress: 4 } }),
  (steps) =>
    judge(steps, (played) => {
      for (const run of played.watches.filter((r) => r.kind !== 'compacted' && eventsMatch(r))) {
        const ref = lines(untilCancel(run).reference, { progress: true })
        const yours = lines(untilCancel(run).yours, { progress: true })
        const i = firstDifference(ref, yours)
        if (i < 0) continue
        const want = ref[i]
        const got = yours[i]
        const detail =
          got?.id.startsWith('progress') && want?.id.startsWith('progress')
            ? `A progress notification reports the store's current revision; the reference says ${want.text}, yours says ${got.text}.`
            : got?.id.startsWith('progress')
              ? `Your hub sent "${got.text}" before "${want?.text}", which it had not delivered yet.`
              : `${run.label} asked for progress and your hub did not send "${want?.text}" there.`
        return report(played, run, headline('Bookmarkable', detail), ref, yours)
      }
      return pass
    }),
  { runs: 100, describe: describeSteps },
)

guarantee(
  'a canceled watch receives nothing more',
  stories({ starts: fc.oneof(now, past), weights: { cancel: 4, watch: 3 } }),
  (steps) =>
    judge(steps, (played) => {
      for (const run of played.watches) {
        if (run.canceledAt === undefined || run.yours.length <= run.canceledAt.yours) continue
        const mark = (ls: readonly Line[], n: number) => [...ls.slice(0, n).map((l) => l.text), '── cancel ──', ...ls.slice(n).map((l) => l.text)]
        const ref = lines(run.reference, { progress: true })
        const yours = lines(yourResponses(run), { progress: true })
        const cut = (responses: readonly WatchResponse[], n: number) => lines(responses.slice(0, n), { progress: true }).length
        return fail(
          [
            `After cancel, a watch receives nothing more; your hub kept delivering to ${run.label} after it was canceled.`,
            '',
            story(played),
            '',
            `What ${run.label} received:\n${sideBySide(mark(ref, cut(run.reference, run.canceledAt.reference)), mark(yours, cut(yourResponses(run), run.canceledAt.yours)))}`,
          ].join('\n'),
        )
      }
      return pass
    }),
  { runs: 100, describe: describeSteps },
)

function prevKvProblem(run: WatchRun, want: Event, got: Event): string {
  const event = `"${eventText(want)}"`
  if (!run.request.prevKv) return `${run.label} did not ask for prevKv, so its events carry none; yours has ${kvText(got.prevKv!)}.`
  if (want.prevKv !== undefined) {
    const yours = got.prevKv === undefined ? 'none' : isDeepStrictEqual(got.prevKv, got.kv) ? `the event's own new kv, ${kvText(got.prevKv)}` : kvText(got.prevKv)
    return `${event} should carry the key as it was before the change, ${kvText(want.prevKv)}; yours carries ${yours}.`
  }
  if (got.prevKv === undefined) return `${event} differs from the reference's in its prevKv: want ${show(want.prevKv)}, got ${show(got.prevKv)}.`
  return revOf(want) <= run.compactAtStart
    ? `${event} is at or below the compacted revision r${run.compactAtStart}, so it carries no prevKv: etcd reads prevKv at revision ${revOf(want) - 1}, which compaction removed.`
    : `${event} creates its key: there was no previous value, so no prevKv.`
}

// A story about compaction needs one before its watch: put one `back` revisions behind right before the first watch.
function withCompaction(steps: Step[], back: number): Step[] {
  const i = steps.findIndex((s) => s.op === 'watch')
  if (steps.slice(0, i).some((s) => s.op === 'compact')) return steps
  return [...steps.slice(0, i), { op: 'compact', back }, ...steps.slice(i)]
}

