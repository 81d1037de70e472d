// Lesson 10 grader: the score plugins node by node against the reference plugins in
// src/scheduler/plugins/, the whole score table against the reference framework (through
// explain.ts), the node search against schedulePod, and selectHost by its properties. Clusters are
// built around the pod so that boundaries come up often: a node's allocatable is exactly what it
// would have requested with the pod on it, less than that, an odd amount above it, a fixed size,
// or nothing; nodes come with identical twins, so ties are common.
import fc from 'fast-check'
import type { Node, NodeSelectorRequirement, Pod, PreferredSchedulingTerm, Taint, Toleration } from 'kubernetes-types/core/v1.js'
import { CycleState } from '../../src/scheduler/cycle-state.ts'
import { explain, formatExplanation } from '../../src/scheduler/explain.ts'
import { filterFactory } from '../../src/scheduler/filter-function.ts'
import { Framework } from '../../src/scheduler/framework-runtime.ts'
import type { NodeScore, ScorePlugin } from '../../src/scheduler/framework.ts'
import { NodeInfo } from '../../src/scheduler/node-info.ts'
import { nonZeroDefaults, podRequestsResource } from '../../src/scheduler/pod-requests.ts'
import { NodeResourcesBalancedAllocation } from '../../src/scheduler/plugins/balanced-allocation.ts'
import { NodeAffinity } from '../../src/scheduler/plugins/node-affinity.ts'
import { NodeResourcesFit } from '../../src/scheduler/plugins/node-resources-fit.ts'
import { TaintToleration } from '../../src/scheduler/plugins/taint-toleration.ts'
import { defaultProfile, type Profile } from '../../src/scheduler/profile.ts'
import { formatBytes, formatMilliCPU } from '../../src/scheduler/quantity.ts'
import { numFeasibleNodesToFind as referenceNumFeasible, schedulePod } from '../../src/scheduler/schedule.ts'
import { newSnapshot, snapshotOf, type Snapshot } from '../../src/scheduler/snapshot.ts'
import { scoreOnce } from '../../src/scheduler/testing.ts'
import { Random } from '../../src/sim/random.ts'
import { fail, guarantee, learnerCall, loadLearner, pass, show, sideBySide, type Verdict } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./scoring.ts')>(import.meta.url, 'scoring.ts')
type ResourceSpec = import('./scoring.ts').ResourceSpec
type ScoringConfig = import('./scoring.ts').ScoringConfig
type PluginName = import('./scoring.ts').ScorePluginName
const pluginNames: readonly PluginName[] = ['TaintToleration', 'NodeAffinity', 'NodeResourcesFit', 'NodeResourcesBalancedAllocation']

// ---------------------------------------------------------------- generators

type Requests = Record<string, string>
const opt = <T>(arb: fc.Arbitrary<T>, freq = 2) => fc.option(arb, { freq, nil: undefined })
const compact = <T extends Record<string, unknown>>(r: T) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Record<string, string>

// A container asks for cpu, memory, both, neither (then it counts as 100m / 200Mi when scoring), or an explicit 0.
const requests: fc.Arbitrary<Requests | undefined> = opt(
  fc
    .record(
      {
        cpu: opt(fc.constantFrom('250m', '100m', '333m', '500m', '1', '1500m', '0'), 4),
        memory: opt(fc.constantFrom('256Mi', '100Mi', '200Mi', '333Mi', '1Gi', '0'), 4),
      },
      { noNullPrototype: true },
    )
    .map(compact),
  4,
)

const tolerationPool: readonly Toleration[] = [
  { key: 'spot', operator: 'Exists' },
  { operator: 'Exists' },
  { key: 'spot', operator: 'Equal', value: 'true', effect: 'PreferNoSchedule' },
  { key: 'dedicated', operator: 'Equal', value: 'batch' },
  { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
  { key: 'example.com/maintenance', operator: 'Exists', effect: 'PreferNoSchedule' },
]

const expressionPool: readonly NodeSelectorRequirement[] = [
  { key: 'zone', operator: 'In', values: ['a'] },
  { key: 'zone', operator: 'In', values: ['a', 'b'] },
  { key: 'zone', operator: 'NotIn', values: ['c'] },
  { key: 'disktype', operator: 'Exists' },
  { key: 'disktype', operator: 'In', values: ['ssd'] },
  { key: 'gpu', operator: 'DoesNotExist' },
]

const preferredTerm: fc.Arbitrary<PreferredSchedulingTerm> = fc.record(
  {
    weight: fc.constantFrom(1, 50, 100, 2, 37),
    preference: fc.record({ matchExpressions: fc.uniqueArray(fc.constantFrom(...expressionPool), { minLength: 1, maxLength: 2 }) }, { noNullPrototype: true }),
  },
  { noNullPrototype: true },
)

interface PodInput {
  readonly containers: readonly (Requests | undefined)[]
  readonly tolerations: readonly Toleration[]
  readonly preferred: readonly PreferredSchedulingTerm[]
}

const podInput = (containers: fc.Arbitrary<(Requests | undefined)[]> = fc.array(requests, { minLength: 1, maxLength: 2 })): fc.Arbitrary<PodInput> =>
  fc.record(
    {
      containers,
      tolerations: fc.subarray([...tolerationPool], { maxLength: 2 }),
      preferred: fc.array(preferredTerm, { maxLength: 3 }),
    },
    { noNullPrototype: true },
  )

function buildPod(input: PodInput): Pod {
  const spec: Pod['spec'] = {
    containers: input.containers.map((r, i) => ({ name: `app${i}`, image: 'nginx:1.27', ...(r ? { resources: { requests: r } } : {}) })),
  }
  if (input.tolerations.length > 0) spec.tolerations = [...input.tolerations]
  if (input.preferred.length > 0) spec.affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [...input.preferred] } }
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'web' }, spec }
}

