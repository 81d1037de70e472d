// Wrong: knows `=` and `!=` but not `==`, so `tier==web` is rejected.
import { SelectorParser, type Operator, type ParseResult } from '../selector.ts'

export * from '../selector.ts' // the solution's, but for the functions this file defines

const operatorsWithoutDoubleEquals: Readonly<Record<string, Operator>> = { in: 'in', notin: 'notin', '=': '=', '!=': '!=' }

class ParserWithoutDoubleEquals extends SelectorParser {
  protected override operator(text: string): Operator | undefined {
    return Object.hasOwn(operatorsWithoutDoubleEquals, text) ? operatorsWithoutDoubleEquals[text] : undefined
  }
}

export function parseSelector(text: string): ParseResult {
  return new ParserWithoutDoubleEquals(text).parse()
}
