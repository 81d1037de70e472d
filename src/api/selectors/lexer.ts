// The label selector lexer: turns `env in (prod,qa),!legacy` into tokens. Whitespace separates
// tokens; `= ! ( ) , > <` are special symbols, read greedily into the longest operator; any other
// run of characters is an identifier, or the keyword `in`/`notin`.
// Mirrors Token, string2token, Lexer (read, unread, scanIDOrKeyword, scanSpecialSymbol, Lex) in
// staging/src/k8s.io/apimachinery/pkg/labels/selector.go.

export type TokenKind =
  | 'error'
  | 'end-of-string'
  | 'closed-par'
  | 'comma'
  | 'does-not-exist' // !
  | 'double-equals'
  | 'equals'
  | 'greater-than'
  | 'identifier'
  | 'in'
  | 'less-than'
  | 'not-equals'
  | 'not-in'
  | 'open-par'

export interface Token {
  readonly kind: TokenKind
  /** The text read; for an error token, the message. */
  readonly literal: string
}

const literalTokens: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  [')', 'closed-par'],
  [',', 'comma'],
  ['!', 'does-not-exist'],
  ['==', 'double-equals'],
  ['=', 'equals'],
  ['>', 'greater-than'],
  ['in', 'in'],
  ['<', 'less-than'],
  ['!=', 'not-equals'],
  ['notin', 'not-in'],
  ['(', 'open-par'],
])

const END = '\u0000'

export function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'
}

export function isSpecialSymbol(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<'
}

export class Lexer {
  private pos = 0
  constructor(private readonly text: string) {}

  /** The next character, or NUL at the end. Like Go's byte reader, a NUL in the text reads as the end. */
  private read(): string {
    if (this.pos < this.text.length) return this.text[this.pos++]
    return END
  }

  private unread(): void {
    this.pos--
  }

  private scanIdentifierOrKeyword(): Token {
    let buffer = ''
    for (;;) {
      const ch = this.read()
      if (ch === END) break
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread()
        break
      }
      buffer += ch
    }
    return { kind: literalTokens.get(buffer) ?? 'identifier', literal: buffer }
  }

  /** The longest run of special symbols that is still an operator: `!=` over `!`, `==` over `=`. */
  private scanSpecialSymbol(): Token {
    let last: Token | undefined
    let buffer = ''
    for (;;) {
      const ch = this.read()
      if (ch === END) break
      if (!isSpecialSymbol(ch)) {
        this.unread()
        break
      }
      buffer += ch
      const kind = literalTokens.get(buffer)
      if (kind !== undefined) {
        last = { kind, literal: buffer }
      } else if (last !== undefined) {
        this.unread()
        break
      }
    }
    return last ?? { kind: 'error', literal: `error expected: keyword found '${buffer}'` }
  }

  /** The next token; `end-of-string` once the text is used up. */
  lex(): Token {
    let ch = this.read()
    while (isWhitespace(ch)) ch = this.read()
    if (ch === END) return { kind: 'end-of-string', literal: '' }
    this.unread()
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIdentifierOrKeyword()
  }
}

/** Every token of `text`, ending with `end-of-string` (what the parser's scan step collects). */
export function tokenize(text: string): Token[] {
  const lexer = new Lexer(text)
  const tokens: Token[] = []
  for (;;) {
    const token = lexer.lex()
    tokens.push(token)
    if (token.kind === 'end-of-string') return tokens
  }
}
