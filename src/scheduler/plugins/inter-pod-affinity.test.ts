// A selection from TestRequiredAffinitySingleNode / TestRequiredAffinityMultipleNodes
// (filtering_test.go) and TestPreferredAffinity (scoring_test.go) in
// pkg/scheduler/framework/plugins/interpodaffinity/.
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { newSnapshot } from '../snapshot.ts'
import { success, unresolvable, unschedulable } from '../status.ts'
import { filterOnce, handleFor, makeNode, makePod, scoreOnce } from '../testing.ts'
import { errReasonAffinityRulesNotMatch, errReasonAntiAffinityRulesNotMatch, errReasonExistingAntiAffinityRulesNotMatch, InterPodAffinity } from './inter-pod-affinity.ts'

const host = 'kubernetes.io/hostname'
const zone = 'topology.kubernetes.io/zone'
const securityscan = { matchExpressions: [{ key: 'service', operator: 'In', values: ['securityscan'] }] }
const nodes = (): Node[] => [makeNode('node1').label(zone, 'z1').obj(), makeNode('node2').label(zone, 'z1').obj(), makeNode('node3').label(zone, 'z2').obj(), makeNode('node4').obj()]

function filterAll(pod: Pod, existing: Pod[], nodeList = nodes()) {
  const snapshot = newSnapshot({ nodes: nodeList, pods: existing, namespaces: [{ metadata: { name: 'team-a', labels: { team: 'a' } } }] })
  const plugin = new InterPodAffinity({}, handleFor(snapshot))
  return snapshot.nodeInfos.map((n) => filterOnce(plugin, pod, n, snapshot.nodeInfos))
}

const affinityFail = unresolvable(errReasonAffinityRulesNotMatch)
const antiFail = unschedulable(errReasonAntiAffinityRulesNotMatch)
const existingFail = unschedulable(errReasonExistingAntiAffinityRulesNotMatch)
const scanner = makePod('scanner').label('service', 'securityscan').node('node1').obj()

describe('InterPodAffinity filter', () => {
  test('a pod with no affinity and no anti-affinity around fits everywhere', () => {
    expect(filterAll(makePod('p').obj(), [scanner])).toEqual([success, success, success, success])
  })

  test('required affinity on hostname: only the node running a matching pod fits', () => {
    const pod = makePod('p').podAffinity(host, securityscan).obj()
    expect(filterAll(pod, [scanner])).toEqual([success, affinityFail, affinityFail, affinityFail])
  })

  test('required affinity on zone: every node of the zone with a matching pod fits; a node without the zone label never does', () => {
    const pod = makePod('p').podAffinity(zone, securityscan).obj()
    expect(filterAll(pod, [scanner])).toEqual([success, success, affinityFail, affinityFail])
  })

  test('a matching pod in another namespace does not count unless the term names that namespace', () => {
    const elsewhere = makePod('scanner').namespace('team-a').label('service', 'securityscan').node('node1').obj()
    expect(filterAll(makePod('p').podAffinity(host, securityscan).obj(), [elsewhere])[0]).toEqual(affinityFail)
    expect(filterAll(makePod('p').podAffinity(host, securityscan, { namespaces: ['team-a'] }).obj(), [elsewhere])[0]).toEqual(success)
    expect(filterAll(makePod('p').podAffinity(host, securityscan, { namespaceSelector: { matchLabels: { team: 'a' } } }).obj(), [elsewhere])[0]).toEqual(success)
  })

  test('the first pod of a group with affinity to itself may go to any node with the topology label', () => {
    const pod = makePod('db-0').label('app', 'db').podAffinity(zone, { matchLabels: { app: 'db' } }).obj()
    expect(filterAll(pod, [])).toEqual([success, success, success, affinityFail])
  })

  test('a term with a nil label selector matches no pods', () => {
    const pod: Pod = makePod('p').obj()
    pod.spec!.affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: host }] } }
    expect(filterAll(pod, [scanner])).toEqual([affinityFail, affinityFail, affinityFail, affinityFail])
  })

  test('required anti-affinity on zone rejects every node of the zone holding a matching pod', () => {
    const pod = makePod('p').podAntiAffinity(zone, securityscan).obj()
    expect(filterAll(pod, [scanner])).toEqual([antiFail, antiFail, success, success])
  })

  test("an existing pod's anti-affinity toward the incoming pod rejects the nodes in its domain", () => {
    const guard = makePod('guard').node('node3').podAntiAffinity(zone, { matchLabels: { app: 'web' } }).obj()
    expect(filterAll(makePod('web').label('app', 'web').obj(), [guard])).toEqual([success, success, existingFail, success])
    expect(filterAll(makePod('db').label('app', 'db').obj(), [guard])).toEqual([success, success, success, success])
  })
})

describe('InterPodAffinity score', () => {
  function scoreAll(pod: Pod, existing: Pod[]) {
    const snapshot = newSnapshot({ nodes: nodes().slice(0, 3), pods: existing })
    return scoreOnce(new InterPodAffinity({}, handleFor(snapshot)), pod, snapshot.nodeInfos)
  }
  const db = makePod('db').label('app', 'db').node('node1').obj()

  test('preferred affinity: the nodes in the zone of a matching pod score 100, the others 0', () => {
    expect(scoreAll(makePod('p').preferredPodAffinity(5, zone, { matchLabels: { app: 'db' } }).obj(), [db])).toEqual([100, 100, 0])
  })

  test('preferred anti-affinity: the nodes in the zone of a matching pod score 0, the others 100', () => {
    expect(scoreAll(makePod('p').preferredPodAntiAffinity(5, zone, { matchLabels: { app: 'db' } }).obj(), [db])).toEqual([0, 0, 100])
  })

  test('weights add up per domain and are stretched between the lowest and highest node', () => {
    const pod = makePod('p').preferredPodAffinity(8, host, { matchLabels: { app: 'db' } }).preferredPodAffinity(2, zone, { matchLabels: { app: 'db' } }).obj()
    // node1: 8 + 2 = 10, node2: 2, node3: 0
    expect(scoreAll(pod, [db])).toEqual([100, 20, 0])
  })

  test("an existing pod's required affinity toward the incoming pod attracts it with hardPodAffinityWeight 1", () => {
    const follower = makePod('cache').node('node1').podAffinity(host, { matchLabels: { app: 'web' } }).obj()
    expect(scoreAll(makePod('web').label('app', 'web').obj(), [follower])).toEqual([100, 0, 0])
  })

  test('with no affinity anywhere the plugin does not score', () => {
    expect(scoreAll(makePod('p').obj(), [db])).toEqual([0, 0, 0])
  })
})
