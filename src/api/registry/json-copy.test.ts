import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonCopy } from './json-copy.ts'

const viaText = (v: unknown) => {
  const text = JSON.stringify(v)
  return text === undefined ? undefined : JSON.parse(text)
}

describe('jsonCopy', () => {
  it('returns what a JSON text round trip returns, for any value', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withDate: true, withNullPrototype: true, withSparseArray: true, withObjectString: true }), (v) => {
        expect(jsonCopy(v)).toStrictEqual(viaText(v))
      }),
      { numRuns: 500 },
    )
  })

  it('follows the edge cases of the JSON rules', () => {
    const date = new Date(0)
    const cases: unknown[] = [
      -0,
      [-0, Number.NaN, Infinity, undefined, () => 1, Symbol('s')],
      { a: undefined, b: () => 1, c: Symbol('s'), d: Number.NaN, e: -0 },
      { when: date, nested: { toJSON: (key: string) => `key ${key}` } },
      new Map([[1, 2]]),
      [new Number(3), new String('s'), new Boolean(false)],
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
      JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'),
    ]
    for (const v of cases) expect(jsonCopy(v)).toStrictEqual(viaText(v))
  })

  it('keeps an own "__proto__" key as a key, never as the prototype', () => {
    const copy = jsonCopy(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.hasOwn(copy, '__proto__')).toBe(true)
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined()
  })

  it('never shares structure with its input', () => {
    const input = { metadata: { labels: { a: 'b' } }, list: [{ x: 1 }] }
    const out = jsonCopy(input)
    out.metadata.labels.a = 'changed'
    out.list[0].x = 2
    expect(input).toEqual({ metadata: { labels: { a: 'b' } }, list: [{ x: 1 }] })
  })

  it('throws TypeError where JSON.stringify does', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => jsonCopy(cyclic)).toThrow(TypeError)
    expect(() => jsonCopy({ big: 1n })).toThrow(TypeError)
  })
})
