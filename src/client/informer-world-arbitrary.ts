// fast-check generators of informer worlds (informer-scenario.ts): a reliable tier with writes and
// waits only, and a faulty tier that adds closed and expired watches, bookmarks, writes to other
// resources and API server restarts. Few names and versions that cross a digit boundary (9 → 10,
// 99 → 100), so that re-creations, deletes while disconnected and string comparisons come up often.
import fc from 'fast-check'
import type { WorldOp, WorldOptions } from './informer-scenario.ts'

export interface World {
  readonly ops: readonly WorldOp[]
  readonly options: WorldOptions
}

const names = ['a', 'b', 'c']
const write: fc.Arbitrary<WorldOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('apply' as const), name: fc.constantFrom(...names), phase: fc.constantFrom('Pending', 'Running', 'Succeeded') }, { noNullPrototype: true }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), name: fc.constantFrom(...names) }, { noNullPrototype: true }) },
)
const wait: fc.Arbitrary<WorldOp> = fc.record({ op: fc.constant('wait' as const), ms: fc.constantFrom(0, 5, 50, 1500) }, { noNullPrototype: true })
// A bookmark usually follows writes to other resources: that is when it tells a watcher something
// its own events could not (the cluster's resourceVersion moved on).
const fault: fc.Arbitrary<WorldOp> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<WorldOp>({ op: 'closeWatches' }) },
  { weight: 2, arbitrary: fc.constant<WorldOp>({ op: 'expireWatches' }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('bookmark' as const), afterWrites: fc.integer({ min: 0, max: 3 }), thenClose: fc.boolean() }, { noNullPrototype: true }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('elsewhere' as const), writes: fc.integer({ min: 1, max: 3 }) }, { noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const), downMs: fc.constantFrom(500, 3000) }, { noNullPrototype: true }) },
)

const options: fc.Arbitrary<WorldOptions> = fc.record(
  {
    startResourceVersion: fc.constantFrom(7, 96, 1, 997),
    windowSize: fc.constantFrom(4, 50),
    latenciesMs: fc.array(fc.constantFrom(0, 2, 10), { minLength: 1, maxLength: 3 }),
  },
  { noNullPrototype: true },
)

/** Writes and waits on a server that never fails. */
export const reliableWorld: fc.Arbitrary<World> = fc.record(
  { ops: fc.array(fc.oneof({ weight: 3, arbitrary: write }, { weight: 2, arbitrary: wait }), { minLength: 1, maxLength: 16 }), options },
  { noNullPrototype: true },
)

// A fault is often followed at once by a write (landing while the informer is disconnected), and
// often by a pause long enough for the informer to recover (its first backoff is 800ms).
const recovery = fc.option(fc.constant<WorldOp>({ op: 'wait', ms: 1500 }), { nil: undefined, freq: 2 })
const faultThenMaybeRecover: fc.Arbitrary<WorldOp[]> = fc
  .tuple(fault, fc.option(write, { nil: undefined, freq: 2 }), recovery)
  .map((ops) => ops.filter((op): op is WorldOp => op !== undefined))

/** Writes, waits and faults. */
export const faultyWorld: fc.Arbitrary<World> = fc.record(
  {
    ops: fc
      .array(fc.oneof({ weight: 3, arbitrary: write.map((w) => [w]) }, { weight: 2, arbitrary: wait.map((w) => [w]) }, { weight: 2, arbitrary: faultThenMaybeRecover }), { minLength: 1, maxLength: 16 })
      .map((segments) => segments.flat()),
    options,
  },
  { noNullPrototype: true },
)
