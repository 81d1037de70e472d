// What a grade means for progress: an attempt, and "passed" once every guarantee holds. A lesson
// stays passed once passed (a later experiment that breaks it does not take the pass away).
import type { Lesson } from '../catalog.ts'
import { lessonProgress, updateProgress } from '../progress.ts'
import type { GradeOutcome } from './run-grade.ts'

export function recordGrade(lesson: Lesson, outcome: GradeOutcome): void {
  if (outcome.interrupted || outcome.file !== lesson.learnerFile) return
  updateProgress((progress) => {
    const entry = lessonProgress(progress, lesson.id)
    progress.current = lesson.id
    entry.attempts++
    entry.lastGradedAt = new Date().toISOString()
    const started = outcome.tests.some((t) => t.status !== 'not started') || outcome.errors.length > 0
    if (outcome.passed) {
      entry.status = 'passed'
      entry.passedAt ??= entry.lastGradedAt
    } else if (entry.status === 'not started' && started) entry.status = 'in progress'
  })
}
