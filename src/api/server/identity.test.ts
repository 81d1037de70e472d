// UIDs and generated names: their shapes, and that a seed replays them.
import { describe, expect, test } from 'vitest'
import { Random } from '../../sim/random.ts'
import { generateName, newUid } from './identity.ts'

describe('identity', () => {
  test('a UID is a version-4-shaped UUID, the same for the same seed, and does not repeat', () => {
    const random = new Random(3)
    const uids = Array.from({ length: 2000 }, () => newUid(random))
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(uids).size).toBe(uids.length)
    expect(newUid(new Random(9))).toBe(newUid(new Random(9)))
  })

  test('a generated name is the base (cut to 58 characters) and five characters without vowels', () => {
    const random = new Random(1)
    expect(generateName('web-', random)).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    const long = generateName('x'.repeat(80), random)
    expect(long).toHaveLength(63)
    expect(long.startsWith('x'.repeat(58))).toBe(true)
  })
})
