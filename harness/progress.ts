// The learner's progress, in one small file in the repository (ignored by git):
// .kubeparts/progress.json. A file that cannot be read is moved aside (nothing is lost), reported,
// and progress starts afresh: it is never fatal.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './catalog.ts'

export type LessonStatus = 'not started' | 'in progress' | 'passed'

export interface LessonProgress {
  status: LessonStatus
  /** Grades run (interactive, subcommand or watch). */
  attempts: number
  /** How many hints have been shown (the next hint is hints[hintsShown]). */
  hintsShown: number
  solutionSeen: boolean
  lastGradedAt?: string
  passedAt?: string
}

export interface Progress {
  version: 1
  /** The lesson the learner was last on; "continue" opens it. */
  current?: string
  lessons: Record<string, LessonProgress>
}

/** Where progress lives; KUBEPARTS_HOME moves it (tests, shared machines). */
export function stateDir(): string {
  return process.env.KUBEPARTS_HOME || join(ROOT, '.kubeparts')
}

export function progressPath(): string {
  return join(stateDir(), 'progress.json')
}

export function emptyProgress(): Progress {
  return { version: 1, lessons: {} }
}

export function lessonProgress(progress: Progress, id: string): LessonProgress {
  return (progress.lessons[id] ??= { status: 'not started', attempts: 0, hintsShown: 0, solutionSeen: false })
}

function isProgress(value: unknown): value is Progress {
  if (!value || typeof value !== 'object') return false
  const p = value as Partial<Progress>
  if (p.version !== 1 || !p.lessons || typeof p.lessons !== 'object') return false
  return Object.values(p.lessons).every(
    (l) => l && typeof l === 'object' && ['not started', 'in progress', 'passed'].includes(l.status) && Number.isInteger(l.attempts) && Number.isInteger(l.hintsShown),
  )
}

export interface LoadedProgress {
  readonly progress: Progress
  /** Set when the file was unreadable: what happened, for the learner. */
  readonly warning?: string
}

export function loadProgress(): LoadedProgress {
  const path = progressPath()
  if (!existsSync(path)) return { progress: emptyProgress() }
  let problem: string
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (isProgress(parsed)) return { progress: parsed }
    problem = 'it is not a progress file this version understands'
  } catch (error) {
    problem = error instanceof SyntaxError ? `it is not valid JSON (${error.message})` : `it could not be read (${String(error)})`
  }
  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
  try {
    renameSync(path, aside)
  } catch {
    // Could not move it; it will be overwritten by the next save.
  }
  return { progress: emptyProgress(), warning: `Your progress file ${path} was unreadable: ${problem}. It was kept as ${aside} and progress starts afresh.` }
}

export function saveProgress(progress: Progress): void {
  const path = progressPath()
  mkdirSync(stateDir(), { recursive: true })
  // Write then rename, so an interrupted save never leaves half a file.
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(progress, null, 2)}\n`)
  renameSync(tmp, path)
}

/** Load, change, save: the one way commands update progress. */
export function updateProgress(change: (progress: Progress) => void): Progress {
  const { progress, warning } = loadProgress()
  if (warning) process.stderr.write(`${warning}\n`)
  change(progress)
  saveProgress(progress)
  return progress
}
