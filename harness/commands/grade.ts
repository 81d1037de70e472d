// `grade <id> [--seed N] [--runs N] [--json]`: exit 0 when every guarantee holds, 1 otherwise.
import type { Args } from '../args.ts'
import { recordGrade } from '../grade/record.ts'
import { gradeJson, renderGrade } from '../grade/report.ts'
import { freshSeed, grade as runGrade } from '../grade/run-grade.ts'
import { lessonArg } from './lesson-arg.ts'

export async function grade(args: Args): Promise<number> {
  const lesson = lessonArg(args)
  if (!lesson) return 2
  // Ctrl-C stops the grader at once and leaves the terminal as it was.
  const controller = new AbortController()
  const onInterrupt = () => controller.abort()
  process.once('SIGINT', onInterrupt)
  const live = !args.json && process.stdout.isTTY
  if (live) process.stdout.write(`Grading lesson ${lesson.id}…`)
  const outcome = await runGrade(lesson, {
    seed: args.seed ?? freshSeed(),
    runs: args.runs,
    timeoutS: args.timeoutS,
    file: args.file,
    signal: controller.signal,
  })
  process.off('SIGINT', onInterrupt)
  if (live) process.stdout.write('\r\x1b[K')
  recordGrade(lesson, outcome)
  if (args.json) process.stdout.write(`${gradeJson(outcome)}\n`)
  else process.stdout.write(`${renderGrade(lesson, outcome)}\n`)
  if (outcome.interrupted) return 130
  return outcome.passed ? 0 : 1
}
