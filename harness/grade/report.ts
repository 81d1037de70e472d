// A grade as the learner reads it: type errors first, then each guarantee by name, the failure
// scenarios, the seed and replay command, and one summary line `N passed, N failed`.
import type { Lesson } from '../catalog.ts'
import { mark, style } from '../ui/style.ts'
import type { GradeOutcome, TestOutcome } from './run-grade.ts'

function indent(text: string, by = '      '): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n')
}

function icon(test: TestOutcome): string {
  switch (test.status) {
    case 'passed':
      return mark.passed()
    case 'not started':
      return mark.notStarted()
    case 'timed out':
      return mark.timedOut()
    default:
      return mark.failed()
  }
}

export function summaryLine(outcome: GradeOutcome): string {
  const passed = outcome.tests.filter((t) => t.status === 'passed').length
  // A file that would not load has no guarantee results; it still counts as one failure.
  const failed = outcome.tests.length - passed + (outcome.tests.length === 0 && !outcome.passed ? 1 : 0)
  return `${passed} passed, ${failed} failed`
}

export function renderGrade(lesson: Lesson, outcome: GradeOutcome): string {
  const out: string[] = []
  out.push(style.bold(`Lesson ${lesson.id} · ${lesson.title}`) + style.dim(`   ${outcome.file} · seed ${outcome.seed}`), '')
  if (outcome.typeErrors.length > 0) {
    out.push(style.yellow(`Type errors in ${outcome.file}:`), ...outcome.typeErrors.map((e) => `  ${e}`), '')
  }
  for (const error of outcome.errors) out.push(style.red('Your code could not be graded:'), indent(error, '  '), '')
  const notStarted = outcome.tests.filter((t) => t.status === 'not started')
  if (notStarted.length > 0 && notStarted.length === outcome.tests.length) {
    out.push(`${mark.notStarted()} Not started: ${notStarted[0].message}.`, style.dim(`  Open ${lesson.learnerFile}, replace the \`throw new NotImplemented(...)\` lines with your code, and grade again.`), '')
    for (const test of outcome.tests) out.push(`  ${mark.notStarted()} ${test.name}`)
  } else {
    let shownFailure = false
    for (const test of outcome.tests) {
      out.push(`  ${icon(test)} ${test.status === 'passed' ? test.name : style.bold(test.name)}`)
      if (test.status === 'passed' || !test.message) continue
      // Every failure's scenario is useful, but the first is the one to read: later ones are dimmed.
      out.push(shownFailure ? style.dim(indent(test.message)) : indent(test.message), '')
      shownFailure = true
    }
  }
  if (outcome.output) out.push('', style.dim('What your code printed:'), indent(outcome.output, '  │ '))
  if (outcome.interrupted) out.push('', style.yellow('Grading was interrupted.'))
  out.push('', outcome.passed ? style.green(style.bold(summaryLine(outcome))) : style.bold(summaryLine(outcome)))
  if (outcome.passed) out.push(style.green(`Lesson ${lesson.id} passes. `) + style.dim('Compare with the solution: npm run lesson -- solution ' + lesson.id))
  return out.join('\n')
}

/** The `grade --json` shape: `{ id, passed, seed, tests: [{ name, status, message }] }`. */
export function gradeJson(outcome: GradeOutcome): string {
  return JSON.stringify(
    { id: outcome.id, passed: outcome.passed, seed: outcome.seed, tests: outcome.tests.map(({ name, status, message }) => ({ name, status, message })) },
    null,
    2,
  )
}
