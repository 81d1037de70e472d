// A selection from TestSingleConstraint / TestMultipleConstraints (filtering_test.go) and
// TestPodTopologySpreadScore (scoring_test.go) in
// pkg/scheduler/framework/plugins/podtopologyspread/, with scores worked out from the formulas.
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import type { Service } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { newSnapshot } from '../snapshot.ts'
import { success, unresolvable, unschedulable } from '../status.ts'
import { filterOnce, handleFor, makeNode, makePod, scoreOnce } from '../testing.ts'
import { errReasonConstraintsNotMatch, errReasonNodeLabelNotMatch, PodTopologySpread } from './pod-topology-spread.ts'

const zone = 'zone'
const host = 'kubernetes.io/hostname'
const fooExists = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] }
const nodes = (withZoneOnB = true): Node[] => [
  makeNode('node-a').label(zone, 'zone1').obj(),
  withZoneOnB ? makeNode('node-b').label(zone, 'zone1').obj() : makeNode('node-b').obj(),
  makeNode('node-x').label(zone, 'zone2').obj(),
  makeNode('node-y').label(zone, 'zone2').obj(),
]
const pods = (perNode: Record<string, number>, namespace = 'default', label = 'foo'): Pod[] =>
  Object.entries(perNode).flatMap(([node, n]) => Array.from({ length: n }, (_, i) => makePod(`p-${node}-${i}`).namespace(namespace).label(label, '').node(node).obj()))

function filterAll(pod: Pod, nodeList: Node[], existing: Pod[]) {
  const snapshot = newSnapshot({ nodes: nodeList, pods: existing })
  const plugin = new PodTopologySpread({}, handleFor(snapshot))
  return snapshot.nodeInfos.map((n) => filterOnce(plugin, pod, n, snapshot.nodeInfos))
}

const skewFail = unschedulable(errReasonConstraintsNotMatch)

describe('PodTopologySpread filter', () => {
  test('no existing pods: every node fits', () => {
    const pod = makePod('p').label('foo', '').spreadConstraint(1, zone, 'DoNotSchedule', fooExists).obj()
    expect(filterAll(pod, nodes(), [])).toEqual([success, success, success, success])
  })

  test("no existing pods, and the incoming pod doesn't match itself: every node fits", () => {
    const pod = makePod('p').label('bar', '').spreadConstraint(0 + 1, zone, 'DoNotSchedule', fooExists).obj()
    expect(filterAll(pod, nodes(), [])).toEqual([success, success, success, success])
  })

  test('existing pods in a different namespace do not count', () => {
    const pod = makePod('p').label('foo', '').spreadConstraint(1, zone, 'DoNotSchedule', fooExists).obj()
    expect(filterAll(pod, nodes(), pods({ 'node-a': 2 }, 'ns2'))).toEqual([success, success, success, success])
  })

  test('pods spread across zones as 3/3: every node fits', () => {
    const pod = makePod('p').label('foo', '').spreadConstraint(1, zone, 'DoNotSchedule', fooExists).obj()
    expect(filterAll(pod, nodes(), pods({ 'node-a': 2, 'node-b': 1, 'node-x': 1, 'node-y': 2 }))).toEqual([success, success, success, success])
  })

  test("pods spread across zones as 1/2 due to absence of label 'zone' on node-b", () => {
    const pod = makePod('p').label('foo', '').spreadConstraint(1, zone, 'DoNotSchedule', fooExists).obj()
    // zone1 = 1 (node-b does not count), zone2 = 2: node-a 1+1−1 = 1 fits; zone2 nodes 2+1−1 = 2 do not.
    expect(filterAll(pod, nodes(false), pods({ 'node-a': 1, 'node-b': 1, 'node-x': 1, 'node-y': 1 }))).toEqual([success, unresolvable(errReasonNodeLabelNotMatch), skewFail, skewFail])
  })

  test('pods spread across nodes as 2/1/0/3: only node-x fits', () => {
    const pod = makePod('p').label('foo', '').spreadConstraint(1, host, 'DoNotSchedule', fooExists).obj()
    expect(filterAll(pod, nodes(), pods({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }))).toEqual([skewFail, skewFail, success, skewFail])
  })

  test('pods spread across nodes as 2/1/0/3 with maxSkew 2: node-b and node-x fit', () => {
    const pod = makePod('p').label('foo', '').spreadConstraint(2, host, 'DoNotSchedule', fooExists).obj()
    expect(filterAll(pod, nodes(), pods({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }))).toEqual([skewFail, success, success, skewFail])
  })

  test('with fewer domains than minDomains the global minimum counts as 0', () => {
    const existing = pods({ 'node-a': 2, 'node-x': 1 })
    const without = makePod('p').label('foo', '').spreadConstraint(2, zone, 'DoNotSchedule', fooExists).obj()
    expect(filterAll(without, nodes(), existing)).toEqual([success, success, success, success])
    const withMinDomains = makePod('p').label('foo', '').spreadConstraint(2, zone, 'DoNotSchedule', fooExists, { minDomains: 3 }).obj()
    expect(filterAll(withMinDomains, nodes(), existing)).toEqual([skewFail, skewFail, success, success])
  })

  test("with nodeAffinityPolicy Honor (the default) only nodes the pod's affinity accepts are domains", () => {
    const existing = pods({ 'node-a': 1, 'node-b': 1 })
    const honor = makePod('p').label('foo', '').nodeAffinityIn(zone, ['zone1']).spreadConstraint(1, host, 'DoNotSchedule', fooExists).obj()
    expect(filterAll(honor, nodes(), existing).slice(0, 2)).toEqual([success, success])
    const ignore = makePod('p').label('foo', '').nodeAffinityIn(zone, ['zone1']).spreadConstraint(1, host, 'DoNotSchedule', fooExists, { nodeAffinityPolicy: 'Ignore' }).obj()
    expect(filterAll(ignore, nodes(), existing).slice(0, 2)).toEqual([skewFail, skewFail])
  })

  test('ScheduleAnyway constraints never filter', () => {
    const pod = makePod('p').label('foo', '').spreadConstraint(1, host, 'ScheduleAnyway', fooExists).obj()
    expect(filterAll(pod, nodes(), pods({ 'node-a': 5 }))).toEqual([success, success, success, success])
  })
})

