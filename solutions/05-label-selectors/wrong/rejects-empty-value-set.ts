// Wrong: treats `in ()` and `notin ()` as an error, though Kubernetes reads `()` as the set holding the empty value.
// (The parser is the solution's with that one change; matches and fromLabelSelector are the solution's.)
import { isLabelKey, isLabelValue } from '../../../src/api/selectors/index.ts'
import type { Operator, Requirement } from '../../../src/api/selectors/index.ts'

export { fromLabelSelector, matches } from '../selector.ts'
export type { Labels, Operator, ParseResult, Requirement, Selector } from '../selector.ts'
import type { ParseResult } from '../selector.ts'

// ─── Lexing ──────────────────────────────────────────────────────────────────────────────────────

/** An identifier (keys, values, and the words `in`/`notin`), a symbol, or the end of the text. */
type Token = { readonly kind: 'word' | 'symbol' | 'end'; readonly text: string }

const whitespace = new Set([' ', '\t', '\r', '\n'])
const symbols = new Set(['=', '!', '(', ')', ',', '>', '<'])

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  for (;;) {
    while (i < text.length && whitespace.has(text[i])) i++
    if (i >= text.length) {
      tokens.push({ kind: 'end', text: '' })
      return tokens
    }
    if (symbols.has(text[i])) {
      // The longest operator wins: `!=` and `==` are one token each.
      const two = text.slice(i, i + 2)
      const symbol = two === '!=' || two === '==' ? two : text[i]
      tokens.push({ kind: 'symbol', text: symbol })
      i += symbol.length
      continue
    }
    let end = i
    while (end < text.length && !whitespace.has(text[end]) && !symbols.has(text[end])) end++
    tokens.push({ kind: 'word', text: text.slice(i, end) })
    i = end
  }
}

// ─── Parsing ─────────────────────────────────────────────────────────────────────────────────────

class SyntaxError extends Error {}

const operators: Readonly<Record<string, Operator>> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=' }

class Parser {
  private position = 0
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.position]
  }

  private next(): Token {
    const token = this.tokens[this.position]
    if (token.kind !== 'end') this.position++
    return token
  }

  private is(token: Token, kind: Token['kind'], text?: string): boolean {
    return token.kind === kind && (text === undefined || token.text === text)
  }

  private startsRequirement(token: Token): boolean {
    return this.is(token, 'word') || this.is(token, 'symbol', '!')
  }

  private endsRequirement(token: Token): boolean {
    return this.is(token, 'end') || this.is(token, 'symbol', ',')
  }

  /** selector ::= requirement ("," requirement)* | nothing at all */
  selector(): Requirement[] {
    const requirements: Requirement[] = []
    if (this.is(this.peek(), 'end')) return requirements
    for (;;) {
      if (!this.startsRequirement(this.peek())) throw new SyntaxError(`found '${this.peek().text}', expected: !, a key, or the end`)
      requirements.push(this.requirement())
      const after = this.next()
      if (this.is(after, 'end')) return requirements
      if (!this.is(after, 'symbol', ',')) throw new SyntaxError(`found '${after.text}', expected: ',' or the end`)
    }
  }

  /** requirement ::= "!" KEY | KEY | KEY ("="|"=="|"!=") VALUE? | KEY ("in"|"notin") "(" values ")" */
  private requirement(): Requirement {
    const negated = this.is(this.peek(), 'symbol', '!')
    if (negated) this.next()
    const key = this.key()
    if (negated) return { key, operator: '!', values: [] }
    if (this.endsRequirement(this.peek())) return { key, operator: 'exists', values: [] }
    const opToken = this.next()
    const operator = Object.hasOwn(operators, opToken.text) && opToken.kind !== 'end' ? operators[opToken.text] : undefined
    if (operator === undefined) throw new SyntaxError(`found '${opToken.text}' after '${key}', expected: in, notin, =, ==, !=`)
    const values = operator === 'in' || operator === 'notin' ? this.valueList() : [this.exactValue()]
    for (const value of values) {
      const problems = isLabelValue(value)
      if (problems.length > 0) throw new SyntaxError(`invalid value ${JSON.stringify(value)} for '${key}': ${problems.join('; ')}`)
    }
    return { key, operator, values: [...new Set(values)].sort() }
  }

  private key(): string {
    const token = this.next()
    if (!this.is(token, 'word')) throw new SyntaxError(`found '${token.text}', expected: a key`)
    const problems = isLabelKey(token.text)
    if (problems.length > 0) throw new SyntaxError(`invalid key ${JSON.stringify(token.text)}: ${problems.join('; ')}`)
    return token.text
  }

  /** After `=`, `==`, `!=`: one word, or nothing (the empty value) before `,` or the end. */
  private exactValue(): string {
    if (this.endsRequirement(this.peek())) return ''
    const token = this.next()
    if (!this.is(token, 'word')) throw new SyntaxError(`found '${token.text}', expected: a value`)
    return token.text
  }

  /** "(" item ("," item)* ")" where an item is one word or nothing (the empty value): `()` is {""}. */
  private valueList(): string[] {
    const open = this.next()
    if (!this.is(open, 'symbol', '(')) throw new SyntaxError(`found '${open.text}', expected: '('`)
    if (this.is(this.peek(), 'symbol', ')')) throw new SyntaxError("values set can't be empty")
    const values: string[] = []
    let item: string | undefined
    for (;;) {
      const token = this.next()
      if (this.is(token, 'symbol', ',') || this.is(token, 'symbol', ')')) {
        values.push(item ?? '')
        item = undefined
        if (token.text === ')') return values
      } else if (this.is(token, 'word') && item === undefined) {
        item = token.text
      } else {
        throw new SyntaxError(`found '${token.text}' in a value list, expected: ',' or ')'`)
      }
    }
  }
}

/** Parse a selector such as `env in (prod,qa),tier!=frontend,!legacy`. */
export function parseSelector(text: string): ParseResult {
  try {
    const requirements = new Parser(tokenize(text)).selector()
    return { ok: true, selector: { type: 'requirements', requirements: requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) } }
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, error: error.message }
    throw error
  }
}
