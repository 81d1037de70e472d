// The grading process against hostile learner code: each misbehaviour gets a clear result, never
// a crash or a hang. Fixtures in harness/fixtures/hostile/ stand in for lesson 00's learner file.
import { describe, expect, test } from 'vitest'
import { findLesson, type Lesson } from '../catalog.ts'
import { grade } from './run-grade.ts'

const found = findLesson('00')
if (!found.ok) throw new Error(found.message)
const lesson: Lesson = found.lesson
const fixture = (name: string) => `harness/fixtures/hostile/${name}.ts`

describe('grading hostile code', () => {
  test('the untouched starter is "not started" on every guarantee, not a crash', async () => {
    const outcome = await grade(lesson, { seed: 1 })
    expect(outcome.passed).toBe(false)
    expect(outcome.tests.length).toBeGreaterThan(0)
    expect(outcome.tests.every((t) => t.status === 'not started')).toBe(true)
    expect(outcome.tests[0].message).toMatch(/reconcile is not written yet/)
  })

  test('code that throws is a failure naming the error and the situation, with the replay command', async () => {
    const outcome = await grade(lesson, { seed: 1, file: fixture('throws') })
    expect(outcome.passed).toBe(false)
    const failure = outcome.tests.find((t) => t.status === 'failed')
    expect(failure?.message).toMatch(/it threw TypeError/)
    expect(failure?.message).toMatch(/The situation:/)
    expect(failure?.message).toMatch(/replay: npm run lesson -- grade 00 --file harness\/fixtures\/hostile\/throws\.ts --seed 1/)
  })

  test('code that never returns is stopped and named: "did not return within N s in <test>"', async () => {
    const outcome = await grade(lesson, { seed: 1, file: fixture('loops'), timeoutS: 4 })
    expect(outcome.passed).toBe(false)
    expect(outcome.timedOutAfterS).toBe(4)
    expect(outcome.tests).toHaveLength(1)
    expect(outcome.tests[0].status).toBe('timed out')
    expect(outcome.tests[0].message).toMatch(/^your code did not return within 4 s in "applying the actions/)
  })

  test('code that changes its input is caught in the act', async () => {
    const outcome = await grade(lesson, { seed: 1, file: fixture('mutates') })
    expect(outcome.passed).toBe(false)
    expect(outcome.tests.some((t) => /changed its input/.test(t.message))).toBe(true)
  })

  test('code that prints megabytes is graded, and what it printed is cut short', async () => {
    const outcome = await grade(lesson, { seed: 1, file: fixture('noisy'), runs: 5 })
    expect(outcome.passed).toBe(true)
    expect(outcome.output.length).toBeGreaterThan(100)
    expect(outcome.output.length).toBeLessThan(10_000)
  })

  test('a type error is reported as file:line first, and the properties still run', async () => {
    const outcome = await grade(lesson, { seed: 1, file: fixture('type-error') })
    expect(outcome.typeErrors).toHaveLength(1)
    expect(outcome.typeErrors[0]).toMatch(/^harness\/fixtures\/hostile\/type-error\.ts:6:\d+ +Type 'number' is not assignable to type 'string'/)
    expect(outcome.passed).toBe(true)
  })

  test('code that does not parse is reported as a load error, not a pass', async () => {
    const outcome = await grade(lesson, { seed: 1, file: fixture('syntax-error') })
    expect(outcome.passed).toBe(false)
    expect([...outcome.typeErrors, ...outcome.errors].join('\n')).toMatch(/syntax-error\.ts/)
  })

  test('an abort (Ctrl-C) stops the grader at once', async () => {
    const controller = new AbortController()
    const pending = grade(lesson, { seed: 1, file: fixture('loops'), timeoutS: 60, signal: controller.signal })
    setTimeout(() => controller.abort(), 500)
    const outcome = await pending
    expect(outcome.interrupted).toBe(true)
    expect(outcome.passed).toBe(false)
  })
})