const taintPool: readonly Taint[] = [
  { key: 'spot', value: 'true', effect: 'PreferNoSchedule' },
  { key: 'dedicated', value: 'batch', effect: 'PreferNoSchedule' },
  { key: 'example.com/maintenance', effect: 'PreferNoSchedule' },
  { key: 'dedicated', value: 'gpu', effect: 'PreferNoSchedule' },
  { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
]

/**
 * How a node's allocatable relates to what it would have requested with the pod on it: a fixed
 * size, exactly that, an odd amount more, less than that, or none of the resource at all.
 */
type Room = 'fixed' | 'exact' | 'odd' | 'short' | 'none'
// The first value is where shrinking heads: a plain fixed-size node.
const room = fc.constantFrom<Room>('fixed', 'fixed', 'exact', 'exact', 'odd', 'odd', 'short', 'none')

interface NodeInput {
  readonly labels: Record<string, string>
  readonly taints: readonly Taint[]
  readonly running: readonly (Requests | undefined)[]
  readonly cpu: Room
  readonly memory: Room
  readonly fixed: 0 | 1 | 2 | 3
  /** "exact" and "short" measure with the scoring defaults (nonZero) or the real requests. */
  readonly basis: 'nonZero' | 'real'
  /** Identical copies of this node, so that ties are common. */
  readonly twins: 0 | 1 | 2
}

const nodeInput: fc.Arbitrary<NodeInput> = fc.record(
  {
    labels: fc.record({ zone: opt(fc.constantFrom('a', 'b', 'c'), 4), disktype: opt(fc.constantFrom('ssd', 'hdd'), 3), gpu: opt(fc.constant('true'), 2) }, { noNullPrototype: true }).map(compact),
    taints: fc.uniqueArray(fc.constantFrom(...taintPool.slice(0, 4), ...taintPool), { maxLength: 3, selector: (t) => `${t.key}=${t.value}:${t.effect}` }),
    running: fc.array(requests, { maxLength: 3 }),
    cpu: room,
    memory: room,
    fixed: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3),
    basis: fc.constantFrom<'nonZero' | 'real'>('nonZero', 'real'),
    twins: fc.constantFrom<0 | 1 | 2>(0, 0, 1, 2),
  },
  { noNullPrototype: true },
)

const fixedCPU = [4000, 3000, 7000, 1500] as const
const fixedMemory = [8 * 2 ** 30, 3 * 2 ** 30, 1000 * 2 ** 20, 7 * 2 ** 30 + 7] as const
const oddCPU = [333, 1, 1000, 2500] as const
const oddMemory = [333 * 2 ** 20, 1, 2 ** 30 + 7, 100 * 2 ** 20] as const

function capacity(r: Room, used: number, fixed: number, odd: number): number {
  switch (r) {
    case 'fixed':
      return fixed
    case 'exact':
      return used > 0 ? used : odd
    case 'odd':
      return used + odd
    case 'short':
      return used > odd ? used - odd : Math.max(1, Math.floor(used / 2))
    case 'none':
      return 0
  }
}

const scoringRequests = (pod: Pod, basis: 'nonZero' | 'real') => podRequestsResource(pod, basis === 'nonZero' ? { nonMissingContainerRequests: nonZeroDefaults } : {})

const resourcesPool: readonly (readonly ResourceSpec[])[] = [
  [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }],
  [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }],
  [{ name: 'cpu', weight: 2 }, { name: 'memory', weight: 1 }],
  [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 3 }],
  [{ name: 'cpu', weight: 1 }],
  [{ name: 'memory', weight: 5 }],
]
const scoringConfig: fc.Arbitrary<ScoringConfig> = fc.record(
  { strategy: fc.constantFrom<ScoringConfig['strategy']>('LeastAllocated', 'MostAllocated'), resources: fc.constantFrom(...resourcesPool) },
  { noNullPrototype: true },
)

