// The engine's first principle, enforced: no ambient time or randomness in src/ outside the
// real-clock adapter. A seed plus a commit must replay any run exactly.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'

const srcDir = new URL('..', import.meta.url).pathname
const allowed = new Set(['sim/real-clock.ts'])
const forbidden = [/\bDate\.now\s*\(/, /\bMath\.random\s*\(/, /\bsetTimeout\s*\(/, /\bsetInterval\s*\(/, /\bnew Date\s*\(\s*\)/, /\bperformance\.now\s*\(/]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
  })
}

describe('determinism', () => {
  test('no Date.now, Math.random, setTimeout or setInterval in src/ outside the real-clock adapter', () => {
    const offences: string[] = []
    for (const file of sourceFiles(srcDir)) {
      const rel = relative(srcDir, file)
      if (allowed.has(rel)) continue
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '')
        for (const pattern of forbidden) if (pattern.test(code)) offences.push(`src/${rel}:${i + 1}: ${line.trim()}`)
      })
    }
    expect(offences, 'pass a Clock or a Random in instead').toEqual([])
  })

  test('the check itself catches an offence', () => {
    expect(forbidden.some((p) => p.test('const t = Date.now()'))).toBe(true)
    expect(forbidden.some((p) => p.test('setTimeout(() => {}, 1)'))).toBe(true)
  })
})
