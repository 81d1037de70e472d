// Type errors in the learner's file, from the TypeScript compiler, as `file:line:col message`.
// Shown before the properties: a type error usually explains the failure that follows.
import { spawn } from 'node:child_process'
import { ROOT, abs } from '../catalog.ts'

const TSC = abs('node_modules/typescript/bin/tsc')

/** The project's compiler settings (tsconfig.json), given on the command line so one file can be checked fast. */
const FLAGS = ['--noEmit', '--ignoreConfig', '--pretty', 'false', '--target', 'es2022', '--lib', 'es2023', '--module', 'preserve', '--moduleResolution', 'bundler', '--types', 'node', '--strict', '--allowImportingTsExtensions', '--verbatimModuleSyntax', '--skipLibCheck', '--singleThreaded']

export async function typeErrors(file: string, signal?: AbortSignal): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSC, ...FLAGS, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], signal })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', () => resolve([]))
    child.on('close', () => {
      const errors = out
        .split('\n')
        .map((line) => line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/))
        .filter((m): m is RegExpMatchArray => m !== null && m[1] === file)
        .map(([, f, line, col, code, message]) => `${f}:${line}:${col}  ${message} (${code})`)
      resolve(errors)
    })
  })
}