interface World {
  readonly pod: Pod
  readonly nodes: readonly Node[]
  readonly running: readonly Pod[]
  readonly config: ScoringConfig
}

function buildWorld(pod: Pod, inputs: readonly NodeInput[], config: ScoringConfig): World {
  const nodes: Node[] = []
  const running: Pod[] = []
  for (const input of inputs) {
    for (let copy = 0; copy <= input.twins; copy++) {
      const name = `node-${nodes.length + 1}`
      const pods = input.running.map((r, j): Pod => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `${name}-pod-${j}`, namespace: 'default', uid: `${name}-pod-${j}` },
        spec: { nodeName: name, containers: [{ name: 'app', image: 'nginx:1.27', ...(r ? { resources: { requests: r } } : {}) }] },
      }))
      running.push(...pods)
      const used = scoringRequests({ spec: { containers: pods.flatMap((p) => p.spec!.containers) } }, input.basis)
      const want = scoringRequests(pod, input.basis)
      const cpu = capacity(input.cpu, used.milliCPU + want.milliCPU, fixedCPU[input.fixed], oddCPU[input.fixed])
      const memory = capacity(input.memory, used.memory + want.memory, fixedMemory[input.fixed], oddMemory[input.fixed])
      const allocatable = { cpu: `${cpu}m`, memory: String(memory), pods: '110' }
      nodes.push({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name, labels: { 'kubernetes.io/hostname': name, ...input.labels } },
        spec: input.taints.length > 0 ? { taints: [...input.taints] } : {},
        status: { allocatable, capacity: allocatable },
      })
    }
  }
  return { pod, nodes, running, config }
}

const worldOf = (pod: fc.Arbitrary<PodInput>) =>
  fc.record({ pod, nodes: fc.array(nodeInput, { minLength: 1, maxLength: 3 }), config: scoringConfig }, { noNullPrototype: true }).map((w) => buildWorld(buildPod(w.pod), w.nodes, w.config))

const world = worldOf(podInput())
/** Pods whose containers list no cpu or no memory: the scoring defaults decide. */
const bestEffortWorld = worldOf(podInput(fc.array(fc.constantFrom<Requests | undefined>(undefined, undefined, { cpu: '500m' }, { memory: '256Mi' }), { minLength: 1, maxLength: 2 })))

const snapshotOfWorld = (w: World): Snapshot => newSnapshot({ nodes: w.nodes, pods: w.running })

// ---------------------------------------------------------------- describing a situation

