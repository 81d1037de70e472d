// Lesson 09 grader: the four filters, checked node by node against the reference plugins in
// src/scheduler/plugins/ on generated clusters, then together inside a whole scheduling cycle.
// Clusters are built around the pod so that the boundaries come up often: a node's allocatable
// is the running pods' requests plus the pod's own request plus a small slack (−1 step, 0, +1
// step) or less than the pod's request alone; the pod limit is at or just above the running
// count; tolerations come from a pool with `operator: Exists` and no key, the cordon toleration,
// wrong effects and values; taints use all three effects.
import fc from 'fast-check'
import type { Node, NodeSelectorRequirement, Pod, Taint, Toleration } from 'kubernetes-types/core/v1.js'
import { explain, formatExplanation } from '../../src/scheduler/explain.ts'
import { filterFactory, type FilterFunction } from '../../src/scheduler/filter-function.ts'
import type { NodeInfo } from '../../src/scheduler/node-info.ts'
import { podRequestsResource } from '../../src/scheduler/pod-requests.ts'
import type { FilterPlugin } from '../../src/scheduler/framework.ts'
import { names } from '../../src/scheduler/plugins/names.ts'
import { NodeAffinity } from '../../src/scheduler/plugins/node-affinity.ts'
import { NodeResourcesFit } from '../../src/scheduler/plugins/node-resources-fit.ts'
import { NodeUnschedulable } from '../../src/scheduler/plugins/node-unschedulable.ts'
import { TaintToleration } from '../../src/scheduler/plugins/taint-toleration.ts'
import { formatBytes, formatMilliCPU } from '../../src/scheduler/quantity.ts'
import { inTreeRegistry, withPlugins } from '../../src/scheduler/registry.ts'
import { newSnapshot, type Snapshot } from '../../src/scheduler/snapshot.ts'
import { showStatus, type Status } from '../../src/scheduler/status.ts'
import { filterOnce } from '../../src/scheduler/testing.ts'
import { fail, guarantee, learnerCall, loadLearner, pass, show, sideBySide, type Verdict } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./filters.ts')>(import.meta.url, 'filters.ts')

// ---------------------------------------------------------------- generators

type Requests = Record<string, string>
const opt = <T>(arb: fc.Arbitrary<T>, freq = 2) => fc.option(arb, { freq, nil: undefined })
const cpu = fc.constantFrom('100m', '250m', '500m', '1', '1500m', '2')
const memory = fc.constantFrom('64Mi', '128Mi', '256Mi', '512Mi', '1Gi')
const requests: fc.Arbitrary<Requests | undefined> = opt(
  fc
    .record(
      { cpu: opt(cpu, 4), memory: opt(memory, 4), 'example.com/gpu': opt(fc.constantFrom('1', '2'), 1), 'ephemeral-storage': opt(fc.constantFrom('1Gi', '2Gi'), 1) },
      { noNullPrototype: true },
    )
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Requests),
  6,
)

interface InitSpec {
  readonly sidecar: boolean
  readonly requests: Requests | undefined
}

interface PodSpecInput {
  readonly containers: readonly (Requests | undefined)[]
  readonly inits: readonly InitSpec[]
  readonly overhead: Requests | undefined
  readonly nodeSelector: Record<string, string> | undefined
  readonly terms: readonly (readonly NodeSelectorRequirement[])[] | undefined
  readonly tolerations: readonly Toleration[]
}

const labelKeys = ['zone', 'disktype', 'gpu'] as const
const labelValues = { zone: ['a', 'b'], disktype: ['ssd', 'hdd'], gpu: ['true'] } as const
const requirement: fc.Arbitrary<NodeSelectorRequirement> = fc.constantFrom(...labelKeys).chain((key) =>
  fc.oneof(
    fc.record({ key: fc.constant(key), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...labelValues[key]), { minLength: 1, maxLength: 2 }) }, { noNullPrototype: true }),
    fc.record({ key: fc.constant(key), operator: fc.constantFrom('Exists', 'DoesNotExist') }, { noNullPrototype: true }),
  ),
)

