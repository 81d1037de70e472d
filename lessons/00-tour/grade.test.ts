// Lesson 00 grader: the reconcile step, checked on generated pairs of desired and observed state
// against the reference in src/controllers/reconcile.ts.
import fc from 'fast-check'
import { applyActions, reconcile as referenceReconcile, type Action, type Spec, type State } from '../../src/controllers/reconcile.ts'
import { fail, guarantee, learnerCall, loadLearner, pass, show, sideBySide } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./reconcile.ts')>(import.meta.url, 'reconcile.ts')

// Few names, images and labels, so that "already matches" and "differs in one field" both come up often.
const names = ['web', 'api', 'db', 'cache', 'queue']
const spec: fc.Arbitrary<Spec> = fc.record({
  image: fc.constantFrom('nginx:1.27', 'nginx:1.28', 'redis:7'),
  replicas: fc.integer({ min: 0, max: 3 }),
  labels: fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('web', 'backend'), { noNullPrototype: true }),
}, { noNullPrototype: true })
interface World {
  readonly desired: State
  readonly observed: State
}

// Each name is independently desired or not, and observed as absent, identical, tweaked in one
// field, or as something else entirely: "already matches" and "differs in one field" both come up
// often, and shrinking drops the names a failure does not need.
type Observed = 'absent' | 'same' | 'reordered' | 'image' | 'replicas' | 'labels' | Spec
const entry = fc.record(
  { desired: fc.option(spec, { nil: undefined }), observed: fc.oneof({ withCrossShrink: true }, fc.constantFrom<Observed>('absent', 'same', 'reordered', 'image', 'replicas', 'labels'), spec) },
  { noNullPrototype: true },
)
// The same spec written in another key order, as a spec read back from the API server may be.
function reordered(s: Spec): Spec {
  return { labels: Object.fromEntries(Object.entries(s.labels).reverse()), replicas: s.replicas, image: s.image }
}
function tweak(s: Spec, field: 'image' | 'replicas' | 'labels'): Spec {
  if (field === 'image') return { ...s, image: s.image === 'redis:7' ? 'nginx:1.27' : 'redis:7' }
  if (field === 'replicas') return { ...s, replicas: s.replicas + 1 }
  return { ...s, labels: { ...s.labels, app: s.labels.app === 'old' ? 'new' : 'old' } }
}
const world: fc.Arbitrary<World> = fc.tuple(...names.map(() => entry)).map((entries) => {
  const desired: Record<string, Spec> = {}
  const observed: Record<string, Spec> = {}
  entries.forEach(({ desired: want, observed: seen }, i) => {
    const name = names[i]
    if (want) desired[name] = want
    if (typeof seen === 'object') observed[name] = seen
    else if (want && seen === 'same') observed[name] = structuredClone(want)
    else if (want && seen === 'reordered') observed[name] = reordered(want)
    else if (want && (seen === 'image' || seen === 'replicas' || seen === 'labels')) observed[name] = tweak(want, seen)
  })
  return { desired, observed }
})

// Specs read as `nginx:1.27 ×3 {app=web}`, actions as `update web → nginx:1.27 ×3 {app=web}`.
const showSpec = (s: Spec | undefined) =>
  s === undefined || s === null || typeof s !== 'object'
    ? show(s)
    : `${s.image} ×${s.replicas} {${Object.entries(s.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')}}`
const showState = (state: State) => {
  const entries = Object.entries(state)
  return entries.length === 0 ? '(nothing)' : entries.map(([name, s]) => `${name}: ${showSpec(s)}`).join(', ')
}
const showAction = (a: Action) =>
  a === null || typeof a !== 'object' ? show(a) : a.type === 'delete' ? `delete ${a.name}` : `${a.type} ${a.name} → ${showSpec(a.spec)}`
const describeWorld = ({ desired, observed }: World) => `desired:  ${showState(desired)}\nobserved: ${showState(observed)}`
const showActions = (actions: readonly Action[]) => (actions.length === 0 ? ['(no actions)'] : actions.map(showAction))
const byName = (actions: readonly Action[]) => [...actions].sort((a, b) => String(a?.name).localeCompare(String(b?.name)))

function callReconcile({ desired, observed }: World): Action[] {
  const actions = learnerCall('reconcile(desired, observed)', () => learner.reconcile(desired, observed), [desired, observed])
  if (!Array.isArray(actions)) throw new TypeError(`reconcile returned ${show(actions)}, not an array of actions`)
  return actions
}

function scenario(w: World, problem: string, actions: readonly Action[]): string {
  return [problem, '', describeWorld(w), '', sideBySide(showActions(byName(referenceReconcile(w.desired, w.observed))), showActions(byName(actions)))].join('\n')
}

guarantee(
  'applying the actions to the observed state yields the desired state',
  world,
  (w) => {
    const actions = callReconcile(w)
    const applied = applyActions(w.observed, actions)
    if (!applied.ok) return fail(scenario(w, `Applying your actions failed at "${showAction(applied.action)}": ${applied.error}.`, actions))
    if (show(applied.state) !== show(w.desired)) {
      return fail(scenario(w, `After applying your actions the world is\n  ${showState(applied.state)}\nbut it should equal the desired state.`, actions))
    }
    return pass
  },
  { runs: 200, describe: describeWorld },
)

guarantee(
  'an object that already matches its desired spec gets no action',
  world,
  (w) => {
    const actions = callReconcile(w)
    const needless = actions.find((a) => Object.hasOwn(w.desired, a.name) && Object.hasOwn(w.observed, a.name) && show(w.desired[a.name]) === show(w.observed[a.name]))
    if (needless) {
      const [want, seen] = [JSON.stringify(w.desired[needless.name]), JSON.stringify(w.observed[needless.name])]
      const order = want === seen ? '' : `\nThe two specs are equal, written with their keys in another order:\n  desired:  ${want}\n  observed: ${seen}`
      return fail(scenario(w, `"${needless.name}" already matches, yet your code emits "${showAction(needless)}".${order}`, actions))
    }
    return pass
  },
  { runs: 200, describe: describeWorld },
)

guarantee(
  'each object gets at most one action',
  world,
  (w) => {
    const actions = callReconcile(w)
    const seen = new Set<string>()
    for (const a of actions) {
      if (seen.has(a.name)) return fail(scenario(w, `"${a.name}" gets more than one action; their order would decide the outcome.`, actions))
      seen.add(a.name)
    }
    return pass
  },
  { runs: 100, describe: describeWorld },
)

guarantee(
  'reconciling again after applying the actions asks for nothing more',
  world,
  (w) => {
    const actions = callReconcile(w)
    const applied = applyActions(w.observed, actions)
    if (!applied.ok) return fail(scenario(w, `Applying your actions failed at "${showAction(applied.action)}": ${applied.error}.`, actions))
    const again = callReconcile({ desired: w.desired, observed: applied.state })
    if (again.length > 0) {
      return fail(`${describeWorld(w)}\n\nThe first pass gave\n  ${showActions(actions).join('\n  ')}\nand a second pass, on the result, still asks for\n  ${showActions(again).join('\n  ')}`)
    }
    return pass
  },
  { runs: 100, describe: describeWorld },
)
