// `list [--json]`: every lesson with its status.
import type { Args } from '../args.ts'
import { lessonRows } from '../status.ts'
import { mark, style } from '../ui/style.ts'

export async function list(args: Args): Promise<number> {
  const { rows, warning } = lessonRows()
  if (warning) process.stderr.write(`${warning}\n`)
  if (args.json) {
    const json = rows.map(({ lesson, status }) => ({ id: lesson.id, slug: lesson.slug, title: lesson.title, part: lesson.part, dir: lesson.dir, solutionDir: lesson.solutionDir, status }))
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
    return 0
  }
  let part = ''
  for (const { lesson, status } of rows) {
    if (lesson.part !== part) {
      part = lesson.part
      process.stdout.write(`\n${style.bold(part)}\n`)
    }
    const icon = status === 'passed' ? mark.passed() : status === 'in progress' ? style.yellow('…') : ' '
    process.stdout.write(`  ${icon} ${lesson.id}  ${lesson.title}${status === 'in progress' ? style.dim('  (in progress)') : ''}\n`)
  }
  process.stdout.write('\n')
  return 0
}
