// The harness as scripts, CI and instructors use it: subcommands, JSON shapes, exit codes, and
// clear one-line errors. Progress goes to a scratch folder (KUBEPARTS_HOME) so the real one is untouched.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { LESSONS, ROOT } from './catalog.ts'

let home: string
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'kubeparts-cli-'))
})

function lesson(args: string[], input?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, KUBEPARTS_HOME: home, NO_COLOR: '1' }
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key]
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'harness/main.ts', ...args], { cwd: ROOT, env, input: input ?? '', encoding: 'utf8', timeout: 60_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm run lesson', () => {
  test('list --json prints every lesson as { id, slug, title, part, dir, solutionDir, status }', () => {
    const { code, stdout } = lesson(['list', '--json'])
    expect(code).toBe(0)
    const rows = JSON.parse(stdout) as Array<Record<string, unknown>>
    expect(rows).toHaveLength(LESSONS.length)
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['dir', 'id', 'part', 'slug', 'solutionDir', 'status', 'title'])
    expect(rows[0]).toMatchObject({ id: '00', slug: 'tour', dir: 'lessons/00-tour', solutionDir: 'solutions/00-tour', status: 'not started' })
  })

  test('grade --json prints { id, passed, seed, tests: [{ name, status, message }] } and exits 0 on a pass', () => {
    const { code, stdout } = lesson(['grade', '00', '--json', '--seed', '7', '--file', 'solutions/00-tour/reconcile.ts'])
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as { id: string; passed: boolean; seed: number; tests: Array<Record<string, unknown>> }
    expect(Object.keys(report).sort()).toEqual(['id', 'passed', 'seed', 'tests'])
    expect(report).toMatchObject({ id: '00', passed: true, seed: 7 })
    for (const t of report.tests) expect(Object.keys(t).sort()).toEqual(['message', 'name', 'status'])
  })

  test('grade exits 1 on a failure and prints the summary line, the seed and the replay command', () => {
    const { code, stdout } = lesson(['grade', '00', '--seed', '3', '--file', 'solutions/00-tour/wrong/never-deletes.ts'])
    expect(code).toBe(1)
    expect(stdout).toMatch(/^\d+ passed, [1-9]\d* failed$/m)
    expect(stdout).toMatch(/replay: npm run lesson -- grade 00 --file solutions\/00-tour\/wrong\/never-deletes\.ts --seed 3/)
  })

  test('an unknown lesson id is a one-line error listing the ids', () => {
    const { code, stdout, stderr } = lesson(['grade', '42'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/unknown lesson "42"; the lessons are: 00 \(tour\)/)
  })

  test('an unknown command names the commands', () => {
    const { code, stderr } = lesson(['frobnicate'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/unknown command "frobnicate"/)
    expect(stderr).toMatch(/npm run lesson -- grade <id>/)
  })

  test('with no terminal, bare `npm run lesson` says so, names the subcommands and exits non-zero', () => {
    const { code, stderr } = lesson([])
    expect(code).toBe(2)
    expect(stderr).toMatch(/needs a terminal/)
    expect(stderr).toMatch(/npm run lesson -- list/)
    expect(stderr).not.toMatch(/ExitPromptError|at .*\.ts:\d+/)
  })

  test('the solution is not shown without a terminal to confirm, unless --yes', () => {
    const refused = lesson(['solution', '00'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/--yes/)
    const shown = lesson(['solution', '00', '--yes'])
    expect(shown.code).toBe(0)
    expect(shown.stdout).toMatch(/export function reconcile/)
  })

  test('hints come one at a time and progress remembers them', () => {
    expect(lesson(['hint', '00']).stdout).toMatch(/Hint 1 of \d/)
    expect(lesson(['hint', '00']).stdout).toMatch(/Hint 2 of \d/)
    const report = JSON.parse(lesson(['progress', '--json']).stdout) as { lessons: Array<{ id: string; hintsShown: number }> }
    expect(report.lessons.find((l) => l.id === '00')?.hintsShown).toBe(2)
  })

  test("grading another file (--file, as an instructor checking a solution) is not the learner's progress", () => {
    expect(lesson(['grade', '00', '--file', 'solutions/00-tour/reconcile.ts']).code).toBe(0)
    expect(JSON.parse(lesson(['progress', '--json']).stdout).summary.passed).toBe(0)
  })

  test('a corrupt progress file is reported, kept aside, and progress starts afresh', () => {
    writeFileSync(join(home, 'progress.json'), '{ "version": 1, "lessons": {"00": ')
    const { code, stdout, stderr } = lesson(['progress', '--json'])
    expect(code).toBe(0)
    expect(stderr).toMatch(/progress file .* was unreadable: it is not valid JSON/)
    expect(JSON.parse(stdout).summary).toMatchObject({ passed: 0 })
    expect(readdirSync(home).some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true)
    expect(existsSync(join(home, 'progress.json'))).toBe(false)
  })

  test('a bad flag value is a clear error', () => {
    const { code, stderr } = lesson(['grade', '00', '--seed', 'abc'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/--seed needs a whole number/)
  })
})
