// Wrong: treats `in ()` and `notin ()` as an error, though Kubernetes reads `()` as the set holding the empty value.
import { SelectorParser, SelectorSyntaxError, type ParseResult } from '../selector.ts'

export * from '../selector.ts' // the solution's, but for the functions this file defines

class ParserRejectingEmptySet extends SelectorParser {
  /** The solution's value list, except that `()` (which reads as [""]) is refused. */
  protected override valueList(): string[] {
    const values = super.valueList()
    if (values.length === 1 && values[0] === '') throw new SelectorSyntaxError("values set can't be empty")
    return values
  }
}

export function parseSelector(text: string): ParseResult {
  return new ParserRejectingEmptySet(text).parse()
}
