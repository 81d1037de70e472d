// Patches: the examples of RFC 7386 Appendix A for JSON merge patch, strategic merge patch cases
// after staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go (merge by key,
// $patch delete/replace, primitive lists, atomic lists), and RFC 6902 operations.
import { describe, expect, test } from 'vitest'
import { applyJsonMergePatch } from './json-merge-patch.ts'
import { applyJsonPatch } from './json-patch.ts'
import { applyStrategicMergePatch, PatchError } from './strategic-merge-patch.ts'

describe('JSON merge patch (RFC 7386 Appendix A)', () => {
  const cases: [string, unknown, unknown, unknown][] = [
    ['a changed value replaces the old one', { a: 'b' }, { a: 'c' }, { a: 'c' }],
    ['a new key is added', { a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    ['null removes a key', { a: 'b' }, { a: null }, {}],
    ['null removes only the key it names', { a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    ['a string replaces an array', { a: ['b'] }, { a: 'c' }, { a: 'c' }],
    ['an array replaces a string', { a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    ['nested objects merge, and nested nulls remove', { a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    ['arrays are replaced, never merged', { a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    ['an array patch replaces an array document', ['a', 'b'], ['c', 'd'], ['c', 'd']],
    ['an array patch replaces an object document', { a: 'b' }, ['c'], ['c']],
    ['a null patch replaces the document with null', { a: 'foo' }, null, null],
    ['a string patch replaces the document', { a: 'foo' }, 'bar', 'bar'],
    ['nulls already in the target stay', { e: null }, { a: 1 }, { e: null, a: 1 }],
    ['an object patch on an array starts from an empty object', [1, 2], { a: 'b', c: null }, { a: 'b' }],
    ['nested nulls in a new subtree leave empty objects', {}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ]
  test.each(cases)('%s', (_, original, patch, expected) => {
    const before = JSON.stringify(original)
    expect(applyJsonMergePatch(original, patch)).toEqual(expected)
    expect(JSON.stringify(original)).toBe(before)
  })
})

const podWith = (spec: Record<string, unknown>, status?: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, ...(status ? { status } : {}) })

describe('strategic merge patch', () => {
  const cases: [string, unknown, unknown, unknown][] = [
    [
      'containers merge by name: the patched container changes, the other stays',
      podWith({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] }),
      { spec: { containers: [{ name: 'b', image: 'z' }] } },
      podWith({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'z' }] }),
    ],
    [
      'a container with a new name is appended',
      podWith({ containers: [{ name: 'a', image: 'x' }] }),
      { spec: { containers: [{ name: 'c', image: 'w' }] } },
      podWith({ containers: [{ name: 'a', image: 'x' }, { name: 'c', image: 'w' }] }),
    ],
    [
      '$patch: delete removes the container with that name',
      podWith({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] }),
      { spec: { containers: [{ name: 'a', $patch: 'delete' }] } },
      podWith({ containers: [{ name: 'b', image: 'y' }] }),
    ],
    [
      'a {$patch: replace} element replaces the whole list with the other elements',
      podWith({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] }),
      { spec: { containers: [{ name: 'c', image: 'z' }, { $patch: 'replace' }] } },
      podWith({ containers: [{ name: 'c', image: 'z' }] }),
    ],
    [
      'env merges by name inside a merged container',
      podWith({ containers: [{ name: 'a', image: 'x', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }] }),
      { spec: { containers: [{ name: 'a', env: [{ name: 'B', value: '3' }] }] } },
      podWith({ containers: [{ name: 'a', image: 'x', env: [{ name: 'A', value: '1' }, { name: 'B', value: '3' }] }] }),
    ],
    [
      'container ports merge by containerPort',
      podWith({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, name: 'http' }] }] }),
      { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }] }] } },
      podWith({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443 }] }] }),
    ],
    [
      'volumes merge by name',
      podWith({ containers: [], volumes: [{ name: 'v1', emptyDir: {} }] }),
      { spec: { volumes: [{ name: 'v2', configMap: { name: 'c' } }] } },
      podWith({ containers: [], volumes: [{ name: 'v1', emptyDir: {} }, { name: 'v2', configMap: { name: 'c' } }] }),
    ],
    [
      'tolerations have no merge key in PodSpec, so a patch replaces them',
      podWith({ containers: [], tolerations: [{ key: 'a', operator: 'Exists' }] }),
      { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } },
      podWith({ containers: [], tolerations: [{ key: 'b', operator: 'Exists' }] }),
    ],
    [
      'status conditions merge by type',
      podWith({ containers: [] }, { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] }),
      { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      podWith({ containers: [] }, { conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] }),
    ],
    [
      'finalizers merge as a set, and $deleteFromPrimitiveList removes values',
      { metadata: { name: 'p', finalizers: ['a', 'b'] } },
      { metadata: { finalizers: ['c', 'a'], '$deleteFromPrimitiveList/finalizers': ['b'] } },
      { metadata: { name: 'p', finalizers: ['a', 'c'] } },
    ],
    [
      'null deletes a field as in a JSON merge patch',
      podWith({ containers: [], nodeSelector: { disk: 'ssd' } }),
      { spec: { nodeSelector: null } },
      podWith({ containers: [] }),
    ],
    [
      'a map with $patch: replace is replaced, not merged',
      podWith({ containers: [], nodeSelector: { disk: 'ssd', zone: 'a' } }),
      { spec: { nodeSelector: { zone: 'b', $patch: 'replace' } } },
      podWith({ containers: [], nodeSelector: { zone: 'b' } }),
    ],
    [
      'a map with $patch: delete is removed',
      podWith({ containers: [], securityContext: { runAsUser: 1 } }),
      { spec: { securityContext: { $patch: 'delete' } } },
      podWith({ containers: [] }),
    ],
    [
      '$setElementOrder puts the merged list in the given order',
      podWith({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] }),
      { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', image: 'z' }] } },
      podWith({ containers: [{ name: 'b', image: 'y' }, { name: 'a', image: 'z' }] }),
    ],
  ]
  test.each(cases)('%s', (_, original, patch, expected) => {
    const before = JSON.stringify(original)
    expect(applyStrategicMergePatch(original, patch, 'Pod')).toEqual(expected)
    expect(JSON.stringify(original)).toBe(before)
  })

  test('service ports merge by port', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } }
    expect(applyStrategicMergePatch(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }] } }, 'Service')).toEqual({
      spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] },
    })
  })

  test('an element of a merged list without its merge key is an error', () => {
    expect(() => applyStrategicMergePatch(podWith({ containers: [] }), { spec: { containers: [{ image: 'x' }] } }, 'Pod')).toThrow(PatchError)
  })
})

describe('JSON patch (RFC 6902)', () => {
  test('add, replace, remove, move, copy and test apply in order', () => {
    const doc = { a: { b: [1, 2] }, c: 'x' }
    const out = applyJsonPatch(doc, [
      { op: 'add', path: '/a/b/1', value: 9 },
      { op: 'add', path: '/a/b/-', value: 3 },
      { op: 'replace', path: '/c', value: 'y' },
      { op: 'copy', from: '/c', path: '/d' },
      { op: 'move', from: '/d', path: '/e' },
      { op: 'remove', path: '/a/b/0' },
      { op: 'test', path: '/e', value: 'y' },
    ])
    expect(out).toEqual({ a: { b: [9, 2, 3] }, c: 'y', e: 'y' })
    expect(doc).toEqual({ a: { b: [1, 2] }, c: 'x' })
  })

  test('a failed test operation fails the whole patch', () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow(PatchError)
  })

  test('removing a missing path fails', () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'remove', path: '/b' }])).toThrow(PatchError)
  })
})
