// Random histories for a one-resource watch cache (lesson 06's grader): config maps a..d whose
// `app` label flips between x and y (so objects move in and out of selectors), deletes, progress
// from other resources (gaps between revisions), and watches started at chosen spots relative to
// the window (its edge, just below, far below, inside, current, "0", unset), with selectors and
// bookmarks. A scenario resolves into a timeline of concrete calls, runs against any
// ResourceWatchCache, and renders as text a person can follow.
import fc from 'fast-check'
import { configMaps } from '../registry/core-resources.ts'
import { deepFreeze, type KubeObject } from '../registry/object.ts'
import type { WatchEvent } from '../watch-event.ts'
import type { CacheList, Matcher, ResourceWatchCache, StoreChange, WatchCacheFactory, WatchCacheOptions } from './resource-watch-cache.ts'

export const NAMES = ['a', 'b', 'c', 'd'] as const
export type Name = (typeof NAMES)[number]
export type App = 'x' | 'y'
/** Where a watch starts, relative to the window when it starts. */
export type RvPick = 'zero' | 'unset' | 'current' | 'edge' | 'below' | 'farBelow' | 'inside'
export type SelectorPick = 'none' | 'app=x' | 'app!=x'

export type Step =
  | { readonly type: 'put'; readonly name: Name; readonly app: App }
  | { readonly type: 'delete'; readonly name: Name }
  | { readonly type: 'progress'; readonly by: number }
  | { readonly type: 'watch'; readonly rv: RvPick; readonly at: number; readonly selector: SelectorPick; readonly bookmarks: boolean }
  | { readonly type: 'bookmark' }
  | { readonly type: 'listWatch'; readonly selector: SelectorPick }

export interface Scenario {
  readonly capacity: number
  /** Objects present in the first list (each at its own resourceVersion). */
  readonly initial: readonly (App | null)[]
  /** How far the list's resourceVersion is above the newest initial object's. */
  readonly listGap: number
  readonly steps: readonly Step[]
}

export interface ScenarioShape {
  readonly rv: readonly RvPick[]
  readonly selectors: readonly SelectorPick[]
  readonly bookmarks: boolean
  /** Relative weights of step kinds. */
  readonly weights: { readonly put: number; readonly delete: number; readonly progress: number; readonly watch: number; readonly bookmark: number; readonly listWatch: number }
  readonly maxSteps?: number
}

export function scenarioArb(shape: ScenarioShape): fc.Arbitrary<Scenario> {
  const o = { noNullPrototype: true } as const
  const name = fc.constantFrom(...NAMES)
  const app = fc.constantFrom<App>('x', 'y')
  const selector = fc.constantFrom(...shape.selectors)
  const w = shape.weights
  const step: fc.Arbitrary<Step> = fc.oneof(
    { withCrossShrink: true },
    { weight: w.put, arbitrary: fc.record({ type: fc.constant('put' as const), name, app }, o) },
    { weight: w.delete, arbitrary: fc.record({ type: fc.constant('delete' as const), name }, o) },
    { weight: w.progress, arbitrary: fc.record({ type: fc.constant('progress' as const), by: fc.integer({ min: 1, max: 3 }) }, o) },
    {
      weight: w.watch,
      arbitrary: fc.record({ type: fc.constant('watch' as const), rv: fc.constantFrom(...shape.rv), at: fc.integer({ min: 0, max: 100 }), selector, bookmarks: shape.bookmarks ? fc.boolean() : fc.constant(false) }, o),
    },
    { weight: w.bookmark, arbitrary: fc.constant({ type: 'bookmark' as const }) },
    { weight: w.listWatch, arbitrary: fc.record({ type: fc.constant('listWatch' as const), selector }, o) },
  )
  return fc.record(
    {
      capacity: fc.integer({ min: 3, max: 8 }),
      initial: fc.tuple(...NAMES.map(() => fc.option(app, { nil: null }))),
      listGap: fc.integer({ min: 2, max: 4 }),
      steps: fc.array(step, { minLength: 1, maxLength: shape.maxSteps ?? 24 }),
    },
    o,
  )
}

// ─── Resolving a scenario into concrete calls ────────────────────────────────────────────────────

export type Action =
  | { readonly type: 'change'; readonly change: StoreChange; readonly text: string; readonly window: readonly number[] }
  | { readonly type: 'watch'; readonly id: number; readonly resourceVersion: string; readonly selector: SelectorPick; readonly bookmarks: boolean; readonly lowest: number; readonly fromList?: number }
  | { readonly type: 'bookmark'; readonly resourceVersion: number }
  | { readonly type: 'list'; readonly id: number; readonly selector: SelectorPick }

