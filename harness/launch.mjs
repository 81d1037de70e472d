// `npm run lesson` starts here. For a grade, the grading process is started first (it needs only
// Node), then tsx is registered and the TypeScript harness loaded (harness/main.ts): the two
// start-ups overlap. Every other command goes straight to the harness.
import { fileURLToPath } from 'node:url'

if (process.argv[2] === 'grade' && !process.argv.includes('--help')) {
  const { prewarm } = await import('./grade/prewarm.mjs')
  prewarm(fileURLToPath(new URL('..', import.meta.url)))
}
const { register } = await import('tsx/esm/api')
register()
await import('./main.ts')
