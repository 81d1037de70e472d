// `npm test`: the engine's own tests, the harness's tests, and `verify` over every lesson.
// Lesson graders (lessons/*/grade.test.ts) are not run directly here: they grade the learner's
// file, which fails as shipped; harness/verify.test.ts runs them against starters, solutions and
// wrong answers instead.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'harness/**/*.test.ts', 'bench/**/*.test.ts'],
    reporters: ['default', './harness/ci/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
