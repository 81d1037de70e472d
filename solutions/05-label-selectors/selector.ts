// Lesson 05 solution: a small lexer, a recursive-descent parser over its tokens, and matching.
// Compare with staging/src/k8s.io/apimachinery/pkg/labels/selector.go, which has the same shape.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { isLabelKey, isLabelValue } from '../../src/api/selectors/index.ts'
import type { Labels, Operator, Requirement, Selector } from '../../src/api/selectors/index.ts'

export type { Labels, Operator, Requirement, Selector } from '../../src/api/selectors/index.ts'

export type ParseResult = { readonly ok: true; readonly selector: Selector } | { readonly ok: false; readonly error: string }

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

/** What the parser throws at the first token it cannot use; `parse()` returns it as `{ ok: false, error }`. */
export class SelectorSyntaxError extends Error {}

const operators: Readonly<Record<string, Operator>> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=' }

const byKey = (a: Requirement, b: Requirement) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * A recursive-descent parser for one selector text: one method per rule of the grammar.
 * Its steps are protected (not private) so that the wrong answers beside this file can override one.
 */
export class SelectorParser {
  private readonly tokens: readonly Token[]
  private position = 0

  constructor(text: string) {
    this.tokens = tokenize(text)
  }

  /** The requirements, sorted by key, or the first syntax error. */
  parse(): ParseResult {
    try {
      return { ok: true, selector: { type: 'requirements', requirements: this.selector().sort(byKey) } }
    } catch (error) {
      if (error instanceof SelectorSyntaxError) return { ok: false, error: error.message }
      throw error
    }
  }

  protected peek(): Token {
    return this.tokens[this.position]
  }

  protected next(): Token {
    const token = this.tokens[this.position]
    if (token.kind !== 'end') this.position++
    return token
  }

  protected is(token: Token, kind: Token['kind'], text?: string): boolean {
    return token.kind === kind && (text === undefined || token.text === text)
  }

  protected startsRequirement(token: Token): boolean {
    return this.is(token, 'word') || this.is(token, 'symbol', '!')
  }

  protected endsRequirement(token: Token): boolean {
    return this.is(token, 'end') || this.is(token, 'symbol', ',')
  }

  /** selector ::= requirement ("," requirement)* | nothing at all */
  protected selector(): Requirement[] {
    const requirements: Requirement[] = []
    if (this.is(this.peek(), 'end')) return requirements
    for (;;) {
      if (!this.startsRequirement(this.peek())) throw new SelectorSyntaxError(`found '${this.peek().text}', expected: !, a key, or the end`)
      requirements.push(this.requirement())
      const after = this.next()
      if (this.is(after, 'end')) return requirements
      if (!this.is(after, 'symbol', ',')) throw new SelectorSyntaxError(`found '${after.text}', expected: ',' or the end`)
    }
  }

  /** requirement ::= "!" KEY | KEY | KEY ("="|"=="|"!=") VALUE? | KEY ("in"|"notin") "(" values ")" */
  protected requirement(): Requirement {
    const negated = this.is(this.peek(), 'symbol', '!')
    if (negated) this.next()
    const key = this.key()
    if (negated) return { key, operator: '!', values: [] }
    if (this.endsRequirement(this.peek())) return { key, operator: 'exists', values: [] }
    const opToken = this.next()
    const operator = this.operator(opToken.text)
    if (operator === undefined) throw new SelectorSyntaxError(`found '${opToken.text}' after '${key}', expected: in, notin, =, ==, !=`)
    const values = operator === 'in' || operator === 'notin' ? this.valueList() : [this.exactValue()]
    for (const value of values) {
      const problems = isLabelValue(value)
      if (problems.length > 0) throw new SelectorSyntaxError(`invalid value ${JSON.stringify(value)} for '${key}': ${problems.join('; ')}`)
    }
    return { key, operator, values: [...new Set(values)].sort() }
  }

  /** The operator a token spells (`in`, `notin`, `=`, `==`, `!=`), or undefined. */
  protected operator(text: string): Operator | undefined {
    return Object.hasOwn(operators, text) ? operators[text] : undefined
  }

