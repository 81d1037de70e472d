// Resolves the <id> argument of a command, or explains in one line what the ids are.
import type { Args } from '../args.ts'
import { findLesson, type Lesson } from '../catalog.ts'

export function lessonArg(args: Args): Lesson | undefined {
  const query = args.positionals[0]
  if (query === undefined) {
    process.stderr.write(`${args.command} needs a lesson id: npm run lesson -- ${args.command} <id> (try \`npm run lesson -- list\`)\n`)
    return undefined
  }
  const found = findLesson(query)
  if (!found.ok) {
    process.stderr.write(`${found.message}\n`)
    return undefined
  }
  return found.lesson
}
