// Lesson 06 grader: the learner's WatchCache and the engine's (ReferenceResourceWatchCache, the
// reference WatchCache + CacheWatcher) are fed the same random histories — creates, label flips
// that move objects in and out of selectors, deletes, progress from other resources — with watches
// started inside, at the edge of and below the window, from "0", unset and current, with and
// without selectors and bookmarks, in windows of 3 to 8 events. Lists and every watch's events
// must equal the reference's exactly, as they do in Kubernetes.
import { ReferenceResourceWatchCache } from '../../src/api/cacher/reference-resource-watch-cache.ts'
import { describeTimeline, describeWatch, resolve, run, scenarioArb, showEvent, type Action, type Outcome, type Scenario, type ScenarioShape, type Timeline } from '../../src/api/cacher/watch-cache-scenario.ts'
import { fail, guarantee, learnerCall, loadLearner, pass, show, sideBySide, type Verdict } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./watch-cache.ts')>(import.meta.url, 'watch-cache.ts')

const quiet = { put: 0, delete: 0, progress: 0, watch: 0, bookmark: 0, listWatch: 0 }

async function check(s: Scenario): Promise<Verdict> {
  const t = resolve(s)
  const reference = await run((o) => new ReferenceResourceWatchCache(o), t)
  const yours = await run((o) => new learner.WatchCache(o), t, (label, fn) => learnerCall(label, fn))
  for (const a of t.actions) {
    if (a.type === 'list') {
      const verdict = compareList(t, a, reference, yours)
      if (!verdict.ok) return verdict
    }
    if (a.type === 'watch') {
      const verdict = compareWatch(t, a, reference.watches.get(a.id)!, yours.watches.get(a.id)!)
      if (!verdict.ok) return verdict
    }
  }
  return pass
}

function compareList(t: Timeline, a: Extract<Action, { type: 'list' }>, reference: Outcome, yours: Outcome): Verdict {
  const [ref, mine] = [reference.lists.get(a.id), yours.lists.get(a.id)]
  if (show(ref) === show(mine)) return pass
  const lines = (l: unknown) => {
    const list = (l ?? {}) as { items?: unknown[]; resourceVersion?: unknown }
    return [`resourceVersion ${show(list.resourceVersion)}`, ...(Array.isArray(list.items) ? list.items.map((o) => showEvent({ type: 'item', object: o }).replace(/^item /, '')) : ['(items is not an array)'])]
  }
  return fail([`List #${a.id} differs from the reference: a list returns the matching objects in key order, at the cache's resourceVersion.`, '', describeTimeline(t), '', sideBySide(lines(ref), lines(mine))].join('\n'))
}

function compareWatch(t: Timeline, a: Extract<Action, { type: 'watch' }>, ref: unknown[], mine: unknown[]): Verdict {
  const rows = Math.max(ref.length, mine.length)
  const i = Array.from({ length: rows }, (_, k) => show(ref[k]) !== show(mine[k])).indexOf(true)
  if (i === -1) return pass
  const refLines = ref.map(showEvent)
  const mineLines = mine.map(showEvent)
  const out = [headline(a, ref, mine, i), '', describeTimeline(t, a.id), '', `Events of ${describeWatch(a)}:`, sideBySide(refLines, mineLines)]
  if (refLines[i] === mineLines[i]) out.push('', `Event ${i + 1} differs beyond what the lines show:`, `  reference: ${show(ref[i])}`, `  your code: ${show(mine[i])}`)
  return fail(out.join('\n'))
}

const isError = (e: unknown) => (e as { type?: unknown } | undefined)?.type === 'ERROR'

function headline(a: Extract<Action, { type: 'watch' }>, ref: unknown[], mine: unknown[], i: number): string {
  const rv = a.resourceVersion === '' ? 'an unset resourceVersion' : `resourceVersion ${a.resourceVersion}`
  const from = a.fromList === undefined ? `Watch #${a.id}` : `Watch #${a.id}, started from the resourceVersion list #${a.fromList} returned,`
  if (isError(ref[0]) && !isError(mine[0])) return `${from} asked for ${rv}, below the lowest servable resourceVersion ${a.lowest}: a change it needs has left the window, so it must get 410 Gone (one ERROR event, then nothing).`
  if (!isError(ref[0]) && isError(mine[0])) return `${from} asked for ${rv}; the window can still serve it (lowest servable: ${a.lowest}), but your cache answered with an ERROR.`
  if (isError(ref[0])) return `${from} rightly gets 410 Gone, but the ERROR event differs (its Status, or events after it).`
  if (i >= mine.length) return `${from} is missing event ${i + 1}: ${showEvent(ref[i])}.`
  if (i >= ref.length) return `${from} got event ${i + 1}, ${showEvent(mine[i])}, which the reference does not send.`
  return `${from}: event ${i + 1} should be ${showEvent(ref[i])}, but your cache sent ${showEvent(mine[i])}.`
}

function shape(overrides: Partial<ScenarioShape> & Pick<ScenarioShape, 'rv'>): ScenarioShape {
  return { selectors: ['none'], bookmarks: false, weights: { ...quiet, put: 6, delete: 2, progress: 1, watch: 2 }, ...overrides }
}

const describe = (s: Scenario) => describeTimeline(resolve(s))

guarantee(
  'a watch from a resourceVersion delivers every later change exactly once, in order',
  scenarioArb(shape({ rv: ['edge', 'inside', 'inside', 'current'] })),
  check,
  { runs: 150, describe },
)

guarantee(
  'a watch from a resourceVersion older than the window gets 410 Gone, and one inside it does not',
  scenarioArb(shape({ rv: ['edge', 'edge', 'below', 'below', 'farBelow', 'inside'], weights: { ...quiet, put: 5, delete: 2, progress: 2, watch: 3 } })),
  check,
  { runs: 200, describe },
)

guarantee(
  'a watch from resourceVersion 0 starts with the current state as ADDED events',
  scenarioArb(shape({ rv: ['zero', 'zero', 'unset'], selectors: ['none', 'none', 'app=x'] })),
  check,
  { runs: 100, describe },
)

guarantee(
  'an object that stops matching the selector arrives as DELETED, one that starts matching as ADDED',
  scenarioArb(shape({ rv: ['edge', 'inside', 'current', 'zero'], selectors: ['app=x', 'app!=x'], weights: { ...quiet, put: 8, delete: 1, progress: 1, watch: 2 } })),
  check,
  { runs: 150, describe },
)

guarantee(
  "a DELETED event carries the object's last state and the deletion's resourceVersion",
  scenarioArb(shape({ rv: ['inside', 'current', 'zero'], selectors: ['none', 'app=x'], weights: { ...quiet, put: 4, delete: 4, progress: 1, watch: 2 } })),
  check,
  { runs: 120, describe },
)

guarantee(
  'a list followed by a watch from its resourceVersion misses nothing and repeats nothing',
  scenarioArb(shape({ rv: ['current'], selectors: ['none', 'app=x', 'app!=x'], weights: { ...quiet, put: 6, delete: 2, progress: 2, listWatch: 2 } })),
  check,
  { runs: 120, describe },
)

guarantee(
  'a bookmark carries the current resourceVersion and no object',
  scenarioArb(shape({ rv: ['edge', 'inside', 'current', 'zero'], selectors: ['none', 'app=x'], bookmarks: true, weights: { ...quiet, put: 4, delete: 1, progress: 3, watch: 2, bookmark: 3 } })),
  check,
  { runs: 120, describe },
)
