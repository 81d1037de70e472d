// The one seeded random source. Everything random in the engine (tie-breaks, jitter, fault
// injection) draws from a Random passed in, so a seed replays a run exactly. Backed by pure-rand's
// xoroshiro128+, a small fast generator with a well-studied distribution.
import { xoroshiro128plus } from 'pure-rand/generator/XoroShiro'
import { unsafeUniformIntDistribution } from 'pure-rand/distribution/UnsafeUniformIntDistribution'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

function mixSeed(seed: number): number {
  let h = seed | 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) | 0
}

export class Random {
  readonly seed: number
  #rng: RandomGenerator

  constructor(seed: number) {
    this.seed = seed
    // xoroshiro128+ seeded straight from a small integer starts poorly mixed (seeds 1, 2, 3… all
    // draw the same first values), so the seed goes through a 32-bit finalizer first (murmur3's fmix32).
    this.#rng = xoroshiro128plus(mixSeed(seed))
  }

  /** A uniformly chosen integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`Random.int needs integers with min <= max, got ${min}..${max}`)
    }
    return unsafeUniformIntDistribution(min, max, this.#rng)
  }

  /** A float in [0, 1) with 2^-30 resolution. */
  float(): number {
    return this.int(0, 2 ** 30 - 1) / 2 ** 30
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p
  }

  /** One element, chosen uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Random.pick needs a non-empty list')
    return items[this.int(0, items.length - 1)]
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice()
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i)
      ;[out[i], out[j]] = [out[j], out[i]]
    }
    return out
  }

  /** An independent stream, so one component's draws do not shift another's. */
  fork(): Random {
    return new Random(this.int(0, 2 ** 31 - 1))
  }
}
