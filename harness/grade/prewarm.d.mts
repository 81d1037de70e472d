import type { ChildProcess } from 'node:child_process'

export function prewarm(root: string): void
export function takePrewarmed(): ChildProcess | undefined
