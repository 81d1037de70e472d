// The authoring check (rustlings' `dev check`): every lesson is complete, its untouched starter
// fails its grader, its solution passes, and every known wrong answer is rejected. Each problem is
// stated with its fix.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { abs, wrongAnswers, type Lesson } from './catalog.ts'
import { grade, type GradeOutcome } from './grade/run-grade.ts'
import { readHints } from './commands/hint.ts'
import { starterText } from './starter.ts'

export interface LessonCheck {
  readonly lesson: Lesson
  readonly problems: string[]
  readonly notes: string[]
}

function failing(outcome: GradeOutcome): string {
  const names = outcome.tests.filter((t) => t.status !== 'passed').map((t) => `"${t.name}" (${t.status})`)
  return [...names, ...outcome.errors.map((e) => e.split('\n')[0])].join('; ')
}

function structureProblems(lesson: Lesson): string[] {
  const problems: string[] = []
  const need = (path: string, fix: string) => {
    if (!existsSync(abs(path))) problems.push(`${path} is missing: ${fix}`)
  }
  need(lesson.readmeFile, 'write the lesson text (concept, real source files, a diagram, the task, the guarantees, how to run)')
  need(lesson.learnerFile, `write the learner's starter, with bodies that throw NotImplemented`)
  need(lesson.graderFile, 'write the grader with guarantee(...) from harness/grading')
  need(lesson.solutionFile, 'write a solution with the same exports as the starter')
  if (existsSync(abs(lesson.hintsFile)) && readHints(lesson).length === 0) problems.push(`${lesson.hintsFile} has no hints: write a few, gentlest first, separated by lines of ---`)
  need(lesson.hintsFile, 'write progressive hints separated by lines of ---')
  if (existsSync(abs(lesson.learnerFile)) && !readFileSync(abs(lesson.learnerFile), 'utf8').includes('NotImplemented')) {
    problems.push(`${lesson.learnerFile} has no NotImplemented body: the starter must leave the work to the learner (throw new NotImplemented('fn'))`)
  }
  const wrong = wrongAnswers(lesson)
  if (wrong.length === 0) problems.push(`${lesson.wrongDir}/ has no wrong answers: add realistic mistakes the grader must reject, each starting with a "// Wrong: …" comment`)
  for (const file of wrong) {
    if (!/^\/\/ Wrong: \S/.test(readFileSync(abs(file), 'utf8'))) problems.push(`${file} does not start with a "// Wrong: <the mistake>" line: name the mistake it makes`)
  }
  return problems
}

/** The shipped starter: the file itself if untouched, else git's copy written beside it. */
function shippedStarter(lesson: Lesson): { file: string; cleanup: () => void; note?: string } {
  const starter = starterText(lesson)
  const current = existsSync(abs(lesson.learnerFile)) ? readFileSync(abs(lesson.learnerFile), 'utf8') : undefined
  if (!starter.ok || starter.text === current) return { file: lesson.learnerFile, cleanup: () => {} }
  const copy = join(dirname(lesson.learnerFile), `.verify-starter-${lesson.component}`)
  writeFileSync(abs(copy), starter.text)
  return { file: copy, cleanup: () => rmSync(abs(copy), { force: true }), note: `${lesson.learnerFile} has your changes; the starter from git was graded instead` }
}

export async function verifyLesson(lesson: Lesson, seed: number): Promise<LessonCheck> {
  const problems = structureProblems(lesson)
  const notes: string[] = []
  if (problems.some((p) => p.includes('is missing'))) return { lesson, problems, notes }

  const starter = shippedStarter(lesson)
  if (starter.note) notes.push(starter.note)
  const wrong = wrongAnswers(lesson)
  try {
    const files = [starter.file, lesson.solutionFile, ...wrong]
    // Only the solution must be graded in full; a starter or a wrong answer fails at its first failure.
    const [starterOutcome, solutionOutcome, ...wrongOutcomes] = await inPool(files, (file) => grade(lesson, { seed, file, bail: file !== lesson.solutionFile, timeoutS: VERIFY_TIMEOUT_S }))
    if (starterOutcome.passed) problems.push(`the starter ${lesson.learnerFile} passes its grader: leave the real work as NotImplemented, or give the grader a guarantee the starter breaks`)
    else notes.push('starter fails (not started)')
    if (!solutionOutcome.passed) problems.push(`the solution ${lesson.solutionFile} fails its grader at seed ${seed}: ${failing(solutionOutcome)} — fix the solution or the grader (replay: npm run lesson -- grade ${lesson.id} --file ${lesson.solutionFile} --seed ${seed})`)
    else notes.push(`solution passes (${solutionOutcome.tests.length} guarantees)`)
    wrong.forEach((file, i) => {
      const outcome = wrongOutcomes[i]
      if (outcome.passed) problems.push(`${file} passes the grader at seed ${seed}: the grader has no teeth for this mistake — add a guarantee, or bias the generator toward the case it gets wrong`)
      else if (outcome.errors.length > 0 || outcome.tests.every((t) => t.status !== 'failed')) {
        problems.push(`${file} is rejected only because it does not run (${failing(outcome)}): make it a complete module with the solution's exports, so its mistake is what the grader catches`)
      }
    })
    if (wrong.length > 0) notes.push(`${wrong.length - problems.filter((p) => p.startsWith(lesson.wrongDir)).length} of ${wrong.length} wrong answers rejected`)
  } finally {
    starter.cleanup()
  }
  return { lesson, problems, notes }
}

/** Generous: verify runs on busy machines (CI, a laptop mid-workshop); a real hang still ends. */
const VERIFY_TIMEOUT_S = 90

/**
 * Graders run as many at a time as the machine has cores, across every lesson being verified (one
 * pool for the whole process): each grader is a process of its own.
 */
const CONCURRENCY = Math.max(2, availableParallelism())
let running = 0
const waiting: Array<() => void> = []

async function slot<R>(work: () => Promise<R>): Promise<R> {
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await work()
  } finally {
    running--
    waiting.shift()?.()
  }
}

function inPool<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  return Promise.all(items.map((item) => slot(() => work(item))))
}

/** Check lessons together (their graders share one pool), reporting each as it completes, in course order. */
export async function verifyLessons(lessons: readonly Lesson[], seed: number, onDone?: (check: LessonCheck) => void): Promise<LessonCheck[]> {
  const pending = lessons.map((lesson) => verifyLesson(lesson, seed))
  const results: LessonCheck[] = []
  for (const check of pending) {
    const done = await check
    onDone?.(done)
    results.push(done)
  }
  return results
}
