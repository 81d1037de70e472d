// `verify [<id>] [--seed N]`: for authors and instructors. Exit 0 when every lesson checks out.
import type { Args } from '../args.ts'
import { LESSONS } from '../catalog.ts'
import { DEFAULT_SEED } from '../grading/settings.ts'
import { mark, style } from '../ui/style.ts'
import { verifyLessons } from '../verify.ts'
import { lessonArg } from './lesson-arg.ts'

export async function verify(args: Args): Promise<number> {
  let lessons = LESSONS
  if (args.positionals.length > 0) {
    const lesson = lessonArg(args)
    if (!lesson) return 2
    lessons = [lesson]
  }
  const seed = args.seed ?? DEFAULT_SEED
  process.stdout.write(style.dim(`Verifying ${lessons.length} lesson${lessons.length === 1 ? '' : 's'} at seed ${seed}…\n`))
  const checks = await verifyLessons(lessons, seed, (check) => {
    const ok = check.problems.length === 0
    process.stdout.write(`${ok ? mark.passed() : mark.failed()} ${check.lesson.id} ${check.lesson.slug}${style.dim(`  ${check.notes.join(' · ')}`)}\n`)
    for (const problem of check.problems) process.stdout.write(`    ${style.red('problem:')} ${problem}\n`)
  })
  const bad = checks.filter((c) => c.problems.length > 0).length
  process.stdout.write(`\n${checks.length - bad} passed, ${bad} failed\n`)
  return bad === 0 ? 0 : 1
}
