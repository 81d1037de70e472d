// The label selector parser: tokens → requirements, by recursive descent with one token of
// lookahead. Its grammar, from labels.Parse:
//
//   <selector>    ::= <requirement> | <requirement> "," <selector>
//   <requirement> ::= [!] KEY [ <set-based> | <exact-match> ]
//   <set-based>   ::= ("in" | "notin") "(" <values> ")"       values may be empty: `x in ()` is {""}
//   <exact-match> ::= ("=" | "==" | "!=") VALUE                VALUE may be empty: `x=` is {""}
//
// (plus `>` and `<` with an integer, used by node affinity). `in`/`notin` are keywords only where an
// operator is expected; as keys and values they are plain identifiers. The result is sorted by key.
// Mirrors Parser (lookahead, consume, parse, parseRequirement, parseKeyAndInferOperator,
// parseOperator, parseValues, parseIdentifiersList, parseExactValue) and Parse in
// staging/src/k8s.io/apimachinery/pkg/labels/selector.go.
import type { FieldPath } from './field-errors.ts'
import { tokenize, type Token, type TokenKind } from './lexer.ts'
import { binaryOperators, type Operator } from './operator.ts'
import { compareStrings, newRequirement, validateLabelKey, type Requirement } from './requirement.ts'
import { selectorOf, type Selector } from './selector.ts'

export type ParseResult = { readonly ok: true; readonly selector: Selector } | { readonly ok: false; readonly error: string }

/** Where a token is read: in `values` context the keywords `in` and `notin` are identifiers. */
type Context = 'key-and-operator' | 'values'

class ParseError extends Error {}

class Parser {
  private position = 0
  constructor(
    private readonly tokens: readonly Token[],
    private readonly path: FieldPath,
  ) {}

  private at(index: number, context: Context): Token {
    // The scan always ends with end-of-string, and the parser never reads past it.
    const token = this.tokens[Math.min(index, this.tokens.length - 1)]
    if (context === 'values' && (token.kind === 'in' || token.kind === 'not-in')) return { kind: 'identifier', literal: token.literal }
    return token
  }

  lookahead(context: Context): Token {
    return this.at(this.position, context)
  }