export interface Timeline {
  readonly options: WatchCacheOptions
  readonly initialText: string
  readonly actions: readonly Action[]
}

export const key = (name: string): string => `/registry/configmaps/default/${name}`

function configMap(name: string, app: App, rv: number): KubeObject {
  return deepFreeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', labels: { app }, resourceVersion: String(rv) }, data: { app } })
}

export function matcher(selector: SelectorPick): Matcher | undefined {
  if (selector === 'app=x') return (obj) => obj.metadata?.labels?.app === 'x'
  if (selector === 'app!=x') return (obj) => obj.metadata?.labels?.app !== 'x'
  return undefined
}

export function resolve(s: Scenario): Timeline {
  const items: { key: string; object: KubeObject }[] = []
  const state = new Map<string, App>()
  let rev = 0
  s.initial.forEach((app, i) => {
    if (app === null) return
    rev++
    items.push({ key: key(NAMES[i]), object: configMap(NAMES[i], app, rev) })
    state.set(NAMES[i], app)
  })
  const listRv = rev + s.listGap
  rev = listRv
  const kept: number[] = []
  let evicted = false
  const lowest = () => (evicted ? kept[0] - 1 : listRv)
  const record = (revision: number) => {
    if (kept.length === s.capacity) {
      kept.shift()
      evicted = true
    }
    kept.push(revision)
  }
  const actions: Action[] = []
  let ids = 0
  for (const step of s.steps) {
    if (step.type === 'put') {
      rev++
      const verb = state.has(step.name) ? 'update' : 'create'
      state.set(step.name, step.app)
      record(rev)
      actions.push({ type: 'change', change: { type: 'put', key: key(step.name), object: configMap(step.name, step.app, rev), revision: rev }, text: `${verb} ${step.name} {app=${step.app}}`, window: [...kept] })
    } else if (step.type === 'delete') {
      if (!state.has(step.name)) continue
      rev++
      state.delete(step.name)
      record(rev)
      actions.push({ type: 'change', change: { type: 'delete', key: key(step.name), revision: rev }, text: `delete ${step.name}`, window: [...kept] })
    } else if (step.type === 'progress') {
      rev += step.by
      actions.push({ type: 'change', change: { type: 'progress', revision: rev }, text: `(other resources written: progress)`, window: [...kept] })
    } else if (step.type === 'bookmark') {
      actions.push({ type: 'bookmark', resourceVersion: rev })
    } else if (step.type === 'listWatch') {
      const id = ++ids
      actions.push({ type: 'list', id, selector: step.selector })
      actions.push({ type: 'watch', id, resourceVersion: String(rev), selector: step.selector, bookmarks: false, lowest: lowest(), fromList: id })
    } else {
      const low = lowest()
      const frac = step.at / 100
      const rv =
        step.rv === 'zero' ? '0'
        : step.rv === 'unset' ? ''
        : step.rv === 'current' ? String(rev)
        : step.rv === 'edge' ? String(low)
        : step.rv === 'below' ? String(low - 1)
        : step.rv === 'farBelow' ? String(1 + Math.floor(frac * (low - 2)))
        : String(low + Math.round(frac * (rev - low)))
      actions.push({ type: 'watch', id: ++ids, resourceVersion: rv, selector: step.selector, bookmarks: step.bookmarks, lowest: low })
    }
  }
  const initialText = items.length === 0 ? '(no objects)' : items.map(({ object }) => `${object.metadata!.name}@${object.metadata!.resourceVersion} {app=${object.metadata!.labels!.app}}`).join(', ')
  return { options: { capacity: s.capacity, resource: configMaps, items, resourceVersion: listRv }, initialText, actions }
}

// ─── Running a timeline ──────────────────────────────────────────────────────────────────────────

/** How calls into the cache are made (the grader wraps them to catch the learner's throws). */
export type Guard = <R>(label: string, fn: () => R) => R
const unguarded: Guard = (_label, fn) => fn()

export interface Outcome {
  /** Each watch's events, by watch id. */
  readonly watches: Map<number, unknown[]>
  /** Each list's result, by id (the list before a listWatch's watch). */
  readonly lists: Map<number, CacheList>
}

