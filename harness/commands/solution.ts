// `solution <id> [--yes]`: the solution, on purpose. Asks first unless the lesson already passes,
// where it is offered "for comparison".
import { readFileSync } from 'node:fs'
import type { Args } from '../args.ts'
import { abs, type Lesson } from '../catalog.ts'
import { lessonProgress, loadProgress, updateProgress } from '../progress.ts'
import { renderMarkdown } from '../ui/markdown.ts'
import { style } from '../ui/style.ts'
import { confirm } from '../ui/confirm.ts'
import { lessonArg } from './lesson-arg.ts'

export function solutionText(lesson: Lesson): string {
  const code = readFileSync(abs(lesson.solutionFile), 'utf8')
  updateProgress((p) => (lessonProgress(p, lesson.id).solutionSeen = true))
  return `${style.bold(`Solution to lesson ${lesson.id}`)} ${style.dim(`(${lesson.solutionFile})`)}\n\n${renderMarkdown(`\`\`\`ts\n${code}\n\`\`\``)}`
}

export function solutionQuestion(lesson: Lesson): string {
  const passed = loadProgress().progress.lessons[lesson.id]?.status === 'passed'
  return passed ? `Your code passes. Show the solution for comparison?` : `Show the solution to lesson ${lesson.id}? Trying the next hint first teaches more.`
}

export async function solution(args: Args): Promise<number> {
  const lesson = lessonArg(args)
  if (!lesson) return 2
  const ok = await confirm(solutionQuestion(lesson), args.yes)
  if (ok === undefined) {
    process.stderr.write(`The solution is shown only on purpose: npm run lesson -- solution ${lesson.id} --yes\n`)
    return 2
  }
  if (ok) process.stdout.write(`${solutionText(lesson)}\n`)
  return 0
}
