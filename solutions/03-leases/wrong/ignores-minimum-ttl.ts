// Wrong: grants exactly the TTL asked for, never raising it to the store's minimum TTL.
import { Lessor as Solution, type LessorOptions } from '../lessor.ts'

export * from '../lessor.ts' // the solution's, but for the Lessor this file defines

export class Lessor extends Solution {
  constructor(options: LessorOptions) {
    super({ ...options, minTtlSeconds: 0 }) // the store's minimum is never applied
  }
}
