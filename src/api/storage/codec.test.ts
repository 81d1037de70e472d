// The codec: resourceVersion stays out of stored values and comes back from the mod revision;
// the object just encoded is reused (not parsed) when its write's value comes back.
import { describe, expect, test } from 'vitest'
import { ObjectCodec } from './codec.ts'

const kv = (key: string, value: string, modRevision: number) => ({ key, value, createRevision: modRevision, modRevision, version: 1, lease: 0 })
const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', resourceVersion: '7' }, spec: { nodeName: '' } })

describe('ObjectCodec', () => {
  test('stores without resourceVersion and decodes with the mod revision, frozen', () => {
    const codec = new ObjectCodec()
    const value = codec.encode(pod('a'))
    expect(JSON.parse(value).metadata.resourceVersion).toBeUndefined()
    const obj = codec.decode(kv('/pods/default/a', value, 12))
    expect(obj.metadata?.resourceVersion).toBe('12')
    expect(Object.isFrozen(obj) && Object.isFrozen(obj.metadata)).toBe(true)
  })

  test('an object just encoded is shared, not parsed again, in whatever order the values come back', () => {
    const codec = new ObjectCodec()
    const a = pod('a')
    const b = pod('b')
    const va = codec.encode(a)
    const vb = codec.encode(b)
    const db = codec.decode(kv('/pods/default/b', vb, 2))
    const da = codec.decode(kv('/pods/default/a', va, 1))
    // The spec object is the encoded object's own (frozen in place), so nothing was parsed.
    expect((da as { spec?: unknown }).spec).toBe((a as { spec: unknown }).spec)
    expect((db as { spec?: unknown }).spec).toBe((b as { spec: unknown }).spec)
  })

  test('a value from long ago, or from another writer, is parsed', () => {
    const codec = new ObjectCodec()
    const first = codec.encode(pod('old'))
    for (let i = 0; i < 100; i++) codec.encode(pod(`p${i}`))
    expect(codec.decode(kv('/pods/default/old', first, 1)).metadata?.name).toBe('old')
    const foreign = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })
    expect(codec.decode(kv('/pods/default/x', foreign, 3))).toMatchObject({ metadata: { name: 'x', resourceVersion: '3' } })
  })
})
