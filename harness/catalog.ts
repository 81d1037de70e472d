// The lessons as the harness sees them: manifest entries with every path derived from id and slug
// (rustlings' info.toml idea: one ordered list is the course, and nothing repeats its paths).
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lessons as manifest, type LessonEntry } from '../lessons/manifest.ts'

/** The repository root (the folder holding package.json). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface Lesson extends LessonEntry {
  /** lessons/<id>-<slug>, relative to the root. */
  readonly dir: string
  /** solutions/<id>-<slug>, relative to the root. */
  readonly solutionDir: string
  /** The learner's file, relative to the root. */
  readonly learnerFile: string
  readonly graderFile: string
  readonly readmeFile: string
  readonly hintsFile: string
  readonly solutionFile: string
  readonly wrongDir: string
}

export function toLesson(entry: LessonEntry): Lesson {
  const folder = `${entry.id}-${entry.slug}`
  const dir = `lessons/${folder}`
  const solutionDir = `solutions/${folder}`
  return {
    ...entry,
    dir,
    solutionDir,
    learnerFile: `${dir}/${entry.component}`,
    graderFile: `${dir}/grade.test.ts`,
    readmeFile: `${dir}/README.md`,
    hintsFile: `${dir}/hints.md`,
    solutionFile: `${solutionDir}/${entry.component}`,
    wrongDir: `${solutionDir}/wrong`,
  }
}

export const LESSONS: readonly Lesson[] = manifest.map(toLesson)

export function abs(path: string): string {
  return join(ROOT, path)
}

export function rel(path: string): string {
  return relative(ROOT, path)
}

/** The known wrong answers beside a solution, relative to the root. */
export function wrongAnswers(lesson: Lesson): string[] {
  const dir = abs(lesson.wrongDir)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => `${lesson.wrongDir}/${name}`)
}

export type Lookup = { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly message: string }

/** Find a lesson by its number ("0", "00"), slug ("tour") or folder name ("00-tour"). */
export function findLesson(query: string, lessons: readonly Lesson[] = LESSONS): Lookup {
  const q = query.trim().toLowerCase()
  const padded = /^\d+$/.test(q) ? q.padStart(2, '0') : q
  const lesson = lessons.find((l) => l.id === padded || l.slug === q || `${l.id}-${l.slug}` === q)
  if (lesson) return { ok: true, lesson }
  return { ok: false, message: `unknown lesson "${query}"; the lessons are: ${lessons.map((l) => `${l.id} (${l.slug})`).join(', ')}` }
}