  consume(context: Context): Token {
    return this.at(this.position++, context)
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = []
    for (;;) {
      const next = this.lookahead('values')
      if (next.kind === 'end-of-string') return requirements
      if (next.kind !== 'identifier' && next.kind !== 'does-not-exist') {
        throw new ParseError(`found '${next.literal}', expected: !, identifier, or 'end of string'`)
      }
      requirements.push(this.parseRequirement())
      const after = this.consume('values')
      if (after.kind === 'end-of-string') return requirements
      if (after.kind !== 'comma') throw new ParseError(`found '${after.literal}', expected: ',' or 'end of string'`)
      const following = this.lookahead('values')
      if (following.kind !== 'identifier' && following.kind !== 'does-not-exist') {
        throw new ParseError(`found '${following.literal}', expected: identifier after ','`)
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator: inferred } = this.parseKeyAndInferOperator()
    if (inferred !== undefined) return this.requirement(key, inferred, [])
    const operator = this.parseOperator()
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue()
    // Like sets.String.List(): distinct values, sorted.
    return this.requirement(key, operator, [...values].sort(compareStrings))
  }

  private requirement(key: string, operator: Operator, values: string[]): Requirement {
    const result = newRequirement(key, operator, values, this.path)
    if (!result.ok) throw new ParseError(`unable to parse requirement: ${result.error}`)
    return result.requirement
  }

  /** `!key` is does-not-exist; a bare key followed by `,` or the end is exists; otherwise an operator follows. */
  private parseKeyAndInferOperator(): { key: string; operator: Operator | undefined } {
    let operator: Operator | undefined
    let token = this.consume('values')
    if (token.kind === 'does-not-exist') {
      operator = '!'
      token = this.consume('values')
    }
    if (token.kind !== 'identifier') throw new ParseError(`unable to parse requirement: found '${token.literal}', expected: identifier`)
    const keyError = validateLabelKey(token.literal, this.path)
    if (keyError) throw new ParseError(`unable to parse requirement: ${keyError}`)
    const next = this.lookahead('values').kind
    if ((next === 'end-of-string' || next === 'comma') && operator === undefined) operator = 'exists'
    return { key: token.literal, operator }
  }

  private parseOperator(): Operator {
    const token = this.consume('key-and-operator')
    const operators: Partial<Record<TokenKind, Operator>> = {
      in: 'in',
      equals: '=',
      'double-equals': '==',
      'greater-than': 'gt',
      'less-than': 'lt',
      'not-in': 'notin',
      'not-equals': '!=',
    }
    const operator = operators[token.kind]
    if (operator === undefined) throw new ParseError(`unable to parse requirement: found '${token.literal}', expected: ${binaryOperators.join(', ')}`)
    return operator
  }

  /** `( a, b )`, `()` (the set {""}), `(a,)`, `(,a)`, `(a,,b)`: empty items are the empty value. */
  private parseValues(): Set<string> {
    const open = this.consume('values')
    if (open.kind !== 'open-par') throw new ParseError(`unable to parse requirement: found '${open.literal}' expected: '('`)
    const next = this.lookahead('values')
    if (next.kind === 'closed-par') {
      this.consume('values')
      return new Set([''])
    }
    if (next.kind !== 'identifier' && next.kind !== 'comma') {
      throw new ParseError(`unable to parse requirement: found '${next.literal}', expected: ',', ')' or identifier`)
    }
    const values = this.parseIdentifiersList()
    if (this.consume('values').kind !== 'closed-par') throw new ParseError(`unable to parse requirement: found '${next.literal}', expected: ')'`)
    return values
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>()
    for (;;) {
      const token = this.consume('values')
      if (token.kind === 'identifier') {
        values.add(token.literal)
        const next = this.lookahead('values')
        if (next.kind === 'comma') continue
        if (next.kind === 'closed-par') return values
        throw new ParseError(`unable to parse requirement: found '${next.literal}', expected: ',' or ')'`)
      }
      if (token.kind !== 'comma') throw new ParseError(`unable to parse requirement: found '${token.literal}', expected: ',', or identifier`)
      if (values.size === 0) values.add('') // "(,"
      const next = this.lookahead('values').kind
      if (next === 'closed-par') {
        values.add('') // ",)"
        return values
      }
      if (next === 'comma') {
        this.consume('values')
        values.add('') // ",,"
      }
    }
  }

  /** The one value after `=`, `==`, `!=`, `>`, `<`; nothing before `,` or the end means "". */
  private parseExactValue(): Set<string> {
    const next = this.lookahead('values').kind
    if (next === 'end-of-string' || next === 'comma') return new Set([''])
    const token = this.consume('values')
    if (token.kind === 'identifier') return new Set([token.literal])
    throw new ParseError(`unable to parse requirement: found '${token.literal}', expected: identifier`)
  }
}

/**
 * Parse a label selector as `kubectl get -l` and `?labelSelector=` do. On success the selector's
 * requirements are sorted by key; on failure the error reads like apimachinery's.
 */
export function parse(text: string, path?: FieldPath): ParseResult {
  try {
    return { ok: true, selector: selectorOf(new Parser(tokenize(text), path).parse()) }
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.message }
    throw error
  }
}

/** The requirements of `text`, sorted by key (labels.ParseToRequirements). */
export function parseToRequirements(text: string): { readonly ok: true; readonly requirements: readonly Requirement[] } | { readonly ok: false; readonly error: string } {
  const result = parse(text)
  if (!result.ok) return result
  return { ok: true, requirements: result.selector.type === 'requirements' ? result.selector.requirements : [] }
}
