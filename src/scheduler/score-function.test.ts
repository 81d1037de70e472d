// Score functions plugged in under in-tree names: the plugin keeps its in-tree filter, and a
// framework built with the reference's own scoring written as functions ranks nodes exactly as the
// in-tree plugins do.
import { describe, expect, test } from 'vitest'
import { CycleState } from './cycle-state.ts'
import { Framework } from './framework-runtime.ts'
import { maxNodeScore } from './framework.ts'
import { defaultNormalizeScore } from './normalize-score.ts'
import { names } from './plugins/names.ts'
import { countIntolerableTaintsPreferNoSchedule, TaintToleration } from './plugins/taint-toleration.ts'
import { defaultProfile } from './profile.ts'
import { inTreeRegistry, withPlugins } from './registry.ts'
import { scoreFactory, withScoreFunctions, type NormalizeFunction } from './score-function.ts'
import { newSnapshot } from './snapshot.ts'
import { makeNode, makePod } from './testing.ts'

const reversed: NormalizeFunction = (raw) => {
  const scores = raw.map((score, i) => ({ name: String(i), score }))
  defaultNormalizeScore(maxNodeScore, true, scores)
  return scores.map((s) => s.score)
}

const spot = { key: 'spot', value: 'true', effect: 'PreferNoSchedule' } as const
const gpu = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' } as const
const nodes = [
  makeNode('plain').capacity({ cpu: '4', memory: '8Gi', pods: '110' }).obj(),
  makeNode('spot').capacity({ cpu: '4', memory: '8Gi', pods: '110' }).taints([spot]).obj(),
  makeNode('gpu').capacity({ cpu: '8', memory: '16Gi', pods: '110' }).taints([gpu]).obj(),
]

describe('withScoreFunctions', () => {
  const plugin = withScoreFunctions(new TaintToleration(), { score: () => 7, normalize: (raw) => raw.map((s) => s * 2) })

  test('keeps the base plugin\'s name and Filter', () => {
    const gpuNode = newSnapshot({ nodes }).get('gpu')!
    expect(plugin.name).toBe(names.TaintToleration)
    expect((plugin as unknown as TaintToleration).filter(new CycleState(), makePod('web').obj(), gpuNode)).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {dedicated: gpu}'] })
  })

  test('scores with the function and normalizes in place with the normalize function', () => {
    const scores = [{ name: 'a', score: 1 }, { name: 'b', score: 3 }]
    expect(plugin.score(new CycleState(), makePod('web').obj(), newSnapshot({ nodes }).nodeInfos[0])).toBe(7)
    expect(plugin.normalizeScore?.(new CycleState(), makePod('web').obj(), scores)).toEqual({ code: 'Success' })
    expect(scores.map((s) => s.score)).toEqual([2, 6])
  })

  test('has no NormalizeScore when no normalize function is given', () => {
    expect(withScoreFunctions(new TaintToleration(), { score: () => 0 }).normalizeScore).toBeUndefined()
  })
})

describe('a framework with TaintToleration scored by functions', () => {
  const registry = withPlugins(inTreeRegistry(), {
    [names.TaintToleration]: scoreFactory(inTreeRegistry()[names.TaintToleration], {
      score: (pod, nodeInfo) => countIntolerableTaintsPreferNoSchedule(nodeInfo, (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')),
      normalize: reversed,
    }),
  })
  const cases = [
    { name: 'a pod without tolerations prefers the untainted node and cannot use the NoSchedule one', pod: makePod('web').req({ cpu: '500m' }).obj() },
    { name: 'a pod tolerating spot sees no difference between plain and spot', pod: makePod('worker').req({ cpu: '500m' }).toleration({ key: 'spot', operator: 'Exists' }).obj() },
    { name: 'a pod tolerating everything may use every node', pod: makePod('daemon').toleration({ operator: 'Exists' }).obj() },
  ]
  test.each(cases)('$name', ({ pod }) => {
    const snapshot = newSnapshot({ nodes })
    const run = (framework: Framework) => {
      framework.setSnapshot(snapshot)
      const state = new CycleState()
      const feasible = snapshot.nodeInfos.filter((n) => !framework.runFilterPlugins(state, pod, n))
      framework.runPreScorePlugins(state, pod, feasible)
      const scored = framework.runScorePlugins(state, pod, feasible)
      return scored.ok ? scored.totals : scored
    }
    expect(run(new Framework(defaultProfile(), registry))).toEqual(run(new Framework(defaultProfile(), inTreeRegistry())))
  })
})
