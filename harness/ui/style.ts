// Terminal styling that turns itself off where it would be noise: no TTY, NO_COLOR, or --json.
import { styleText } from 'node:util'

type Format = Parameters<typeof styleText>[0]

let enabled = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') enabled = true

export function setColor(on: boolean): void {
  enabled = on
}

function paint(format: Format) {
  return (text: string) => (enabled ? styleText(format, text) : text)
}

export const style = {
  bold: paint('bold'),
  dim: paint('dim'),
  red: paint('red'),
  green: paint('green'),
  yellow: paint('yellow'),
  cyan: paint('cyan'),
}

export const mark = {
  passed: () => style.green('✓'),
  failed: () => style.red('✗'),
  notStarted: () => style.yellow('○'),
  timedOut: () => style.red('⧗'),
}

/** Clear the screen and scrollback, as between runs in watch mode and the menu. */
export function clearScreen(): void {
  if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[3J\x1b[H')
}
