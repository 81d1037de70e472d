// Lesson 10 demo: your scoring inside a whole simulated cluster. An API server over the in-memory
// store on a virtual clock, twelve nodes, and the reference scheduler (src/scheduler/scheduler.ts)
// with your TaintToleration, NodeAffinity, NodeResourcesFit and BalancedAllocation scores swapped
// in. 1,000 pods are created through the API, the scheduler binds them, and you watch where they go.
//
//   npx tsx lessons/10-scoring/demo.ts                    your scoring.ts, LeastAllocated
//   npx tsx lessons/10-scoring/demo.ts --most             MostAllocated: watch it bin-pack
//   npx tsx lessons/10-scoring/demo.ts solutions/10-scoring/scoring.ts
import { pathToFileURL } from 'node:url'
import { relative, resolve } from 'node:path'
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { ApiClient, ApiServer } from '../../src/api/index.ts'
import { drive } from '../../src/client/sim-driver.ts'
import { formatBytes, formatMilliCPU } from '../../src/scheduler/quantity.ts'
import { NodeInfo } from '../../src/scheduler/node-info.ts'
import { names } from '../../src/scheduler/plugins/names.ts'
import { podRequestsResource, resourceFromList } from '../../src/scheduler/pod-requests.ts'
import { inTreeRegistry, type Registry } from '../../src/scheduler/registry.ts'
import { Scheduler } from '../../src/scheduler/scheduler.ts'
import { scoreFactory } from '../../src/scheduler/score-function.ts'
import { makeNode, makePod } from '../../src/scheduler/testing.ts'
import { Random, VirtualClock } from '../../src/sim/index.ts'
import { MemoryStore } from '../../src/store/index.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

type Scoring = typeof import('./scoring.ts')

const args = process.argv.slice(2)
const strategy = args.includes('--most') ? 'MostAllocated' : 'LeastAllocated'
const file = args.find((a) => !a.startsWith('--')) ?? new URL('./scoring.ts', import.meta.url).pathname
const scoring = (await import(pathToFileURL(resolve(file)).href)) as Scoring

// ---------------------------------------------------------------- the cluster

const nodes: Node[] = [
  ...['a', 'b', 'c'].flatMap((zone) => [1, 2].map((i) => makeNode(`small-${zone}${i}`).capacity({ cpu: '8', memory: '32Gi', pods: '110' }).label('zone', zone).obj())),
  ...['a', 'b'].flatMap((zone) => [1, 2].map((i) => makeNode(`large-${zone}${i}`).capacity({ cpu: '32', memory: '128Gi', pods: '250' }).label('zone', zone).obj())),
  ...[1, 2].map((i) =>
    makeNode(`spot-c${i}`)
      .capacity({ cpu: '8', memory: '32Gi', pods: '110' })
      .label('zone', 'c')
      .taints([{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }])
      .obj(),
  ),
]

/** Four kinds of pods: small web pods, spot-tolerant workers, best-effort batch pods, and APIs that prefer zone a. */
function podNumber(i: number): Pod {
  const name = String(i).padStart(4, '0')
  switch (i % 10) {
    case 0:
      return makePod(`api-${name}`).req({ cpu: '200m', memory: '512Mi' }).preferredNodeTerm(50, [{ key: 'zone', operator: 'In', values: ['a'] }]).obj()
    case 1:
    case 2:
      return makePod(`batch-${name}`).container().obj()
    case 3:
    case 4:
    case 5:
      return makePod(`worker-${name}`).req({ cpu: '150m', memory: '256Mi' }).toleration({ key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }).obj()
    default:
      return makePod(`web-${name}`).req({ cpu: '100m', memory: '128Mi' }).obj()
  }
}

// ---------------------------------------------------------------- your scoring, plugged in

function learnerRegistry(s: Scoring): Registry {
  const inTree = inTreeRegistry()
  const fit = strategy === 'MostAllocated' ? s.mostAllocated : s.leastAllocated
  return {
    [names.TaintToleration]: scoreFactory(inTree[names.TaintToleration], { score: s.taintToleration, normalize: (raw) => s.normalizeScores(raw, true) }),
    [names.NodeAffinity]: scoreFactory(inTree[names.NodeAffinity], { score: s.nodeAffinity, normalize: (raw) => s.normalizeScores(raw, false) }),
    [names.NodeResourcesFit]: scoreFactory(inTree[names.NodeResourcesFit], { score: (pod, node) => fit(pod, node, s.defaultResources) }),
    [names.NodeResourcesBalancedAllocation]: scoreFactory(inTree[names.NodeResourcesBalancedAllocation], { score: (pod, node) => s.balancedAllocation(pod, node, s.defaultResources) }),
  }
}

// ---------------------------------------------------------------- run it