const list = (r: Record<string, string> | undefined) => (r && Object.keys(r).length > 0 ? Object.entries(r).map(([k, v]) => `${k}=${v}`).join(' ') : '(none)')
const showToleration = (t: Toleration) => `{${Object.entries(t).map(([k, v]) => `${k}: ${v}`).join(', ')}}`
const showTaint = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`
const showRequirement = (r: NodeSelectorRequirement) => `${r.key} ${r.operator}${r.values ? ` (${r.values.join(',')})` : ''}`
const showResources = (resources: readonly ResourceSpec[]) => resources.map((r) => `${r.name}×${r.weight}`).join(' ')
const showConfig = (c: ScoringConfig) => `scoring: NodeResourcesFit ${c.strategy}, resources ${showResources(c.resources)}`

function describeContainerRequests(r: Requests | undefined): string {
  const missing = ['cpu', 'memory'].filter((name) => r?.[name] === undefined)
  const defaults = missing.map((name) => (name === 'cpu' ? 'cpu as 100m' : 'memory as 200Mi'))
  return `requests ${list(r)}${defaults.length > 0 ? `  (NodeResourcesFit counts ${defaults.join(' and ')})` : ''}`
}

function describePod(pod: Pod): string {
  const s = pod.spec!
  const lines = [`pod ${pod.metadata!.name}:`]
  for (const c of s.containers) lines.push(`  container ${c.name}: ${describeContainerRequests(c.resources?.requests as Requests | undefined)}`)
  if (s.tolerations) lines.push(`  tolerations: ${s.tolerations.map(showToleration).join(', ')}`)
  for (const t of s.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    lines.push(`  preferred node affinity, weight ${t.weight}: ${(t.preference.matchExpressions ?? []).map(showRequirement).join(' AND ')}`)
  }
  return lines.join('\n')
}

function describeNode(nodeInfo: NodeInfo): string {
  const n = nodeInfo.node
  const a = nodeInfo.allocatable
  const r = nodeInfo.requested
  const nz = nodeInfo.nonZeroRequested
  return [
    `node ${nodeInfo.name}: labels ${list(n.metadata?.labels)}`,
    `  taints: ${(n.spec?.taints ?? []).map(showTaint).join(', ') || '(none)'}`,
    `  allocatable: cpu=${formatMilliCPU(a.milliCPU)} memory=${formatBytes(a.memory)}`,
    `  ${nodeInfo.pods.length} pod(s) running, requesting cpu=${formatMilliCPU(r.milliCPU)} memory=${formatBytes(r.memory)}` +
      (nz.milliCPU !== r.milliCPU || nz.memory !== r.memory ? ` (with the scoring defaults: cpu=${formatMilliCPU(nz.milliCPU)} memory=${formatBytes(nz.memory)})` : ''),
  ].join('\n')
}

const describeWorld = (w: World) => [describePod(w.pod), showConfig(w.config), ...snapshotOfWorld(w).nodeInfos.map(describeNode)].join('\n')

const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1000) / 1000))
const unit = (name: string, x: number) => (name === 'cpu' ? `${x}m` : formatBytes(x))

/** The reference's arithmetic for one node, step by step, so a learner can redo it by hand. */
function arithmetic(kind: 'least' | 'most' | 'balanced', pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[]): string[] {
  const nonZero = kind !== 'balanced'
  const podReq = scoringRequests(pod, nonZero ? 'nonZero' : 'real')
  const onNode = nonZero ? nodeInfo.nonZeroRequested : nodeInfo.requested
  const get = (r: { milliCPU: number; memory: number }, name: string) => (name === 'cpu' ? r.milliCPU : r.memory)
  if (kind === 'balanced' && resources.every((r) => get(podReq, r.name) === 0)) return ['the pod requests none of the resources: BalancedAllocation skips it, 0 on every node']
  const lines: string[] = []
  const parts: { score: number; weight: number }[] = []
  const fractions: number[] = []
  for (const { name, weight } of resources) {
    const cap = get(nodeInfo.allocatable, name)
    const req = get(onNode, name) + get(podReq, name)
    const head = `${name.padEnd(6)} ${unit(name, get(onNode, name))} on the node + ${unit(name, get(podReq, name))} for the pod = ${unit(name, req)} of ${unit(name, cap)}`
    if (cap === 0) {
      lines.push(`${head}: the node has none, left out`)
      continue
    }
    if (kind === 'least') {
      const exact = ((cap - req) * 100) / cap
      const score = req > cap ? 0 : Math.trunc(exact)
      lines.push(`${head} → ${req > cap ? 'over capacity → 0' : `(${cap} − ${req}) × 100 / ${cap} = ${num(exact)} → ${score}`}`)
      parts.push({ score, weight })
    } else if (kind === 'most') {
      const r = Math.min(req, cap)
      const exact = (r * 100) / cap
      lines.push(`${head} → ${r} × 100 / ${cap} = ${num(exact)} → ${Math.trunc(exact)}`)
      parts.push({ score: Math.trunc(exact), weight })
    } else {
      const f = Math.min(req / cap, 1)
      lines.push(`${head} → fraction ${num(f)}`)
      fractions.push(f)
    }
  }
  if (kind === 'balanced') {
    const std = fractions.length === 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0
    lines.push(`std = ${fractions.length === 2 ? `|${num(fractions[0])} − ${num(fractions[1])}| / 2 = ${num(std)}` : '0 (fewer than two fractions)'} → (1 − std) × 100 = ${num((1 - std) * 100)} → ${Math.trunc((1 - std) * 100)}`)
  } else {
    const sum = parts.reduce((s, p) => s + p.score * p.weight, 0)
    const weights = parts.reduce((s, p) => s + p.weight, 0)
    lines.push(weights === 0 ? 'no resources left: 0' : `node score = (${parts.map((p) => `${p.score}×${p.weight}`).join(' + ')}) / ${weights} = ${num(sum / weights)} → ${Math.trunc(sum / weights)}`)
  }
  return lines
}

const indent = (lines: readonly string[]) => lines.map((l) => `  ${l}`)

// ---------------------------------------------------------------- per-plugin comparisons

const isScore = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

interface ScoreFunctionUnderTest {
  readonly label: string
  readonly reference: (w: World, nodes: readonly NodeInfo[]) => number[]
  readonly call: (w: World, nodeInfo: NodeInfo) => number
  readonly kind: 'least' | 'most' | 'balanced'
}

const fitReference = (strategy: ScoringConfig['strategy']) => (w: World, nodes: readonly NodeInfo[]) =>
  scoreOnce(new NodeResourcesFit({ scoringStrategy: { type: strategy, resources: w.config.resources } }), w.pod, nodes)

const resourceScorers: Record<'least' | 'most' | 'balanced', ScoreFunctionUnderTest> = {
  least: { label: 'leastAllocated(pod, nodeInfo, resources)', kind: 'least', reference: fitReference('LeastAllocated'), call: (w, n) => learner.leastAllocated(w.pod, n, w.config.resources) },
  most: { label: 'mostAllocated(pod, nodeInfo, resources)', kind: 'most', reference: fitReference('MostAllocated'), call: (w, n) => learner.mostAllocated(w.pod, n, w.config.resources) },
  balanced: {
    label: 'balancedAllocation(pod, nodeInfo, resources)',
    kind: 'balanced',
    reference: (w, nodes) => scoreOnce(new NodeResourcesBalancedAllocation({ resources: w.config.resources }), w.pod, nodes),
    call: (w, n) => learner.balancedAllocation(w.pod, n, w.config.resources),
  },
}

function compareResourceScores(w: World, f: ScoreFunctionUnderTest): Verdict {
  const nodes = snapshotOfWorld(w).nodeInfos
  const want = f.reference(w, nodes)
  const got = nodes.map((n) => learnerCall(f.label, () => f.call(w, n), [w.pod, n.node]))
  const bad = got.findIndex((g) => !isScore(g))
  if (bad >= 0) return fail(`${describePod(w.pod)}\n${describeNode(nodes[bad])}\n\n${f.label} returned ${show(got[bad])} for ${nodes[bad].name}, which is not a number.`)
  const first = want.findIndex((s, i) => s !== got[i])
  if (first < 0) return pass
  const n = nodes[first]
  return fail(
    [
      `${f.label} disagrees with the reference on ${n.name}.`,
      '',
      describePod(w.pod),
      `resources: ${showResources(w.config.resources)}`,
      ...nodes.map(describeNode),
      '',
      sideBySide(
        nodes.map((x, i) => `${x.name}: ${want[i]}`),
        nodes.map((x, i) => `${x.name}: ${got[i]}`),
      ),
      '',
      `How the reference scores ${n.name}:`,
      ...indent(arithmetic(f.kind, w.pod, n, w.config.resources)),
    ].join('\n'),
  )
}

interface NormalizedUnderTest {
  readonly plugin: string
  readonly reference: ScorePlugin
  readonly raw: (pod: Pod, nodeInfo: NodeInfo) => number
  readonly rawLabel: string
  readonly reverse: boolean
  readonly unitOfRaw: string
}

function referenceRaw(plugin: ScorePlugin, pod: Pod, nodes: readonly NodeInfo[]): number[] {
  const state = new CycleState()
  ;(plugin as Partial<{ preScore: (s: CycleState, p: Pod, n: readonly NodeInfo[]) => unknown }>).preScore?.(state, pod, nodes)
  return nodes.map((n) => plugin.score(state, pod, n) as number)
}

function compareNormalized(w: World, f: NormalizedUnderTest): Verdict {
  const nodes = snapshotOfWorld(w).nodeInfos
  const wantRaw = referenceRaw(f.reference, w.pod, nodes)
  const want = scoreOnce(f.reference, w.pod, nodes)
  const gotRaw = nodes.map((n) => learnerCall(f.rawLabel, () => f.raw(w.pod, n), [w.pod, n.node]))
  const badRaw = gotRaw.findIndex((g) => !isScore(g))
  if (badRaw >= 0) return fail(`${describePod(w.pod)}\n${describeNode(nodes[badRaw])}\n\n${f.rawLabel} returned ${show(gotRaw[badRaw])} for ${nodes[badRaw].name}, which is not a number.`)
  const label = `normalizeScores(${show(gotRaw)}, ${f.reverse})`
  const got = learnerCall(label, () => learner.normalizeScores(gotRaw, f.reverse), [gotRaw])
  if (!Array.isArray(got) || got.length !== nodes.length) return fail(`${label} returned ${show(got)}; it should return one score per node (${nodes.length}).`)
  const line = (n: NodeInfo, raw: unknown, score: unknown) => `${n.name}: ${f.unitOfRaw} ${raw} → ${score}`
  const refLines = nodes.map((n, i) => line(n, wantRaw[i], want[i]))
  const yourLines = nodes.map((n, i) => line(n, gotRaw[i], got[i]))
  if (show(refLines) === show(yourLines)) return pass
  return fail(
    [
      `${f.plugin}'s scores differ from the reference (raw score → after ${label.split('(')[0]}(…, ${f.reverse})).`,
      '',
      describePod(w.pod),
      ...nodes.map(describeNode),
      '',
      sideBySide(refLines, yourLines),
      '',
      f.reverse
        ? 'NormalizeScore (reversed): 100 − raw × 100 / highest raw, integer division; all 100 when every raw score is 0.'
        : 'NormalizeScore: raw × 100 / highest raw, integer division; all 0 when every raw score is 0.',
    ].join('\n'),
  )
}

