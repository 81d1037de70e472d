// Start-up overlap for `npm run lesson -- grade`: the grading process (vitest-child.mjs) is forked
// in standby before tsx has loaded the harness, so vitest's own start-up runs beside tsx's instead
// of after it (`npm run bench -- grade-overhead` measures the difference). Plain JavaScript because
// it runs before tsx exists. run-grade.ts claims the process with takePrewarmed().
import { fork } from 'node:child_process'

let standby

export function prewarm(root) {
  standby = fork(new URL('./vitest-child.mjs', import.meta.url), ['standby'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
  // Never keep the harness alive for a process it did not use.
  standby.unref()
  standby.channel?.unref()
  standby.on('error', () => (standby = undefined))
}

/** The standby process, once; undefined when none was started or it already died. */
export function takePrewarmed() {
  const child = standby
  standby = undefined
  if (!child || child.exitCode !== null || !child.connected) return undefined
  child.ref()
  child.channel?.ref()
  return child
}
