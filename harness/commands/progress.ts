// `progress [--json]`: how far the learner is. The JSON is for instructors to collect from a room.
import { execFileSync } from 'node:child_process'
import { userInfo } from 'node:os'
import type { Args } from '../args.ts'
import { ROOT } from '../catalog.ts'
import { lessonRows } from '../status.ts'
import { mark, style } from '../ui/style.ts'

function learnerName(): string {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    if (name) return name
  } catch {
    // No git identity: fall back to the login name.
  }
  try {
    return userInfo().username
  } catch {
    return 'unknown'
  }
}

export function progressSummary(): string {
  const { rows, progress } = lessonRows()
  const passed = rows.filter((r) => r.status === 'passed').length
  const started = rows.filter((r) => r.status === 'in progress').length
  const bar = rows.map((r) => (r.status === 'passed' ? style.green('■') : r.status === 'in progress' ? style.yellow('■') : style.dim('□'))).join('')
  const current = rows.find((r) => r.lesson.id === progress.current)
  return `${bar}  ${passed} of ${rows.length} lessons passed${started ? `, ${started} in progress` : ''}${current ? style.dim(` · last on ${current.lesson.id} ${current.lesson.title}`) : ''}`
}

export async function progress(args: Args): Promise<number> {
  const { rows, progress: state, warning } = lessonRows()
  if (warning) process.stderr.write(`${warning}\n`)
  if (args.json) {
    const lessons = rows.map(({ lesson, status }) => {
      const p = state.lessons[lesson.id]
      return { id: lesson.id, slug: lesson.slug, status, attempts: p?.attempts ?? 0, hintsShown: p?.hintsShown ?? 0, solutionSeen: p?.solutionSeen ?? false, lastGradedAt: p?.lastGradedAt ?? null, passedAt: p?.passedAt ?? null }
    })
    const summary = { passed: lessons.filter((l) => l.status === 'passed').length, inProgress: lessons.filter((l) => l.status === 'in progress').length, total: lessons.length }
    process.stdout.write(`${JSON.stringify({ learner: learnerName(), current: state.current ?? null, summary, lessons }, null, 2)}\n`)
    return 0
  }
  process.stdout.write(`${progressSummary()}\n\n`)
  for (const { lesson, status } of rows) {
    const p = state.lessons[lesson.id]
    const icon = status === 'passed' ? mark.passed() : status === 'in progress' ? style.yellow('…') : ' '
    const detail = p ? style.dim(`  ${p.attempts} grade${p.attempts === 1 ? '' : 's'}, ${p.hintsShown} hint${p.hintsShown === 1 ? '' : 's'}${p.solutionSeen ? ', solution seen' : ''}`) : ''
    process.stdout.write(`  ${icon} ${lesson.id}  ${lesson.title}${detail}\n`)
  }
  return 0
}