// ---------------------------------------------------------------- the score table

function profileFor(config: ScoringConfig): Profile {
  return {
    ...defaultProfile(),
    pluginConfig: {
      NodeResourcesFit: { scoringStrategy: { type: config.strategy, resources: config.resources } },
      NodeResourcesBalancedAllocation: { resources: config.resources },
    },
  }
}

const referenceWeights = new Map(defaultProfile().plugins.map((p) => [p.name, p.weight ?? 1]))

const tableLine = (node: string, plugin: string, raw: unknown, normalized: unknown, weight: unknown) => `${node} ${plugin.padEnd(31)} ${raw} → ${normalized} ×${weight}`

function compareTable(w: World): Verdict {
  const snapshot = snapshotOfWorld(w)
  const reference = explain(w.pod, snapshot, { profile: profileFor(w.config) })
  const feasible = reference.feasible.map((name) => snapshot.get(name)!)
  if (feasible.length === 0) return pass
  const table = learnerCall('scoreNodes(pod, nodes, config)', () => learner.scoreNodes(w.pod, feasible, w.config), [w.pod, w.config, ...feasible.map((n) => n.node)])
  const refLines: string[] = []
  const yourLines: string[] = []
  feasible.forEach((n, i) => {
    const verdict = reference.nodes.find((v) => v.node === n.name)!
    for (const plugin of pluginNames) {
      const s = verdict.scores.find((x) => x.plugin === plugin)
      // A plugin the reference skipped (PreScore Skip) scores 0 on every node.
      refLines.push(tableLine(n.name, plugin, s?.raw ?? 0, s?.normalized ?? 0, s?.weight ?? referenceWeights.get(plugin)))
      const row = Array.isArray(table?.byPlugin) ? table.byPlugin.find((p) => p?.plugin === plugin) : undefined
      yourLines.push(row ? tableLine(n.name, plugin, row.raw?.[i], row.normalized?.[i], row.weight) : `${n.name} ${plugin}: missing from byPlugin`)
    }
    refLines.push(`${n.name} total ${verdict.total}`)
    const total = table?.totals?.[i]
    yourLines.push(total?.name === n.name ? `${n.name} total ${total.score}` : `${n.name} total: totals[${i}] is ${show(total)}`)
  })
  if (show(refLines) === show(yourLines)) return pass
  const firstDiff = refLines.findIndex((l, i) => l !== yourLines[i])
  const node = feasible[Math.floor(firstDiff / (pluginNames.length + 1))]
  const scores = reference.nodes.find((v) => v.node === node.name)!.scores
  const sum = `${node.name}: total = ${scores.map((s) => `${s.normalized}×${s.weight}`).join(' + ')} = ${scores.reduce((t, s) => t + s.normalized * s.weight, 0)} (skipped plugins add nothing)`
  return fail(
    [
      'The score table differs from the reference (each line: raw → normalized ×weight; total = Σ normalized × weight).',
      '',
      describePod(w.pod),
      showConfig(w.config),
      ...feasible.map(describeNode),
      '',
      sideBySide(refLines, yourLines),
      '',
      sum,
      '',
      "The reference scheduler's view:",
      formatExplanation(reference, reference.feasible),
    ].join('\n'),
  )
}

