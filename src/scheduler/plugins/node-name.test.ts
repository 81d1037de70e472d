// Ported from TestNodeName in pkg/scheduler/framework/plugins/nodename/node_name_test.go.
import { describe, expect, test } from 'vitest'
import { NodeInfo } from '../node-info.ts'
import { success, unresolvable } from '../status.ts'
import { filterOnce, makeNode, makePod } from '../testing.ts'
import { NodeName } from './node-name.ts'

describe('NodeName', () => {
  const cases = [
    { name: 'no host specified', pod: makePod().obj(), want: success },
    { name: 'host matches', pod: makePod().node('foo').obj(), want: success },
    { name: 'host does not match', pod: makePod().node('bar').obj(), want: unresolvable("node(s) didn't match the requested node name") },
  ]
  test.each(cases)('$name', ({ pod, want }) => {
    expect(filterOnce(new NodeName(), pod, new NodeInfo(makeNode('foo').obj()))).toEqual(want)
  })
})
