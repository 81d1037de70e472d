// marked-terminal ships no types of its own and @types/marked-terminal lags behind marked 18:
// declare the one function the harness uses.
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked'
  export function markedTerminal(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>): MarkedExtension
}
