// `watch <id> [--poll]`: re-grade on every save. One grading process stays warm (vitest in watch
// mode re-runs the grader when the learner's file changes); if the learner's code hangs, that
// process is killed and a fresh one starts at the next save. `--poll` checks the file by polling,
// for filesystems whose change events never arrive (some network and container mounts).
import { watch as watchFile, watchFile as pollFile, unwatchFile, writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import type { Args } from '../args.ts'
import { abs, type Lesson } from '../catalog.ts'
import { recordGrade } from '../grade/record.ts'
import { renderGrade } from '../grade/report.ts'
import { DEFAULT_TIMEOUT_S, childEnv, freshSeed, hangMessage, lastStarted, spawnGrader, type GradeOutcome, type TestOutcome } from '../grade/run-grade.ts'
import { typeErrors } from '../grade/typecheck.ts'
import { clearScreen, style } from '../ui/style.ts'
import { lessonArg } from './lesson-arg.ts'

interface WatchOptions {
  readonly seed: number
  readonly runs?: number
  readonly poll: boolean
  readonly timeoutS: number
}

/** Wait for the next change to a file, by events or by polling. */
function nextChange(path: string, poll: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (poll) {
      const onChange = () => {
        unwatchFile(path, onChange)
        resolve()
      }
      pollFile(path, { interval: 250 }, onChange)
      return
    }
    const watcher = watchFile(path, () => {
      watcher.close()
      resolve()
    })
  })
}

export function watchLesson(lesson: Lesson, options: WatchOptions, signal: AbortSignal): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'kubeparts-watch-'))
  const progressFile = join(scratch, 'started')
  const footer = () => style.dim(`\nWatching ${lesson.learnerFile} — save to grade again${options.poll ? ' (polling)' : ''} · seed ${options.seed} · Ctrl-C to stop`)
  let child: ChildProcess | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer)
      child?.kill('SIGKILL')
      rmSync(scratch, { recursive: true, force: true })
      resolve()
    }
    signal.addEventListener('abort', stop, { once: true })

    const show = async (tests: TestOutcome[], errors: string[], output: string, extra: Partial<GradeOutcome> = {}) => {
      const outcome: GradeOutcome = { id: lesson.id, seed: options.seed, tests, errors, output, typeErrors: await typeErrors(lesson.learnerFile), file: lesson.learnerFile, passed: errors.length === 0 && tests.length > 0 && tests.every((t) => t.status === 'passed'), ...extra }
      if (signal.aborted) return
      recordGrade(lesson, outcome)
      clearScreen()
      process.stdout.write(`${renderGrade(lesson, outcome)}\n${footer()}\n`)
    }

    const start = () => {
      if (signal.aborted) return
      let output = ''
      child = spawnGrader(lesson, 'watch', childEnv(lesson, { seed: options.seed, runs: options.runs }, progressFile), options.poll)
      const current = child
      current.on('message', (message: { type: string; tests?: TestOutcome[]; errors?: string[]; text?: string }) => {
        if (message.type === 'run-start') {
          output = ''
          writeFileSync(progressFile, '')
          clearTimeout(timer)
          timer = setTimeout(() => void hang(current), options.timeoutS * 1000)
          clearScreen()
          process.stdout.write(style.dim(`Grading lesson ${lesson.id}…\n`))
        } else if (message.type === 'output') output += message.text ?? ''
        else if (message.type === 'result') {
          clearTimeout(timer)
          void show(message.tests ?? [], message.errors ?? [], output.trim())
        }
      })
      current.on('exit', () => {
        if (current !== child || signal.aborted) return
        clearTimeout(timer)
        process.stdout.write(style.yellow('\nThe grading process stopped; it restarts at your next save.\n'))
        void nextChange(abs(lesson.learnerFile), options.poll).then(start)
      })
    }

    const hang = async (hung: ChildProcess) => {
      if (hung !== child) return
      child = undefined
      hung.kill('SIGKILL')
      const test = lastStarted(progressFile)
      const message = hangMessage(options.timeoutS, test)
      await show(test ? [{ name: test, status: 'timed out', message }] : [], test ? [] : [message], '', { timedOutAfterS: options.timeoutS })
      await nextChange(abs(lesson.learnerFile), options.poll)
      start()
    }

    start()
  })
}

export async function watch(args: Args): Promise<number> {
  const lesson = lessonArg(args)
  if (!lesson) return 2
  const controller = new AbortController()
  process.once('SIGINT', () => controller.abort())
  await watchLesson(lesson, { seed: args.seed ?? freshSeed(), runs: args.runs, poll: args.poll, timeoutS: args.timeoutS ?? DEFAULT_TIMEOUT_S }, controller.signal)
  process.stdout.write('\nStopped watching.\n')
  return 0
}