// ---------------------------------------------------------------- guarantees: scores

guarantee('LeastAllocated scores each node exactly as Kubernetes does, truncating where it truncates', world, (w) => compareResourceScores(w, resourceScorers.least), {
  runs: 100,
  describe: describeWorld,
})

guarantee('MostAllocated scores each node exactly as Kubernetes does, truncating where it truncates', world, (w) => compareResourceScores(w, resourceScorers.most), {
  runs: 100,
  describe: describeWorld,
})

guarantee(
  'BalancedAllocation scores each node by how evenly cpu and memory would be used, (1 − std) × 100 truncated, from real requests',
  world,
  (w) => compareResourceScores(w, resourceScorers.balanced),
  { runs: 100, describe: describeWorld },
)

guarantee(
  'a pod with no requests is scored with the default 100m CPU and 200Mi memory',
  bestEffortWorld,
  (w) => {
    const least = compareResourceScores(w, resourceScorers.least)
    return least.ok ? compareResourceScores(w, resourceScorers.most) : least
  },
  { runs: 80, describe: describeWorld },
)

guarantee(
  'TaintToleration prefers nodes with fewer intolerable PreferNoSchedule taints',
  world,
  (w) =>
    compareNormalized(w, {
      plugin: 'TaintToleration',
      reference: new TaintToleration(),
      raw: (p, n) => learner.taintToleration(p, n),
      rawLabel: 'taintToleration(pod, nodeInfo)',
      reverse: true,
      unitOfRaw: 'intolerable',
    }),
  { runs: 100, describe: describeWorld },
)

guarantee(
  'preferred node affinity adds the weights of the terms a node matches',
  world,
  (w) =>
    compareNormalized(w, {
      plugin: 'NodeAffinity',
      reference: new NodeAffinity(),
      raw: (p, n) => learner.nodeAffinity(p, n),
      rawLabel: 'nodeAffinity(pod, nodeInfo)',
      reverse: false,
      unitOfRaw: 'weights',
    }),
  { runs: 100, describe: describeWorld },
)