const tolerationPool: readonly Toleration[] = [
  { operator: 'Exists' },
  { operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'PreferNoSchedule' },
  { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
  { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'PreferNoSchedule' },
  { key: 'dedicated', operator: 'Exists' },
  { key: 'dedicated', value: 'batch' },
  { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
]

const podInput: fc.Arbitrary<PodSpecInput> = fc.record(
  {
    containers: fc.array(requests, { minLength: 1, maxLength: 2 }),
    inits: fc.array(fc.record({ sidecar: fc.boolean(), requests }, { noNullPrototype: true }), { maxLength: 2 }),
    overhead: opt(fc.record({ cpu: fc.constantFrom('100m', '250m'), memory: fc.constantFrom('64Mi', '128Mi') }, { noNullPrototype: true }), 2),
    nodeSelector: opt(
      fc
        .record({ zone: opt(fc.constantFrom('a', 'b'), 2), disktype: opt(fc.constantFrom('ssd', 'hdd'), 2) }, { noNullPrototype: true })
        .map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)) as Record<string, string>)
        .filter((l) => Object.keys(l).length > 0),
      3,
    ),
    terms: opt(fc.array(fc.array(requirement, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }), 2),
    tolerations: fc.subarray([...tolerationPool], { maxLength: 3 }),
  },
  { noNullPrototype: true },
)

function buildPod(input: PodSpecInput): Pod {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'web' },
    spec: {
      containers: input.containers.map((r, i) => ({ name: `app${i}`, image: 'nginx:1.27', ...(r ? { resources: { requests: r } } : {}) })),
    },
  }
  const spec = pod.spec!
  if (input.inits.length > 0) {
    spec.initContainers = input.inits.map((c, i) => ({
      name: c.sidecar ? `sidecar${i}` : `init${i}`,
      image: 'busybox:1.36',
      ...(c.sidecar ? { restartPolicy: 'Always' } : {}),
      ...(c.requests ? { resources: { requests: c.requests } } : {}),
    }))
  }
  if (input.overhead) spec.overhead = input.overhead
  if (input.nodeSelector) spec.nodeSelector = input.nodeSelector
  if (input.terms) spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: input.terms.map((t) => ({ matchExpressions: [...t] })) } } }
  if (input.tolerations.length > 0) spec.tolerations = [...input.tolerations]
  return pod
}