describe('PodTopologySpread score', () => {
  function scoreAll(pod: Pod, nodeList: Node[], existing: Pod[], services: Service[] = []) {
    const snapshot = newSnapshot({ nodes: nodeList, pods: existing, services })
    return scoreOnce(new PodTopologySpread({}, handleFor(snapshot)), pod, snapshot.nodeInfos)
  }

  test('one constraint on hostname, no existing pods: every node scores 100', () => {
    const pod = makePod('p').label('foo', '').spreadConstraint(1, host, 'ScheduleAnyway', fooExists).obj()
    expect(scoreAll(pod, nodes(), [])).toEqual([100, 100, 100, 100])
  })

  test('one constraint on hostname, pods spread 2/1/0/3 over 4 candidate nodes', () => {
    // weight log(4 + 2) = 1.79; raw 2×1.79 = 3.58 → 4, 1.79 → 2, 0, 5.38 → 5; normalized 100 × (5 + 0 − raw) / 5
    const pod = makePod('p').label('foo', '').spreadConstraint(1, host, 'ScheduleAnyway', fooExists).obj()
    expect(scoreAll(pod, nodes(), pods({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }))).toEqual([20, 60, 100, 0])
  })

  test('one constraint on zone, pods spread 3/1 over two zones', () => {
    // weight log(2 + 2) = 1.39; zone1 3×1.39 = 4.16 → 4, zone2 1.39 → 1; normalized 100 × (4 + 1 − raw) / 4
    const pod = makePod('p').label('foo', '').spreadConstraint(1, zone, 'ScheduleAnyway', fooExists).obj()
    expect(scoreAll(pod, nodes(), pods({ 'node-a': 2, 'node-b': 1, 'node-y': 1 }))).toEqual([25, 25, 100, 100])
  })

  test('a node missing the topology key of a pod constraint scores 0', () => {
    const pod = makePod('p').label('foo', '').spreadConstraint(1, zone, 'ScheduleAnyway', fooExists).obj()
    expect(scoreAll(pod, nodes(false), [])[1]).toBe(0)
  })

  test('without constraints, the system defaults spread the pods a Service selects (hostname maxSkew 3, zone maxSkew 5)', () => {
    const realZone = 'topology.kubernetes.io/zone'
    const three = [makeNode('node-a').label(realZone, 'zone1').obj(), makeNode('node-b').label(realZone, 'zone1').obj(), makeNode('node-x').label(realZone, 'zone2').obj()]
    const web = (name: string, node: string) => makePod(name).label('app', 'web').node(node).obj()
    const service: Service = { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } }
    const pod = makePod('p').label('app', 'web').obj()
    // host weight log(3 + 2), zone weight log(2 + 2): raw a = 2×1.61 + 2 + 2×1.39 + 4 = 12, b = 9, x = 6
    expect(scoreAll(pod, three, [web('w1', 'node-a'), web('w2', 'node-a')], [service])).toEqual([50, 75, 100])
    // Nothing selects the pod: no default constraints, the plugin skips.
    expect(scoreAll(pod, three, [web('w1', 'node-a')])).toEqual([0, 0, 0])
    // Nodes without a zone label still spread by host under the system defaults.
    const bare = [makeNode('node-a').obj(), makeNode('node-b').obj(), makeNode('node-x').obj()]
    // raw a = 2×1.61 + 2 = 5, b = x = 2 → 100 × (7 − raw) / 5
    expect(scoreAll(pod, bare, [web('w1', 'node-a'), web('w2', 'node-a')], [service])).toEqual([40, 100, 100])
  })
})