guarantee('scores are normalized to 0–100 and weighted as the default profile weights them', world, compareTable, { runs: 100, describe: describeWorld })

// ---------------------------------------------------------------- guarantees: how many nodes

// Cluster sizes around every edge of the formula: 100 nodes, the 5% floor (5750), and big ones.
const clusterSize = fc.oneof(
  { withCrossShrink: true },
  fc.integer({ min: 0, max: 99 }),
  fc.constantFrom(99, 100, 101, 124, 125, 126, 249, 250, 1000, 1999, 2000, 2001, 5624, 5625, 5749, 5750, 5751, 6000, 10000, 15000),
  fc.integer({ min: 100, max: 20000 }),
)
const percentage = fc.constantFrom<number | undefined>(undefined, 0, undefined, 0, 1, 5, 10, 50, 100, 3, 70)

interface SearchInput {
  readonly size: number
  readonly start: number
  readonly percentage: number | undefined
  readonly unfit: 'none' | 'some' | 'most' | 'all'
  readonly seed: number
}

const searchInput: fc.Arbitrary<SearchInput> = fc.record(
  {
    size: fc.oneof({ withCrossShrink: true }, fc.integer({ min: 0, max: 20 }), fc.constantFrom(99, 100, 101, 120, 130, 250, 300)),
    start: fc.nat(1000),
    percentage,
    unfit: fc.constantFrom<SearchInput['unfit']>('none', 'some', 'most', 'all'),
    seed: fc.nat(),
  },
  { noNullPrototype: true },
)

/** What the reference's filter loop keeps, through schedulePod with a filter that accepts `fits`. */
function referenceSearch(names: readonly string[], start: number, pct: number | undefined, fits: ReadonlySet<string>): { feasible: string[]; nextStartIndex: number } {
  const snapshot = snapshotOf(names.map((name) => new NodeInfo({ metadata: { name } })))
  const profile: Profile = { schedulerName: 'default-scheduler', plugins: [{ name: 'Fits' }], percentageOfNodesToScore: pct }
  const registry = { Fits: filterFactory('Fits', (_pod, n) => (fits.has(n.name) ? { code: 'Success' } : { code: 'Unschedulable', reasons: ['does not fit'] })) }
  const result = schedulePod(new Framework(profile, registry), new CycleState(), { metadata: { name: 'web' } }, snapshot, { random: new Random(1), startIndex: start })
  if (result.kind === 'Scheduled') return { feasible: result.scores ? result.scores.map((s) => s.name) : [result.nodeName], nextStartIndex: result.nextStartIndex }
  return { feasible: [], nextStartIndex: result.nextStartIndex }
}

guarantee(
  'the scheduler looks at exactly as many nodes as numFeasibleNodesToFind says',
  fc.record({ numAllNodes: clusterSize, percentage, search: searchInput }, { noNullPrototype: true }),
  ({ numAllNodes, percentage: pct, search }) => {
    const want = referenceNumFeasible(pct, numAllNodes)
    const got = learnerCall(`numFeasibleNodesToFind(${pct}, ${numAllNodes})`, () => learner.numFeasibleNodesToFind(pct, numAllNodes))
    if (got !== want) {
      const adaptive = pct === undefined || pct === 0
      const percent = adaptive ? Math.max(5, 50 - Math.trunc(numAllNodes / 125)) : pct
      const how =
        numAllNodes < 100
          ? `fewer than 100 nodes: all ${numAllNodes} of them`
          : `${adaptive ? `adaptive percentage max(5, 50 − ${numAllNodes} / 125) = ${percent}` : `percentageOfNodesToScore ${pct}`}; ${numAllNodes} × ${percent} / 100 = ${Math.trunc((numAllNodes * percent) / 100)}, at least 100 → ${want}`
      return fail(`numFeasibleNodesToFind(${pct}, ${numAllNodes}): the reference says ${want}, your code says ${show(got)}.\n  ${how}`)
    }
    // The search itself: round-robin from startIndex, stopping once enough nodes fit.
    const names = Array.from({ length: search.size }, (_, i) => `node-${i}`)
    const random = new Random(search.seed)
    const share = { none: 1, some: 0.7, most: 0.2, all: 0 }[search.unfit]
    const fits = new Set(names.filter(() => random.float() < share))
    const start = search.size === 0 ? 0 : search.start % search.size
    const ref = referenceSearch(names, start, search.percentage, fits)
    const label = `findFeasibleNodes(${search.size} nodes, startIndex ${start}, ${search.percentage}, fits)`
    const yours = learnerCall(label, () => learner.findFeasibleNodes(names, start, search.percentage, (n) => fits.has(n)), [names])
    const summary = (r: { feasible: readonly string[]; nextStartIndex: number }) => [
      `${r.feasible?.length} feasible`,
      `first: ${r.feasible?.slice(0, 3).join(', ')}`,
      `last: ${r.feasible?.slice(-3).join(', ')}`,
      `nextStartIndex ${r.nextStartIndex}`,
    ]
    if (show(ref) === show(yours)) return pass
    return fail(
      [
        `${label} differs from the reference.`,
        `${search.size} nodes (node-0 … node-${search.size - 1}), ${fits.size} of them fit; the search starts at node-${start}; it stops after ${referenceNumFeasible(search.percentage, search.size)} feasible nodes.`,
        '',
        sideBySide(summary(ref), summary(yours ?? { feasible: [], nextStartIndex: NaN })),
      ].join('\n'),
    )
  },
  { runs: 200 },
)