const taintPool: readonly Taint[] = [
  { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
  { key: 'dedicated', value: 'batch', effect: 'NoExecute' },
  { key: 'dedicated', value: 'gpu', effect: 'PreferNoSchedule' },
  { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
  { key: 'spot', value: 'true', effect: 'PreferNoSchedule' },
]

/** How allocatable relates to (running pods + this pod) for one resource. */
type Slack = 'short' | 'exact' | 'spare' | 'roomy' | 'tiny'
// The first value is where shrinking heads: a roomy node, so a failure shows only what matters.
const slack = fc.constantFrom<Slack>('roomy', 'exact', 'exact', 'spare', 'short', 'tiny')

interface NodeInput {
  readonly labels: Record<string, string>
  readonly taints: readonly Taint[]
  readonly unschedulable: boolean
  readonly running: readonly (Requests | undefined)[]
  readonly cpu: Slack
  readonly memory: Slack
  readonly gpu: Slack | 'none'
  readonly storage: Slack | 'none'
  readonly podRoom: 0 | 1 | 5
}

const nodeInput: fc.Arbitrary<NodeInput> = fc.record(
  {
    labels: fc.record({ zone: opt(fc.constantFrom('a', 'b'), 4), disktype: opt(fc.constantFrom('ssd', 'hdd'), 3), gpu: opt(fc.constant('true'), 2) }, { noNullPrototype: true }).map(
      (l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)) as Record<string, string>,
    ),
    taints: fc.uniqueArray(fc.constantFrom(...taintPool), { maxLength: 2, selector: (t) => `${t.key}:${t.effect}` }),
    unschedulable: fc.constantFrom(false, false, true),
    running: fc.array(requests, { maxLength: 3 }),
    cpu: slack,
    memory: slack,
    gpu: fc.constantFrom<Slack | 'none'>('none', 'exact', 'short', 'spare'),
    storage: fc.constantFrom<Slack | 'none'>('none', 'none', 'exact', 'short', 'roomy'),
    podRoom: fc.constantFrom<0 | 1 | 5>(5, 1, 1, 0),
  },
  { noNullPrototype: true },
)

interface World {
  readonly pod: Pod
  readonly nodes: readonly Node[]
  readonly running: readonly Pod[]
}

function sum(list: readonly (Requests | undefined)[], name: string, toUnits: (q: Requests) => number): number {
  return list.reduce((acc, r) => acc + (r && r[name] !== undefined ? toUnits(r) : 0), 0)
}

function amount(step: number, used: number, want: number, s: Slack): number {
  switch (s) {
    case 'short':
      return Math.max(0, used + want - step)
    case 'exact':
      return used + want
    case 'spare':
      return used + want + step
    case 'roomy':
      return used + want + 8 * step
    case 'tiny':
      return Math.max(0, want - step)
  }
}

function buildWorld(pod: Pod, inputs: readonly NodeInput[]): World {
  const want = podRequestsResource(pod)
  const nodes: Node[] = []
  const running: Pod[] = []
  inputs.forEach((input, i) => {
    const name = `node-${i + 1}`
    const pods = input.running.map((r, j): Pod => ({
      metadata: { name: `${name}-pod-${j}`, namespace: 'default', uid: `${name}-pod-${j}` },
      spec: { nodeName: name, containers: [{ name: 'app', image: 'nginx:1.27', ...(r ? { resources: { requests: r } } : {}) }] },
    }))
    running.push(...pods)
    const used = podRequestsResource({ spec: { containers: pods.flatMap((p) => p.spec!.containers) } })
    const allocatable: Record<string, string> = {
      cpu: `${amount(100, used.milliCPU, want.milliCPU, input.cpu)}m`,
      memory: String(amount(64 * 1024 * 1024, used.memory, want.memory, input.memory)),
      pods: String(pods.length + input.podRoom),
    }
    if (input.gpu !== 'none') allocatable['example.com/gpu'] = String(amount(1, used.scalar.get('example.com/gpu') ?? 0, want.scalar.get('example.com/gpu') ?? 0, input.gpu))
    if (input.storage !== 'none') allocatable['ephemeral-storage'] = String(amount(1024 * 1024 * 1024, used.ephemeralStorage, want.ephemeralStorage, input.storage))
    nodes.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, ...input.labels } },
      spec: { ...(input.taints.length > 0 ? { taints: [...input.taints] } : {}), ...(input.unschedulable ? { unschedulable: true } : {}) },
      status: { allocatable, capacity: allocatable },
    })
  })
  return { pod, nodes, running }
}

// Pod and nodes are generated independently (no chain), so fast-check can shrink both.
const world: fc.Arbitrary<World> = fc.tuple(podInput, fc.array(nodeInput, { minLength: 1, maxLength: 4 })).map(([input, nodes]) => buildWorld(buildPod(input), nodes))

// ---------------------------------------------------------------- describing a situation

