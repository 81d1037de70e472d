import { describe, expect, test } from 'vitest'
import { compareKeys, prefixEnd, NO_END } from './keys.ts'

describe('prefixEnd (clientv3 GetPrefixRangeEnd)', () => {
  const cases: readonly { name: string; prefix: string; want: string }[] = [
    { name: 'increments the last character of a plain prefix', prefix: 'foo', want: 'fop' },
    { name: 'gives the next key after a registry prefix with a trailing slash', prefix: '/registry/pods/', want: '/registry/pods0' },
    { name: 'means every key when the prefix is empty', prefix: '', want: NO_END },
    { name: 'drops a last character that cannot be incremented', prefix: 'a\u{10ffff}', want: 'b' },
    { name: 'means every key when no character can be incremented', prefix: '\u{10ffff}', want: NO_END },
    { name: 'skips the surrogate block after U+D7FF', prefix: 'a\ud7ff', want: 'a\ue000' },
  ]
  for (const c of cases) test(c.name, () => expect(prefixEnd(c.prefix)).toBe(c.want))
})

describe('compareKeys orders as etcd orders bytes (code points)', () => {
  const cases: readonly { name: string; a: string; b: string; sign: number }[] = [
    { name: 'a prefix sorts before its extensions', a: 'foo', b: 'foo1', sign: -1 },
    { name: 'equal keys compare equal', a: 'k', b: 'k', sign: 0 },
    { name: 'ASCII order is byte order', a: 'Z', b: 'a', sign: -1 },
    { name: 'an astral character sorts after U+FFFD, unlike UTF-16 order', a: '\u{1f600}', b: '\ufffd', sign: 1 },
  ]
  for (const c of cases) test(c.name, () => expect(Math.sign(compareKeys(c.a, c.b))).toBe(c.sign))
})