// ---------------------------------------------------------------- guarantees: selection

const scoreList = fc.array(fc.constantFrom(0, 100, 300, 300, 301, 450), { minLength: 1, maxLength: 8 }).map((scores) => scores.map((score, i): NodeScore => ({ name: `node-${i + 1}`, score })))

const showScores = (scores: readonly NodeScore[]) => scores.map((s) => `${s.name}=${s.score}`).join(' ')

guarantee(
  'the chosen node has the top total score',
  fc.record({ scores: scoreList, seed: fc.nat() }, { noNullPrototype: true }),
  ({ scores, seed }) => {
    const top = Math.max(...scores.map((s) => s.score))
    const chosen = learnerCall('selectHost(scores, random)', () => learner.selectHost(scores, new Random(seed)), [scores])
    if (scores.some((s) => s.name === chosen && s.score === top)) return pass
    return fail(`selectHost(scores, random) with totals ${showScores(scores)} chose ${show(chosen)}; the top total is ${top} (${scores.filter((s) => s.score === top).map((s) => s.name).join(', ')}).`)
  },
  { runs: 150 },
)

// Several nodes tied for the top, mixed with lower ones.
const tiedScores = fc
  .record({ tied: fc.integer({ min: 2, max: 5 }), others: fc.array(fc.constantFrom(0, 100, 299), { maxLength: 3 }), order: fc.nat() }, { noNullPrototype: true })
  .map(({ tied, others, order }) => {
    const all = [...Array.from({ length: tied }, () => 300), ...others]
    const shuffled = new Random(order).shuffle(all)
    return shuffled.map((score, i): NodeScore => ({ name: `node-${i + 1}`, score }))
  })

const seeds = 200

guarantee(
  'over many seeds every top-scoring node gets chosen',
  tiedScores,
  (scores) => {
    const counts = new Map(scores.map((s) => [s.name, 0]))
    const outside: string[] = []
    for (let seed = 1; seed <= seeds; seed++) {
      const chosen = learnerCall('selectHost(scores, random)', () => learner.selectHost(scores, new Random(seed)), [scores])
      // The same seed must choose the same node: the choice comes from the Random alone.
      const again = seed <= 20 ? learnerCall('selectHost(scores, random)', () => learner.selectHost(scores, new Random(seed)), [scores]) : chosen
      if (chosen !== again) {
        return fail(`selectHost(scores, random) with totals ${showScores(scores)} chose ${show(chosen)} and then ${show(again)} with the same seed ${seed}: draw every random choice from the Random you are given (random.int), so a seed replays the choice.`)
      }
      if (counts.has(chosen)) counts.set(chosen, counts.get(chosen)! + 1)
      else outside.push(String(chosen))
    }
    const top = Math.max(...scores.map((s) => s.score))
    const never = scores.filter((s) => s.score === top && counts.get(s.name) === 0)
    const lower = scores.filter((s) => s.score < top && counts.get(s.name)! > 0)
    if (never.length === 0 && lower.length === 0 && outside.length === 0) return pass
    const rows = scores.map((s) => `${s.name}  total ${s.score}${s.score === top ? ' (top)' : ''}: chosen ${counts.get(s.name)} of ${seeds} times`)
    return fail(
      [
        `selectHost(scores, random) run with ${seeds} seeds (new Random(1) … new Random(${seeds})) on the same totals:`,
        ...rows.map((r) => `  ${r}`),
        ...(outside.length > 0 ? [`  and ${outside.length} choices of something else: ${show(outside.slice(0, 3))}`] : []),
        '',
        never.length > 0
          ? `${never.map((s) => s.name).join(', ')} tied for the top but ${never.length === 1 ? 'was' : 'were'} never chosen: among tied nodes, each must be chosen with equal chance.`
          : `${lower.map((s) => s.name).join(', ')} did not have the top total but got chosen.`,
      ].join('\n'),
    )
  },
  { runs: 15 },
)
