// `npm run lesson` with no command: the interactive course. A menu (continue, pick a lesson,
// progress, quit) and a lesson screen (grade, watch, next hint, solution, reset, next lesson).
// Needs a terminal: @inquirer/prompts would otherwise draw prompts into a pipe and die.
import { readFileSync } from 'node:fs'
import type { Args } from '../args.ts'
import { LESSONS, abs, type Lesson } from '../catalog.ts'
import { recordGrade } from '../grade/record.ts'
import { renderGrade } from '../grade/report.ts'
import { DEFAULT_TIMEOUT_S, freshSeed, grade } from '../grade/run-grade.ts'
import { updateProgress } from '../progress.ts'
import { resetStarter } from '../starter.ts'
import { continueLesson, lessonRows } from '../status.ts'
import { renderMarkdown } from '../ui/markdown.ts'
import { clearScreen, mark, style } from '../ui/style.ts'
import { USAGE } from './help.ts'
import { nextHint } from './hint.ts'
import { progressSummary } from './progress.ts'
import { solutionQuestion, solutionText } from './solution.ts'
import { watchLesson } from './watch.ts'

type Prompts = typeof import('@inquirer/prompts')

/** True when the learner pressed Ctrl-C (or closed the terminal) at a prompt. */
function isExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')
}

/** Run `work` with Ctrl-C wired to an AbortSignal instead of ending the process. */
async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  const onInterrupt = () => controller.abort()
  process.on('SIGINT', onInterrupt)
  try {
    return await work(controller.signal)
  } finally {
    process.off('SIGINT', onInterrupt)
  }
}

function header(): string {
  return `${style.bold('kubeparts')} ${style.dim('— how Kubernetes works inside, rebuilt part by part')}\n${progressSummary()}\n`
}

async function pickLesson(prompts: Prompts): Promise<Lesson | undefined> {
  const { rows } = lessonRows()
  const choices: Array<{ name: string; value: string } | InstanceType<Prompts['Separator']>> = []
  let part = ''
  for (const { lesson, status } of rows) {
    if (lesson.part !== part) {
      part = lesson.part
      choices.push(new prompts.Separator(style.dim(`── ${part}`)))
    }
    const icon = status === 'passed' ? mark.passed() : status === 'in progress' ? style.yellow('…') : ' '
    choices.push({ name: `${icon} ${lesson.id}  ${lesson.title}`, value: lesson.id })
  }
  choices.push(new prompts.Separator(' '), { name: 'Back', value: 'back' })
  const id = await prompts.select({ message: 'Pick a lesson', choices, pageSize: 20, loop: false })
  return LESSONS.find((l) => l.id === id)
}

async function lessonScreen(prompts: Prompts, lesson: Lesson): Promise<Lesson | undefined> {
  updateProgress((p) => (p.current = lesson.id))
  clearScreen()
  process.stdout.write(`${renderMarkdown(readFileSync(abs(lesson.readmeFile), 'utf8'))}\n\n`)
  const seed = freshSeed()
  for (;;) {
    const index = LESSONS.indexOf(lesson)
    const next = LESSONS[index + 1]
    const action = await prompts.select({
      message: `Lesson ${lesson.id} — edit ${lesson.learnerFile}, then`,
      choices: [
        { name: 'Grade my code', value: 'grade' },
        { name: 'Watch: grade on every save', value: 'watch' },
        { name: 'Next hint', value: 'hint' },
        { name: 'Show the solution', value: 'solution' },
        { name: 'Read the lesson again', value: 'read' },
        { name: 'Reset my file to the starter', value: 'reset' },
        ...(next ? [{ name: `Next lesson: ${next.id} ${next.title}`, value: 'next' }] : []),
        { name: 'Back to the menu', value: 'back' },
      ],
      loop: false,
    })
    switch (action) {
      case 'grade': {
        clearScreen()
        process.stdout.write(style.dim(`Grading lesson ${lesson.id} (Ctrl-C stops)…\n`))
        const outcome = await interruptible((signal) => grade(lesson, { seed, signal, timeoutS: DEFAULT_TIMEOUT_S }))
        recordGrade(lesson, outcome)
        clearScreen()
        process.stdout.write(`${renderGrade(lesson, outcome)}\n\n${progressSummary()}\n\n`)
        if (outcome.passed && next) process.stdout.write(style.green(`On to lesson ${next.id}, or compare with the solution.\n\n`))
        break
      }
      case 'watch':
        await interruptible((signal) => watchLesson(lesson, { seed, poll: false, timeoutS: DEFAULT_TIMEOUT_S }, signal))
        process.stdout.write('\n')
        break
      case 'hint':
        process.stdout.write(`\n${nextHint(lesson)}\n\n`)
        break
      case 'solution':
        if (await prompts.confirm({ message: solutionQuestion(lesson), default: false })) process.stdout.write(`\n${solutionText(lesson)}\n\n`)
        break
      case 'read':
        clearScreen()
        process.stdout.write(`${renderMarkdown(readFileSync(abs(lesson.readmeFile), 'utf8'))}\n\n`)
        break
      case 'reset':
        if (await prompts.confirm({ message: `Replace ${lesson.learnerFile} with the starter? (yours is kept in .kubeparts/backups)`, default: false })) {
          const result = resetStarter(lesson)
          process.stdout.write(result.ok ? `${lesson.learnerFile} is the starter again.\n\n` : `${result.message}\n\n`)
        }
        break
      case 'next':
        return next
      default:
        return undefined
    }
  }
}

export async function menu(_args: Args): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(`The interactive course needs a terminal, and this is not one (CI, a pipe or a script?).\nUse the subcommands instead:\n\n${USAGE}\n`)
    return 2
  }
  const prompts = await import('@inquirer/prompts')
  try {
    let open: Lesson | undefined
    for (;;) {
      if (open) {
        open = await lessonScreen(prompts, open)
        continue
      }
      clearScreen()
      process.stdout.write(`${header()}\n`)
      const { progress, warning } = lessonRows()
      if (warning) process.stdout.write(`${style.yellow(warning)}\n\n`)
      const resume = continueLesson(progress)
      const choice = await prompts.select({
        message: 'What next?',
        choices: [
          { name: `Continue: ${resume.id} ${resume.title}`, value: 'continue' },
          { name: 'Pick a lesson', value: 'pick' },
          { name: 'Progress', value: 'progress' },
          { name: 'Quit', value: 'quit' },
        ],
      })
      if (choice === 'continue') open = resume
      else if (choice === 'pick') open = await pickLesson(prompts)
      else if (choice === 'progress') {
        clearScreen()
        const { progress: show } = await import('./progress.ts')
        await show({ ..._args, json: false })
        await prompts.select({ message: ' ', choices: [{ name: 'Back to the menu', value: 'back' }] })
      } else break
    }
  } catch (error) {
    if (!isExit(error)) throw error
  }
  process.stdout.write(`${style.dim('Progress saved. Come back with')} npm run lesson\n`)
  return 0
}
