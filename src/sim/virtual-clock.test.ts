import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { VirtualClock } from './virtual-clock.ts'
import { Random } from './random.ts'

describe('VirtualClock', () => {
  test('fires timers in order of due time, then of insertion', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }), (delays) => {
        const clock = new VirtualClock()
        const fired: Array<{ due: number; order: number }> = []
        delays.forEach((d, order) => clock.setTimer(d, () => fired.push({ due: clock.now(), order })))
        clock.runUntilIdle()
        const expected = delays.map((d, order) => ({ due: d, order })).sort((a, b) => a.due - b.due || a.order - b.order)
        expect(fired).toEqual(expected)
      }),
    )
  })

  test('advance fires what falls due in the window, including timers set by timers, and no more', () => {
    const clock = new VirtualClock(100)
    const log: string[] = []
    clock.setTimer(10, () => {
      log.push(`a@${clock.now()}`)
      clock.setTimer(5, () => log.push(`b@${clock.now()}`))
      clock.setTimer(50, () => log.push(`c@${clock.now()}`))
    })
    clock.advance(20)
    expect(log).toEqual(['a@110', 'b@115'])
    expect(clock.now()).toBe(120)
    expect(clock.pending).toBe(1)
  })

  test('a cancelled timer never fires', () => {
    const clock = new VirtualClock()
    let fired = false
    const handle = clock.setTimer(1, () => (fired = true))
    clock.cancel(handle)
    clock.advance(10)
    expect(fired).toBe(false)
  })
})

describe('Random', () => {
  test('one seed replays the same draws', () => {
    const a = new Random(42)
    const b = new Random(42)
    expect(Array.from({ length: 20 }, () => a.int(0, 1000))).toEqual(Array.from({ length: 20 }, () => b.int(0, 1000)))
  })

  test('int stays within bounds and reaches both ends', () => {
    const r = new Random(7)
    const seen = new Set<number>()
    for (let i = 0; i < 500; i++) {
      const v = r.int(1, 4)
      expect(v).toBeGreaterThanOrEqual(1)
      expect(v).toBeLessThanOrEqual(4)
      seen.add(v)
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4])
  })
})

describe('Random seeding', () => {
  test('neighbouring small seeds do not start with the same draws', () => {
    const firsts = Array.from({ length: 24 }, (_, seed) => new Random(seed + 1).int(0, 2))
    expect(new Set(firsts).size).toBe(3)
  })
})