/** Run the timeline against a fresh cache; events are collected after a few microtask turns. */
export async function run(factory: WatchCacheFactory, t: Timeline, guard: Guard = unguarded): Promise<Outcome> {
  const cache = guard('new WatchCache(options)', () => factory(t.options))
  const watches = new Map<number, unknown[]>()
  const lists = new Map<number, CacheList>()
  for (const a of t.actions) {
    if (a.type === 'change') guard(`apply(${showChange(a.change)})`, () => cache.apply(a.change))
    else if (a.type === 'bookmark') guard('bookmark()', () => cache.bookmark())
    else if (a.type === 'list') lists.set(a.id, guard(`list(${a.selector === 'none' ? '' : a.selector})`, () => cache.list(matcher(a.selector))))
    else {
      const seen: unknown[] = []
      watches.set(a.id, seen)
      const options = { resourceVersion: a.resourceVersion, matches: matcher(a.selector), allowBookmarks: a.bookmarks }
      guard(`watch({ resourceVersion: ${JSON.stringify(a.resourceVersion)}${a.selector === 'none' ? '' : `, matches: ${a.selector}`}${a.bookmarks ? ', allowBookmarks: true' : ''} })`, () =>
        cache.watch(options, (e: WatchEvent) => void seen.push(e)),
      )
    }
  }
  for (let i = 0; i < 8; i++) await new Promise<void>((resolve) => queueMicrotask(resolve))
  return { watches, lists }
}

// ─── Rendering ───────────────────────────────────────────────────────────────────────────────────

function showChange(c: StoreChange): string {
  if (c.type === 'progress') return `{ type: 'progress', revision: ${c.revision} }`
  const name = c.key.split('/').pop()
  return c.type === 'put' ? `{ type: 'put', key: …/${name}, revision: ${c.revision} }` : `{ type: 'delete', key: …/${name}, revision: ${c.revision} }`
}

export function describeWatch(a: Extract<Action, { type: 'watch' }>): string {
  const rv = a.resourceVersion === '' ? 'unset' : `"${a.resourceVersion}"`
  return `watch #${a.id} from resourceVersion ${rv}${a.selector === 'none' ? '' : `, selector ${a.selector}`}${a.bookmarks ? ', allowBookmarks' : ''}`
}

/** The whole history: the list, each change with its revision and the window after it, and where watches started. */
export function describeTimeline(t: Timeline, upToWatch?: number): string {
  const lines = [`A watch cache keeping ${t.options.capacity} events starts from a list at resourceVersion ${t.options.resourceVersion}: ${t.initialText}.`, '', '   rv  change                          window after it (oldest … newest)']
  for (const a of t.actions) {
    if (a.type === 'change') {
      const rv = String(a.change.revision).padStart(5)
      lines.push(`${rv}  ${a.text.padEnd(32)}${a.change.type === 'progress' ? '' : `[${a.window.join(' ')}]`}`)
    } else if (a.type === 'bookmark') lines.push(`       ▶ bookmark() — the cache is at ${a.resourceVersion}`)
    else if (a.type === 'list') lines.push(`       ▶ list #${a.id}${a.selector === 'none' ? '' : ` with selector ${a.selector}`}`)
    else {
      const mark = upToWatch === a.id ? '   ◀ this one' : ''
      const lowest = a.resourceVersion === '' || a.resourceVersion === '0' ? '' : ` (lowest servable: ${a.lowest})`
      lines.push(`       ▶ ${describeWatch(a)}${lowest}${mark}`)
    }
  }
  return lines.join('\n')
}

/** One event as a short line: `ADDED a@7 {app=x}`, `BOOKMARK @9`, `ERROR 410 Expired: too old resource version: 3 (4)`. */
export function showEvent(e: unknown): string {
  if (e === null || typeof e !== 'object') return `(not an event: ${String(e)})`
  const { type, object } = e as { type?: unknown; object?: unknown }
  const obj = (object ?? {}) as { metadata?: { name?: string; resourceVersion?: string; labels?: Record<string, string> }; code?: number; reason?: string; message?: string }
  if (type === 'ERROR') return `ERROR ${obj.code} ${obj.reason}: ${obj.message}`
  if (type === 'BOOKMARK') return `BOOKMARK @${obj.metadata?.resourceVersion}`
  const app = obj.metadata?.labels?.app
  return `${String(type)} ${obj.metadata?.name}@${obj.metadata?.resourceVersion}${app === undefined ? '' : ` {app=${app}}`}`
}