/** Calls each function once, so an unwritten one is reported here rather than deep in the scheduler. */
function preflight(s: Scoring): void {
  const node = new NodeInfo(nodes[0])
  const pod = podNumber(0)
  try {
    s.taintToleration(pod, node)
    s.nodeAffinity(pod, node)
    s.normalizeScores([0, 1], true)
    ;(strategy === 'MostAllocated' ? s.mostAllocated : s.leastAllocated)(pod, node, s.defaultResources)
    s.balancedAllocation(pod, node, s.defaultResources)
  } catch (error) {
    if (!(error instanceof NotImplemented)) throw error
    console.log(`${error.what} is not written yet. Write ${relative(process.cwd(), file)} first, or run the solution:\n  npx tsx lessons/10-scoring/demo.ts solutions/10-scoring/scoring.ts`)
    process.exit(1)
  }
}
preflight(scoring)

const bar = (fraction: number, width = 20) => '█'.repeat(Math.round(Math.min(1, fraction) * width)).padEnd(width, '·')
const percent = (used: number, total: number) => `${String(Math.round((100 * used) / total)).padStart(3)}%`

const clock = new VirtualClock(Date.UTC(2024, 0, 1))
const store = new MemoryStore({ clock })
const server = await ApiServer.start({ store, clock, random: new Random(1) })
const client = new ApiClient(server)
for (const n of nodes) await client.nodes().create(n)

const placed = new Map<string, string>()
const failures: string[] = []
const scheduler = await Scheduler.start({
  client,
  clock,
  random: new Random(10),
  outOfTreeRegistry: learnerRegistry(scoring),
  onEvent: (e) => {
    if (e.type === 'scheduled') placed.set(e.pod.metadata?.name ?? '', e.node)
    else failures.push(`${e.pod.metadata?.name}: ${e.message}`)
  },
})

const total = 1000
const batch = 100
console.log(`kubeparts lesson 10 — ${total} pods onto ${nodes.length} nodes with your scoring (NodeResourcesFit ${strategy})\n`)
for (let created = 0; created < total; ) {
  for (const end = created + batch; created < end; created++) await client.pods('default').create(podNumber(created))
  await drive(clock, { forMs: 5_000, maxSteps: 200_000 })
  const examples = [created - batch, created - batch + 1, created - batch + 3].map((i) => podNumber(i).metadata!.name!)
  const seen = examples.map((name) => `${name} → ${placed.get(name) ?? 'pending'}`).join(', ')
  console.log(`  ${String(created).padStart(4)} created  ${String(placed.size).padStart(4)} bound  ${bar(placed.size / total)}  ${seen}`)
}

// ---------------------------------------------------------------- where everything went

const pods = (await client.pods('default').list()).items
console.log(`\nafter ${((clock.now() - Date.UTC(2024, 0, 1)) / 1000).toFixed(1)} s of virtual time: ${placed.size} bound, ${failures.length} failed attempts\n`)
console.log(`  ${'node'.padEnd(10)} ${'zone'.padEnd(4)} ${'taint'.padEnd(6)} ${'pods'.padStart(4)}   ${'cpu requested'.padEnd(34)} memory requested`)
for (const n of nodes) {
  const name = n.metadata!.name!
  const mine = pods.filter((p) => p.spec?.nodeName === name)
  const requested = podRequestsResource({ spec: { containers: mine.flatMap((p) => p.spec!.containers) } })
  const allocatable = resourceFromList(n.status!.allocatable as Record<string, string>)
  const taint = n.spec?.taints?.length ? 'spot' : ''
  console.log(
    `  ${name.padEnd(10)} ${n.metadata!.labels!.zone.padEnd(4)} ${taint.padEnd(6)} ${String(mine.length).padStart(4)}   ` +
      `${bar(requested.milliCPU / allocatable.milliCPU, 12)} ${percent(requested.milliCPU, allocatable.milliCPU)} ${formatMilliCPU(requested.milliCPU).padStart(6)}/${formatMilliCPU(allocatable.milliCPU).padEnd(3)}   ` +
      `${bar(requested.memory / allocatable.memory, 12)} ${percent(requested.memory, allocatable.memory)}`,
  )
}
const byKind = (kind: string) => {
  const mine = [...placed].filter(([pod]) => pod.startsWith(kind))
  const where = (pred: (node: string) => boolean) => mine.filter(([, node]) => pred(node)).length
  return { n: mine.length, zoneA: where((node) => node.includes('-a')), spot: where((node) => node.startsWith('spot')) }
}
const api = byKind('api-')
const worker = byKind('worker-')
const web = byKind('web-')
console.log(`\n  api pods (prefer zone a):        ${api.zoneA}/${api.n} in zone a`)
console.log(`  worker pods (tolerate spot):     ${worker.spot}/${worker.n} on spot nodes`)
console.log(`  web pods (do not tolerate spot): ${web.spot}/${web.n} on spot nodes`)
if (failures.length > 0) console.log(`\n  first failure: ${failures[0]}`)

await scheduler.stop()
await server.stop()
