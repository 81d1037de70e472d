// Ported from TestLexer, TestLexerSequence and TestParserLookahead in
// staging/src/k8s.io/apimachinery/pkg/labels/selector_test.go.
import { describe, expect, test } from 'vitest'
import { Lexer, tokenize, type TokenKind } from './lexer.ts'

describe('one token', () => {
  const cases: Array<[string, TokenKind]> = [
    ['', 'end-of-string'],
    [',', 'comma'],
    ['notin', 'not-in'],
    ['in', 'in'],
    ['=', 'equals'],
    ['==', 'double-equals'],
    ['>', 'greater-than'],
    ['<', 'less-than'],
    ['!', 'does-not-exist'],
    ['!=', 'not-equals'],
    ['(', 'open-par'],
    [')', 'closed-par'],
    ['~', 'identifier'],
    ['||', 'identifier'],
  ]
  for (const [text, kind] of cases) {
    test(`${JSON.stringify(text)} lexes as one ${kind} token with the text as its literal`, () => {
      expect(new Lexer(text).lex()).toEqual({ kind, literal: text })
    })
  }
  test('the lexer takes the longest operator: "!=" is not-equals, not "!" then "="', () => {
    expect(tokenize('!=').map((t) => t.kind)).toEqual(['not-equals', 'end-of-string'])
  })
  test('"===" is a double-equals followed by an equals', () => {
    expect(tokenize('===').map((t) => t.literal)).toEqual(['==', '=', ''])
  })
  test('")(" is two tokens, since ")(" is no operator', () => {
    expect(tokenize(')(').map((t) => t.kind)).toEqual(['closed-par', 'open-par', 'end-of-string'])
  })
})

describe('token sequences', () => {
  const I = 'identifier'
  const cases: Array<[string, TokenKind[]]> = [
    ['key in ( value )', [I, 'in', 'open-par', I, 'closed-par']],
    ['key notin ( value )', [I, 'not-in', 'open-par', I, 'closed-par']],
    ['key in ( value1, value2 )', [I, 'in', 'open-par', I, 'comma', I, 'closed-par']],
    ['key', [I]],
    ['!key', ['does-not-exist', I]],
    ['()', ['open-par', 'closed-par']],
    ['', []],
    ['x in (),y', [I, 'in', 'open-par', 'closed-par', 'comma', I]],
    ['== != (), = notin', ['double-equals', 'not-equals', 'open-par', 'closed-par', 'comma', 'equals', 'not-in']],
    ['key>2', [I, 'greater-than', I]],
    ['key<1', [I, 'less-than', I]],
  ]
  for (const [text, kinds] of cases) {
    test(`${JSON.stringify(text)} lexes as ${kinds.join(' ') || 'nothing'}, then the end of the string`, () => {
      expect(tokenize(text).map((t) => t.kind)).toEqual([...kinds, 'end-of-string'])
    })
  }
  test('spaces, tabs, carriage returns and newlines separate tokens and are dropped', () => {
    expect(tokenize(' \tx\r\nin\n(a)').map((t) => t.literal)).toEqual(['x', 'in', '(', 'a', ')', ''])
  })
  test('other whitespace, such as a vertical tab, is part of an identifier', () => {
    expect(tokenize('a\vb').map((t) => t.literal)).toEqual(['a\vb', ''])
  })
  test('a NUL character where a token starts ends the string, as a zero byte does in Go', () => {
    expect(tokenize('x \u0000 y').map((t) => t.kind)).toEqual(['identifier', 'end-of-string'])
  })
  test('a NUL character right after a token is swallowed by that token, as in Go', () => {
    expect(tokenize('x,\u0000y').map((t) => t.literal)).toEqual(['x', ',', 'y', ''])
  })
})