const list = (r: Record<string, string> | undefined) => (r && Object.keys(r).length > 0 ? Object.entries(r).map(([k, v]) => `${k}=${v}`).join(' ') : '(none)')
const showToleration = (t: Toleration) => `{${Object.entries(t).map(([k, v]) => `${k}: ${v}`).join(', ')}}`
const showTaint = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`
const showRequirement = (r: NodeSelectorRequirement) => `${r.key} ${r.operator}${r.values ? ` (${r.values.join(',')})` : ''}`

function describePod(pod: Pod): string {
  const s = pod.spec!
  const lines = [`pod ${pod.metadata!.name}:`]
  for (const c of s.containers) lines.push(`  container ${c.name}: requests ${list(c.resources?.requests as Requests)}`)
  for (const c of s.initContainers ?? []) lines.push(`  initContainer ${c.name}${c.restartPolicy === 'Always' ? ' (restartPolicy: Always, a sidecar)' : ''}: requests ${list(c.resources?.requests as Requests)}`)
  if (s.overhead) lines.push(`  overhead: ${list(s.overhead as Requests)}`)
  if (s.nodeSelector) lines.push(`  nodeSelector: ${list(s.nodeSelector)}`)
  const terms = s.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (terms) lines.push(`  required node affinity: ${terms.map((t) => `[${(t.matchExpressions ?? []).map(showRequirement).join(' AND ')}]`).join(' OR ')}`)
  if (s.tolerations) lines.push(`  tolerations: ${s.tolerations.map(showToleration).join(', ')}`)
  return lines.join('\n')
}

function describeNode(nodeInfo: NodeInfo): string {
  const n = nodeInfo.node
  const a = nodeInfo.allocatable
  const r = nodeInfo.requested
  const extra = [...a.scalar].map(([k, v]) => ` ${k}=${v}`).join('') + (a.ephemeralStorage ? ` ephemeral-storage=${formatBytes(a.ephemeralStorage)}` : '')
  const used = [...r.scalar].map(([k, v]) => ` ${k}=${v}`).join('') + (r.ephemeralStorage ? ` ephemeral-storage=${formatBytes(r.ephemeralStorage)}` : '')
  return [
    `node ${nodeInfo.name}:`,
    `  labels: ${list(n.metadata?.labels)}`,
    `  taints: ${(n.spec?.taints ?? []).map(showTaint).join(', ') || '(none)'}${n.spec?.unschedulable ? '\n  spec.unschedulable: true (cordoned)' : ''}`,
    `  allocatable: cpu=${formatMilliCPU(a.milliCPU)} memory=${formatBytes(a.memory)} pods=${a.allowedPodNumber}${extra}`,
    `  ${nodeInfo.pods.length} pod(s) running, requesting cpu=${formatMilliCPU(r.milliCPU)} memory=${formatBytes(r.memory)}${used} in total`,
  ].join('\n')
}

const describeWorld = (w: World) => [describePod(w.pod), ...newSnapshot({ nodes: w.nodes, pods: w.running }).nodeInfos.map(describeNode)].join('\n')

// ---------------------------------------------------------------- comparing verdicts

function isStatus(s: unknown): s is Status {
  if (!s || typeof s !== 'object') return false
  const code = (s as { code?: unknown }).code
  if (code === 'Success') return true
  if (code === 'Unschedulable' || code === 'UnschedulableAndUnresolvable') {
    const reasons = (s as { reasons?: unknown }).reasons
    return Array.isArray(reasons) && reasons.every((r) => typeof r === 'string')
  }
  return false
}

/** Code and reasons; reasons compare as a set of lines, since their order carries no meaning. */
function same(a: Status, b: Status): boolean {
  if (a.code !== b.code) return false
  const ra = a.code === 'Success' ? [] : 'reasons' in a ? [...a.reasons].sort() : []
  const rb = b.code === 'Success' ? [] : 'reasons' in b ? [...b.reasons].sort() : []
  return show(ra) === show(rb)
}

const statusLines = (s: Status) => (s.code === 'Success' ? ['Success'] : 'reasons' in s ? [s.code, ...s.reasons.map((r) => `  ${r}`)] : [showStatus(s)])

interface FilterUnderTest {
  readonly plugin: string
  readonly reference: FilterPlugin
  readonly call: (pod: Pod, nodeInfo: NodeInfo) => Status
  readonly label: string
}

const filters: Record<'unschedulable' | 'affinity' | 'taints' | 'fit', FilterUnderTest> = {
  unschedulable: { plugin: names.NodeUnschedulable, reference: new NodeUnschedulable(), call: (p, n) => learner.nodeUnschedulable(p, n), label: 'nodeUnschedulable(pod, nodeInfo)' },
  affinity: { plugin: names.NodeAffinity, reference: new NodeAffinity(), call: (p, n) => learner.nodeAffinity(p, n), label: 'nodeAffinity(pod, nodeInfo)' },
  taints: { plugin: names.TaintToleration, reference: new TaintToleration(), call: (p, n) => learner.taintToleration(p, n), label: 'taintToleration(pod, nodeInfo)' },
  fit: { plugin: names.NodeResourcesFit, reference: new NodeResourcesFit(), call: (p, n) => learner.nodeResourcesFit(p, n), label: 'nodeResourcesFit(pod, nodeInfo)' },
}

function compareOnEveryNode(w: World, f: FilterUnderTest, snapshot: Snapshot = newSnapshot({ nodes: w.nodes, pods: w.running })): Verdict {
  for (const nodeInfo of snapshot.nodeInfos) {
    const want = filterOnce(f.reference, w.pod, nodeInfo, snapshot.nodeInfos)
    const got = learnerCall(f.label, () => f.call(w.pod, nodeInfo), [w.pod, nodeInfo.node])
    if (!isStatus(got)) return fail(`${describePod(w.pod)}\n${describeNode(nodeInfo)}\n\n${f.label} returned ${show(got)}, which is not a Status (use success, unschedulable(...reasons) or unresolvable(...reasons)).`)
    if (!same(want, got)) {
      const explanation = formatExplanation(explain(w.pod, snapshot), [nodeInfo.name])
      return fail(
        [
          `${f.plugin} disagrees with the reference on ${nodeInfo.name}.`,
          '',
          describePod(w.pod),
          describeNode(nodeInfo),
          '',
          sideBySide(statusLines(want), statusLines(got)),
          '',
          "The reference scheduler's view of this node:",
          explanation,
        ].join('\n'),
      )
    }
  }
  return pass
}

// ---------------------------------------------------------------- guarantees

guarantee(
  'a cordoned node (spec.unschedulable) rejects every pod that does not tolerate node.kubernetes.io/unschedulable:NoSchedule',
  world,
  (w) => compareOnEveryNode(w, filters.unschedulable),
  { runs: 80, describe: describeWorld },
)

guarantee(
  "a node fits the pod's nodeSelector and required node affinity exactly when the reference says so, with the same reason",
  world,
  (w) => compareOnEveryNode(w, filters.affinity),
  { runs: 120, describe: describeWorld },
)

guarantee(
  'a NoSchedule or NoExecute taint that no toleration tolerates rejects the node, naming the first such taint; PreferNoSchedule never rejects',
  world,
  (w) => compareOnEveryNode(w, filters.taints),
  { runs: 120, describe: describeWorld },
)

guarantee(
  "a node fits the pod's requests exactly when the reference says so (init containers by max, sidecars and overhead added, one more pod slot), with the same reasons and code",
  world,
  (w) => compareOnEveryNode(w, filters.fit),
  { runs: 150, describe: describeWorld },
)

const learnerRegistry = () =>
  withPlugins(inTreeRegistry(), {
    [names.NodeUnschedulable]: filterFactory(names.NodeUnschedulable, guarded(filters.unschedulable)),
    [names.TaintToleration]: filterFactory(names.TaintToleration, guarded(filters.taints)),
    [names.NodeAffinity]: filterFactory(names.NodeAffinity, guarded(filters.affinity)),
    [names.NodeResourcesFit]: filterFactory(names.NodeResourcesFit, guarded(filters.fit)),
  })

/** The FailedScheduling message one clause a line, so the two columns line up. */
function messageLines(message: string | undefined): string[] {
  if (!message) return []
  return message.replace(/ preemption: /, '\npreemption: ').replace(/available: /g, 'available:\n  ').replace(/, (?=\d)/g, ',\n  ').split('\n')
}

function guarded(f: FilterUnderTest): FilterFunction {
  return (pod, nodeInfo) => learnerCall(f.label, () => f.call(pod, nodeInfo), [pod, nodeInfo.node])
}

guarantee(
  'with your four filters in the scheduler, a cycle finds exactly the feasible nodes and the FailedScheduling message of the reference',
  world,
  (w) => {
    const snapshot = newSnapshot({ nodes: w.nodes, pods: w.running })
    const reference = explain(w.pod, snapshot)
    const yours = explain(w.pod, snapshot, { registry: learnerRegistry() })
    const refLines = [`feasible: ${reference.feasible.join(', ') || '(none)'}`, ...messageLines(reference.message)]
    const yourLines = [`feasible: ${yours.feasible.join(', ') || '(none)'}`, ...messageLines(yours.message)]
    if (show(refLines) === show(yourLines)) return pass
    return fail([`The scheduling cycle ends differently with your filters.`, '', describeWorld(w), '', sideBySide(refLines, yourLines), '', "The reference scheduler's view:", formatExplanation(reference)].join('\n'))
  },
  { runs: 40, describe: describeWorld },
)
