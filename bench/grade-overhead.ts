// How much a grade costs beyond vitest itself: the wall time of `npm run lesson -- grade 00` with
// the solution in place, divided by a one-assertion vitest file run through node_modules/.bin/vitest,
// the two measured alternately (median of 5). Target: at most 1.5.
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { ROOT } from '../harness/catalog.ts'
import { median, type Benchmark } from './figure.ts'

const ROUNDS = 5

function timeMs(command: string, args: string[]): number {
  const start = performance.now()
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, KUBEPARTS_HOME: `${ROOT}/.kubeparts/bench` } })
  const ms = performance.now() - start
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`)
  return ms
}

export const gradeOverhead: Benchmark = {
  name: 'grade-overhead',
  description: 'grading lesson 00 (solution) through npm run lesson, against a trivial vitest run',
  async run(log) {
    const grade: number[] = []
    const baseline: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      grade.push(timeMs('npm', ['run', '-s', 'lesson', '--', 'grade', '00', '--seed', '1', '--file', 'solutions/00-tour/reconcile.ts']))
      baseline.push(timeMs('node_modules/.bin/vitest', ['run', 'bench/fixtures/trivial.test.ts']))
      log(`  round ${i + 1}: grade ${grade[i].toFixed(0)} ms, vitest ${baseline[i].toFixed(0)} ms`)
    }
    const g = median(grade)
    const b = median(baseline)
    return [
      { name: 'grade-overhead.grade', value: Math.round(g), unit: 'ms' },
      { name: 'grade-overhead.vitest-baseline', value: Math.round(b), unit: 'ms' },
      { name: 'grade-overhead.ratio', value: Number((g / b).toFixed(2)), unit: 'x (target ≤ 1.5)' },
    ]
  },
}
