// Runs one lesson's grader in a child process (harness/grade/vitest-child.mjs) with a time limit,
// type-checks the learner's file beside it, and returns the outcome as data. A learner's failure
// is a result, not an exception: only a broken harness throws.
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, abs, type Lesson } from '../catalog.ts'
import { takePrewarmed } from './prewarm.mjs'
import { typeErrors } from './typecheck.ts'

export type TestStatus = 'passed' | 'failed' | 'not started' | 'timed out' | 'skipped'

export interface TestOutcome {
  readonly name: string
  readonly status: TestStatus
  readonly message: string
}

export interface GradeOutcome {
  readonly id: string
  readonly passed: boolean
  readonly seed: number
  readonly tests: readonly TestOutcome[]
  /** Type errors in the graded file, `file:line:col message`. */
  readonly typeErrors: readonly string[]
  /** Errors outside any guarantee: the file would not load, the grader broke. */
  readonly errors: readonly string[]
  /** What the learner's code printed (capped). */
  readonly output: string
  /** Set when the child was stopped for running too long. */
  readonly timedOutAfterS?: number
  /** Set when the learner pressed Ctrl-C. */
  readonly interrupted?: boolean
  /** The file that was graded, relative to the root. */
  readonly file: string
}

export interface GradeOptions {
  readonly seed: number
  readonly runs?: number
  /** Grade this file (relative to the root) instead of the learner's: verify and bench use it. */
  readonly file?: string
  readonly timeoutS?: number
  readonly signal?: AbortSignal
  /** Stop at the first failing guarantee (verify: a wrong answer needs only one). */
  readonly bail?: boolean
}

/** Each guarantee should take well under a second; this is the time for the whole grader. */
export const DEFAULT_TIMEOUT_S = 20

interface ChildResult {
  readonly tests: TestOutcome[]
  readonly errors: string[]
}

export function childEnv(lesson: Lesson, options: GradeOptions, progressFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KUBEPARTS_SEED: String(options.seed), KUBEPARTS_LESSON: lesson.id, KUBEPARTS_PROGRESS_FILE: progressFile }
  if (options.bail) env.KUBEPARTS_BAIL = '1'
  else delete env.KUBEPARTS_BAIL
  if (options.runs !== undefined) env.KUBEPARTS_RUNS = String(options.runs)
  else delete env.KUBEPARTS_RUNS
  const other = options.file !== undefined && options.file !== lesson.learnerFile
  if (other) env.KUBEPARTS_IMPL = abs(options.file)
  else delete env.KUBEPARTS_IMPL
  env.KUBEPARTS_REPLAY = `npm run lesson -- grade ${lesson.id}${other ? ` --file ${options.file}` : ''}${options.runs !== undefined ? ` --runs ${options.runs}` : ''}`
  // The child must not inherit vitest's own worker variables when the harness runs inside a test.
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST') delete env[key]
  return env
}

export function spawnGrader(lesson: Lesson, mode: 'run' | 'watch', env: NodeJS.ProcessEnv, poll = false): ChildProcess {
  const args = [lesson.graderFile, mode, lesson.learnerFile, ...(poll ? ['poll'] : [])]
  // A process started in standby by harness/launch.mjs has vitest loaded already: hand it the job.
  const standby = mode === 'run' ? takePrewarmed() : undefined
  if (standby) {
    const unset = Object.keys(process.env).filter((key) => !(key in env))
    standby.send({ type: 'start', args, env, unset })
    return standby
  }
  return fork(abs('harness/grade/vitest-child.mjs'), args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
}

/** The last guarantee the grader started, from its progress file: where a hang happened. */
export function lastStarted(progressFile: string): string | undefined {
  try {
    return readFileSync(progressFile, 'utf8').trim().split('\n').filter(Boolean).at(-1)
  } catch {
    return undefined
  }
}

export function hangMessage(seconds: number, test: string | undefined): string {
  return `your code did not return within ${seconds} s in ${test ? `"${test}"` : 'the grader'}: look for a loop that never ends (a while whose condition never changes, a retry without a limit).`
}

export async function grade(lesson: Lesson, options: GradeOptions): Promise<GradeOutcome> {
  const file = options.file ?? lesson.learnerFile
  const scratch = mkdtempSync(join(tmpdir(), 'kubeparts-grade-'))
  const progressFile = join(scratch, 'started')
  const timeoutS = options.timeoutS ?? Math.round(DEFAULT_TIMEOUT_S * Math.max(1, (options.runs ?? 0) / 200))
  const checking = typeErrors(file, options.signal)
  let output = ''
  let stderr = ''
  const child = spawnGrader(lesson, 'run', childEnv(lesson, options, progressFile))
  const finished = new Promise<{ result?: ChildResult; timedOut?: boolean; interrupted?: boolean; exitCode?: number | null }>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve({ timedOut: true })
    }, timeoutS * 1000)
    const onAbort = () => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      resolve({ interrupted: true })
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })
    child.on('message', (message: { type: string; tests?: TestOutcome[]; errors?: string[]; text?: string }) => {
      if (message.type === 'result') {
        // The results are in: no need to wait for vitest to shut down.
        clearTimeout(timer)
        resolve({ result: { tests: message.tests ?? [], errors: message.errors ?? [] } })
        child.kill('SIGKILL')
      }
      else if (message.type === 'output') output += message.text ?? ''
    })
    child.stdout?.on('data', (chunk) => (output.length < 8000 ? (output += chunk) : undefined))
    child.stderr?.on('data', (chunk) => (stderr.length < 8000 ? (stderr += chunk) : undefined))
    child.on('exit', (exitCode) => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      resolve({ exitCode })
    })
  })
  const [end, types] = await Promise.all([finished, checking])
  const hungIn = end.timedOut ? lastStarted(progressFile) : undefined
  rmSync(scratch, { recursive: true, force: true })

  let tests: TestOutcome[] = end.result?.tests ?? []
  const errors = [...(end.result?.errors ?? [])]
  if (end.timedOut) {
    tests = hungIn ? [{ name: hungIn, status: 'timed out', message: hangMessage(timeoutS, hungIn) }] : []
    if (!hungIn) errors.push(hangMessage(timeoutS, undefined))
  } else if (!end.result && !end.interrupted) {
    errors.push(`the grader stopped before reporting (exit code ${end.exitCode})${stderr ? `:\n${stderr.trim()}` : ''}`)
  }
  const passed = !end.timedOut && !end.interrupted && errors.length === 0 && tests.length > 0 && tests.every((t) => t.status === 'passed')
  return {
    id: lesson.id,
    passed,
    seed: options.seed,
    tests,
    typeErrors: types,
    errors,
    output: output.trim(),
    file,
    ...(end.timedOut ? { timedOutAfterS: timeoutS } : {}),
    ...(end.interrupted ? { interrupted: true } : {}),
  }
}

/** A fresh seed for a grade the learner did not give one for; printed so it can be replayed. */
export function freshSeed(): number {
  return Math.floor(Math.random() * 2 ** 31)
}

export { ROOT }
