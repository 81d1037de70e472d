// `verify` over every lesson, as part of `npm test`: each starter fails its grader, each solution
// passes, each known wrong answer is rejected, and each lesson has all its parts.
import { describe, expect, test } from 'vitest'
import { LESSONS } from './catalog.ts'
import { DEFAULT_SEED } from './grading/settings.ts'
import { verifyLesson } from './verify.ts'

// Lessons run concurrently: their graders share verify's process pool (one grader per core).
describe.concurrent('verify', () => {
  for (const lesson of LESSONS) {
    // Every lesson waits its turn in the shared pool, so each test's time includes the others'.
    test(`lesson ${lesson.id} ${lesson.slug}: starter fails, solution passes, wrong answers are rejected`, { timeout: 20 * 60_000 }, async () => {
      const check = await verifyLesson(lesson, DEFAULT_SEED)
      expect(check.problems).toEqual([])
    })
  }
})
