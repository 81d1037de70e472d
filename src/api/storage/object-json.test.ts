// The plain codec keeps resourceVersion out of stored values and puts the mod revision back in.
import { describe, expect, test } from 'vitest'
import { decodeObject, encodeObject } from './object-json.ts'

describe('object json', () => {
  test('the stored value never holds metadata.resourceVersion', () => {
    const value = encodeObject({ kind: 'ReplicaSet', metadata: { name: 'web', resourceVersion: '41' } })
    expect(JSON.parse(value)).toEqual({ kind: 'ReplicaSet', metadata: { name: 'web' } })
  })

  test('an object without a resourceVersion is stored as it is', () => {
    expect(encodeObject({ kind: 'ReplicaSet', metadata: { name: 'web' } })).toBe('{"kind":"ReplicaSet","metadata":{"name":"web"}}')
  })

  test('a decoded object carries the mod revision as its resourceVersion, as a string', () => {
    expect(decodeObject('{"kind":"ReplicaSet","metadata":{"name":"web"}}', 42)).toEqual({ kind: 'ReplicaSet', metadata: { name: 'web', resourceVersion: '42' } })
  })

  test('a value without metadata still gets a resourceVersion', () => {
    expect(decodeObject('{"kind":"ReplicaSet"}', 7).metadata).toEqual({ resourceVersion: '7' })
  })
})
