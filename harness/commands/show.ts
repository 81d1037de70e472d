// `show <id>`: the lesson's text, rendered.
import { readFileSync } from 'node:fs'
import type { Args } from '../args.ts'
import { abs } from '../catalog.ts'
import { updateProgress } from '../progress.ts'
import { renderMarkdown } from '../ui/markdown.ts'
import { lessonArg } from './lesson-arg.ts'

export async function show(args: Args): Promise<number> {
  const lesson = lessonArg(args)
  if (!lesson) return 2
  process.stdout.write(`${renderMarkdown(readFileSync(abs(lesson.readmeFile), 'utf8'))}\n`)
  updateProgress((p) => (p.current = lesson.id))
  return 0
}
