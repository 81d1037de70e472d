// Calls into the learner's code with guards: a NotImplemented body means "not started", any other
// throw becomes a readable fault, and a function that changes its inputs is caught in the act.
import { isDeepStrictEqual } from 'node:util'
import { NotImplemented } from './not-implemented.ts'

export type LearnerFaultKind = 'not-started' | 'threw' | 'mutated-input'

/** Thrown inside a property when the learner's code misbehaved; the guarantee renders it. */
export class LearnerFault extends Error {
  override name = 'LearnerFault'
  constructor(
    readonly kind: LearnerFaultKind,
    message: string,
  ) {
    super(message)
  }
}

function describeThrow(error: unknown): string {
  if (!(error instanceof Error)) return `it threw a non-error value: ${String(error)}`
  // Keep the frames that point into lesson or solution files: that is where the learner looks.
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line) && /(lessons|solutions)\//.test(line) && !/grade\.test\.ts/.test(line))
    .slice(0, 3)
    // Frames name files as file:// URLs or as plain absolute paths; show them from the repository root.
    .map((line) => line.trim().replace(/(\(?)(?:file:\/\/)?\/\S*?\/((?:lessons|solutions)\/)/, '$1$2'))
  return [`it threw ${error.name}: ${error.message}`, ...frames.map((f) => `  ${f}`)].join('\n')
}

function faultFrom(label: string, error: unknown): LearnerFault {
  if (error instanceof LearnerFault) return error
  if (error instanceof NotImplemented) return new LearnerFault('not-started', `${error.what} is not written yet (it still throws NotImplemented)`)
  return new LearnerFault('threw', `${label}: ${describeThrow(error)}`)
}

function checkUnchanged(label: string, inputs: readonly unknown[], before: readonly unknown[]): void {
  inputs.forEach((input, i) => {
    // Compare clone with clone: cloning normalizes prototypes, so only real changes count.
    if (!isDeepStrictEqual(structuredClone(input), before[i])) {
      throw new LearnerFault('mutated-input', `${label} changed its input (argument ${i + 1}); treat inputs as read-only and build new values`)
    }
  })
}

/**
 * Run `fn` (a call into the learner's code, described by `label` such as "reconcile(desired, observed)")
 * and return its result. `inputs` are the values the call must not change; they are compared with a
 * snapshot taken before the call.
 */
export function learnerCall<R>(label: string, fn: () => R, inputs: readonly unknown[] = []): R {
  const before = inputs.map((input) => structuredClone(input))
  let result: R
  try {
    result = fn()
  } catch (error) {
    throw faultFrom(label, error)
  }
  checkUnchanged(label, inputs, before)
  return result
}

/** The same guards for an async call. */
export async function learnerCallAsync<R>(label: string, fn: () => Promise<R>, inputs: readonly unknown[] = []): Promise<R> {
  const before = inputs.map((input) => structuredClone(input))
  let result: R
  try {
    result = await fn()
  } catch (error) {
    throw faultFrom(label, error)
  }
  checkUnchanged(label, inputs, before)
  return result
}
