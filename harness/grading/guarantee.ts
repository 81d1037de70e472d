// A guarantee is one property of a lesson's component, named by the sentence it checks. It runs
// under vitest with fast-check, from the harness's seed, and fails with a scenario a person can
// follow: the smallest situation fast-check found, what went wrong, the seed and the replay command.
import { appendFileSync } from 'node:fs'
import fc from 'fast-check'
import { test } from 'vitest'
import { LearnerFault } from './learner-call.ts'
import { readSettings } from './settings.ts'

/** The outcome of checking one generated situation. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly scenario: string }

export const pass: Verdict = { ok: true }
export function fail(scenario: string): Verdict {
  return { ok: false, scenario }
}

export interface GuaranteeOptions<T> {
  /** Generated situations to check (the harness's `--runs N` overrides it). */
  readonly runs?: number
  /** Renders a situation for a person; used when the learner's code threw or changed its input. */
  readonly describe?: (input: T) => string
}

/** Raised when a guarantee does not hold; its message is the whole report. */
export class GuaranteeFailure extends Error {
  override name = 'GuaranteeFailure'
}

/** Raised when the component is still the starter. */
export class NotStarted extends Error {
  override name = 'NotStarted'
}

class Counterexample extends Error {
  constructor(readonly scenario: string) {
    super(scenario)
  }
}

/** A per-guarantee seed, so one base seed replays every guarantee and each explores differently. */
export function seedFor(baseSeed: number, name: string): number {
  let hash = 2166136261
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619)
  return (baseSeed ^ hash) | 0
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n')
}

export function guarantee<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  check: (input: T) => Verdict | Promise<Verdict>,
  options: GuaranteeOptions<T> = {},
): void {
  test(name, async () => {
    const settings = readSettings()
    // Written synchronously so that, if the learner's code never returns, the harness can say where.
    if (settings.progressFile) appendFileSync(settings.progressFile, `${name}\n`)
    const property = fc.asyncProperty(arbitrary, async (input) => {
      const verdict = await check(input)
      if (!verdict.ok) throw new Counterexample(verdict.scenario)
    })
    const details = await fc.check(property, {
      seed: seedFor(settings.seed, name),
      numRuns: settings.runs ?? options.runs ?? 100,
    })
    if (!details.failed) return
    const error = details.errorInstance
    if (error instanceof LearnerFault && error.kind === 'not-started') throw new NotStarted(error.message)
    const describe = options.describe ?? ((input: T) => fc.stringify(input))
    const input = details.counterexample?.[0] as T
    let body: string
    if (error instanceof Counterexample) body = error.scenario
    else if (error instanceof LearnerFault) body = `${error.message}\n\nThe situation:\n${indent(describe(input))}`
    else body = `The grader itself failed (please report this): ${String(error)}\n\nThe situation:\n${indent(describe(input))}`
    const replay = `${settings.replay ?? `npm run lesson -- grade ${settings.lessonId ?? '<lesson>'}`} --seed ${settings.seed}`
    const shrunk = details.numShrinks > 0 ? ` · shrunk ${details.numShrinks} times` : ''
    throw new GuaranteeFailure(`${body}\n\nseed ${settings.seed}${shrunk} · replay: ${replay}`)
  })
}