  protected key(): string {
    const token = this.next()
    if (!this.is(token, 'word')) throw new SelectorSyntaxError(`found '${token.text}', expected: a key`)
    const problems = isLabelKey(token.text)
    if (problems.length > 0) throw new SelectorSyntaxError(`invalid key ${JSON.stringify(token.text)}: ${problems.join('; ')}`)
    return token.text
  }

  /** After `=`, `==`, `!=`: one word, or nothing (the empty value) before `,` or the end. */
  protected exactValue(): string {
    if (this.endsRequirement(this.peek())) return ''
    const token = this.next()
    if (!this.is(token, 'word')) throw new SelectorSyntaxError(`found '${token.text}', expected: a value`)
    return token.text
  }

  /** "(" item ("," item)* ")" where an item is one word or nothing (the empty value): `()` is {""}. */
  protected valueList(): string[] {
    const open = this.next()
    if (!this.is(open, 'symbol', '(')) throw new SelectorSyntaxError(`found '${open.text}', expected: '('`)
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
        throw new SelectorSyntaxError(`found '${token.text}' in a value list, expected: ',' or ')'`)
      }
    }
  }
}

/** Parse a selector such as `env in (prod,qa),tier!=frontend,!legacy`. */
export function parseSelector(text: string): ParseResult {
  return new SelectorParser(text).parse()
}

// ─── Matching ────────────────────────────────────────────────────────────────────────────────────

/** Does the label set satisfy one requirement? Exported so the wrong answers beside this file can reuse it. */
export function requirementMatches({ key, operator, values }: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, key)
  switch (operator) {
    case 'in':
    case '=':
    case '==':
      return has && values.includes(labels[key])
    case 'notin':
    case '!=':
      return !has || !values.includes(labels[key]) // a missing key is "not equal" to anything
    case 'exists':
      return has
    case '!':
      return !has
    default:
      return false
  }
}

export function matches(selector: Selector, labels: Labels): boolean {
  if (selector.type === 'nothing') return false
  return selector.requirements.every((r) => requirementMatches(r, labels))
}

// ─── metav1.LabelSelector ───────────────────────────────────────────────────────────────────────

const expressionOperators: Readonly<Record<string, Operator>> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' }

export function fromLabelSelector(ps: LabelSelector | null | undefined): ParseResult {
  if (ps === null || ps === undefined) return { ok: true, selector: { type: 'nothing' } }
  const requirements: Requirement[] = []
  const problem = (error: string): ParseResult => ({ ok: false, error })
  for (const [key, value] of Object.entries(ps.matchLabels ?? {})) {
    if (isLabelKey(key).length > 0) return problem(`matchLabels: invalid key ${JSON.stringify(key)}`)
    if (isLabelValue(value).length > 0) return problem(`matchLabels: invalid value ${JSON.stringify(value)} for '${key}'`)
    requirements.push({ key, operator: '=', values: [value] })
  }
  for (const { key, operator: op, values = [] } of ps.matchExpressions ?? []) {
    const operator = Object.hasOwn(expressionOperators, op) ? expressionOperators[op] : undefined
    if (operator === undefined) return problem(`${JSON.stringify(op)} is not a valid selector operator`)
    if (isLabelKey(key).length > 0) return problem(`matchExpressions: invalid key ${JSON.stringify(key)}`)
    const set = operator === 'in' || operator === 'notin'
    if (set && values.length === 0) return problem(`matchExpressions: '${key}' ${op} needs at least one value`)
    if (!set && values.length > 0) return problem(`matchExpressions: '${key}' ${op} takes no values`)
    const bad = values.find((v) => isLabelValue(v).length > 0)
    if (bad !== undefined) return problem(`matchExpressions: invalid value ${JSON.stringify(bad)} for '${key}'`)
    requirements.push({ key, operator, values: [...values] })
  }
  return { ok: true, selector: { type: 'requirements', requirements: requirements.sort(byKey) } }
}
