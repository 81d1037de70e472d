// The node tree's walk order, after TestNodeTree_List / TestNodeTreeMultiOperations in
// pkg/scheduler/backend/cache/node_tree_test.go: one node from each zone in turn.
import { describe, expect, test } from 'vitest'
import { NodeTree } from './node-tree.ts'
import { makeNode } from './testing.ts'

const inZone = (name: string, zone?: string) => (zone ? makeNode(name).label('topology.kubernetes.io/region', 'r').label('topology.kubernetes.io/zone', zone).obj() : makeNode(name).obj())

describe('the node tree', () => {
  const cases = [
    { name: 'nodes without zone labels keep their order', nodes: [inZone('a'), inZone('b'), inZone('c')], removed: [], want: ['a', 'b', 'c'] },
    { name: 'zones are taken in turn, in the order they first appeared', nodes: [inZone('a1', 'a'), inZone('a2', 'a'), inZone('b1', 'b'), inZone('a3', 'a'), inZone('c1', 'c'), inZone('b2', 'b')], removed: [], want: ['a1', 'b1', 'c1', 'a2', 'b2', 'a3'] },
    { name: 'a zone whose last node is removed drops out of the turn', nodes: [inZone('a1', 'a'), inZone('b1', 'b'), inZone('a2', 'a')], removed: ['b1'], want: ['a1', 'a2'] },
  ]
  test.each(cases)('$name', ({ nodes, removed, want }) => {
    const tree = new NodeTree()
    for (const n of nodes) tree.addNode(n)
    for (const r of removed) tree.removeNode(r)
    expect(tree.list()).toEqual(want)
    expect(tree.numNodes).toBe(want.length)
  })

  test('a node relabelled into another zone moves there', () => {
    const tree = new NodeTree()
    tree.addNode(inZone('a1', 'a'))
    tree.addNode(inZone('a2', 'a'))
    tree.addNode(inZone('b1', 'b'))
    tree.updateNode(inZone('a1', 'a'), inZone('a1', 'b'))
    expect(tree.list()).toEqual(['a2', 'b1', 'a1'])
  })
})
