// `hint <id>`: the next hint, gentlest first. Hints live in the lesson's hints.md, separated by
// lines of `---`; progress remembers how many were shown.
import { existsSync, readFileSync } from 'node:fs'
import type { Args } from '../args.ts'
import { abs, type Lesson } from '../catalog.ts'
import { lessonProgress, updateProgress } from '../progress.ts'
import { renderMarkdown } from '../ui/markdown.ts'
import { style } from '../ui/style.ts'
import { lessonArg } from './lesson-arg.ts'

export function readHints(lesson: Lesson): string[] {
  const path = abs(lesson.hintsFile)
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split(/^---\s*$/m)
    .map((h) => h.trim())
    .filter(Boolean)
}

/** Show the next hint and remember it; returns the text printed. */
export function nextHint(lesson: Lesson): string {
  const hints = readHints(lesson)
  let text = ''
  updateProgress((progress) => {
    const entry = lessonProgress(progress, lesson.id)
    progress.current = lesson.id
    if (hints.length === 0) {
      text = 'This lesson has no hints.'
      return
    }
    if (entry.hintsShown >= hints.length) {
      text = `${style.dim(`That was the last hint (${hints.length} of ${hints.length}). Here it is again:`)}\n\n${renderMarkdown(hints[hints.length - 1])}\n\n${style.dim(`Still stuck? The solution is one step away: npm run lesson -- solution ${lesson.id}`)}`
      return
    }
    const index = entry.hintsShown
    entry.hintsShown = index + 1
    const earlier = index > 0 ? `${style.dim(`(earlier hints: ${hints.slice(0, index).map((_, i) => `#${i + 1}`).join(', ')} — ask again for the next)`)}\n` : ''
    text = `${style.bold(`Hint ${index + 1} of ${hints.length}`)}\n${earlier}\n${renderMarkdown(hints[index])}`
  })
  return text
}

export async function hint(args: Args): Promise<number> {
  const lesson = lessonArg(args)
  if (!lesson) return 2
  process.stdout.write(`${nextHint(lesson)}\n`)
  return 0
}
