// Wrong: never validates keys, so `-bad`, `a/b/c` and 64-character keys are accepted.
import { SelectorParser, SelectorSyntaxError, type ParseResult } from '../selector.ts'

export * from '../selector.ts' // the solution's, but for the functions this file defines

class ParserWithoutKeyValidation extends SelectorParser {
  /** Any word is taken as a key: isLabelKey is never asked. */
  protected override key(): string {
    const token = this.next()
    if (!this.is(token, 'word')) throw new SelectorSyntaxError(`found '${token.text}', expected: a key`)
    return token.text
  }
}

export function parseSelector(text: string): ParseResult {
  return new ParserWithoutKeyValidation(text).parse()
}
