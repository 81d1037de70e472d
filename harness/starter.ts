// The starter file as shipped, for `reset`: read from git (the learner cloned the course), and the
// learner's own version kept in .kubeparts/backups before it is replaced, so nothing is lost.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ROOT, abs, type Lesson } from './catalog.ts'
import { stateDir } from './progress.ts'

export type StarterText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string }

export function starterText(lesson: Lesson): StarterText {
  try {
    const text = execFileSync('git', ['show', `HEAD:${lesson.learnerFile}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    return { ok: true, text }
  } catch {
    return { ok: false, message: `the starter could not be read from git (is this a git clone of the course?); get ${lesson.learnerFile} from a fresh copy instead` }
  }
}

export type ResetResult = { readonly ok: true; readonly backup?: string } | { readonly ok: false; readonly message: string }

export function resetStarter(lesson: Lesson): ResetResult {
  const starter = starterText(lesson)
  if (!starter.ok) return starter
  const file = abs(lesson.learnerFile)
  let backup: string | undefined
  if (existsSync(file)) {
    const dir = join(stateDir(), 'backups')
    mkdirSync(dir, { recursive: true })
    backup = join(dir, `${lesson.id}-${new Date().toISOString().replace(/[:.]/g, '-')}-${basename(file)}`)
    copyFileSync(file, backup)
  }
  writeFileSync(file, starter.text)
  return { ok: true, backup }
}
