// `reset <id> [--yes]`: put the starter back; the learner's file is kept in .kubeparts/backups.
import type { Args } from '../args.ts'
import { rel } from '../catalog.ts'
import { resetStarter } from '../starter.ts'
import { lessonArg } from './lesson-arg.ts'
import { confirm } from '../ui/confirm.ts'

export async function reset(args: Args): Promise<number> {
  const lesson = lessonArg(args)
  if (!lesson) return 2
  const ok = await confirm(`Replace ${lesson.learnerFile} with the starter? (your version is kept in .kubeparts/backups)`, args.yes)
  if (ok === undefined) {
    process.stderr.write(`reset replaces your file; with no terminal to ask, add --yes: npm run lesson -- reset ${lesson.id} --yes\n`)
    return 2
  }
  if (!ok) return 0
  const result = resetStarter(lesson)
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`)
    return 1
  }
  process.stdout.write(`${lesson.learnerFile} is the starter again.${result.backup ? ` Your version: ${rel(result.backup)}` : ''}\n`)
  return 0
}
