// Lesson 05 grader: label selectors, parsed and matched on generated selector strings (valid, nearly
// valid and broken ones) and label sets chosen to overlap them, against the reference parser in
// src/api/selectors/ (a port of apimachinery's pkg/labels/selector.go). For a rejected string only
// the rejection is compared, never the wording of the error.
import fc from 'fast-check'
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { stringify as toYaml } from 'yaml'
import {
  labelSelectorAsSelector,
  matches as referenceMatches,
  nothing,
  parse as referenceParse,
  requirementString,
  type Labels,
  type Requirement,
  type Selector,
} from '../../src/api/selectors/index.ts'
import { fail, guarantee, learnerCall, loadLearner, pass, show, sideBySide } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./selector.ts')>(import.meta.url, 'selector.ts')

// ─── Generators ─────────────────────────────────────────────────────────────────────────────────
// Few keys and values, so selectors and label sets overlap; a sprinkling of edge cases (keywords as
// keys, prefixes, the empty value, 63 characters) and of invalid ones (64 characters, bad edges).

const commonKeys = ['app', 'tier', 'env']
const otherKeys = ['example.com/team', 'in', 'notin', 'x_1.y', 'K8s', 'k'.repeat(63)]
const badKeys = ['-bad', 'bad-', 'a/b/c', '/team', 'Example.com/team', 'k'.repeat(64), 'te~am', 'ünï']
const commonValues = ['prod', 'qa', 'web']
const otherValues = ['', 'v1.2', 'a_b', 'in', 'notin', 'v'.repeat(63)]
const badValues = ['v'.repeat(64), '-x', 'x-', '.x', 'a~b', 'ü']

function weighted(common: string[], other: string[], bad: string[], badWeight: number): fc.Arbitrary<string> {
  const choices = [
    { weight: 6, arbitrary: fc.constantFrom(...common) },
    { weight: 2, arbitrary: fc.constantFrom(...other) },
  ]
  if (badWeight > 0) choices.push({ weight: badWeight, arbitrary: fc.constantFrom(...bad) })
  return fc.oneof(...choices)
}
const keyOf = (badWeight: number) => weighted(commonKeys, otherKeys, badKeys, badWeight)
const valueOf = (badWeight: number) => weighted(commonValues, otherValues, badValues, badWeight)

/** Optional whitespace, and whitespace that must be there (between a key and `in`). */
const gap = fc.constantFrom('', '', '', ' ', '  ', '\t', '\n')
const space = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', ' \r\n ')

interface Shape {
  readonly badKeys: number
  readonly badValues: number
  readonly mutations: number
  readonly operators?: readonly string[]
}

function clause(shape: Shape): fc.Arbitrary<string> {
  const key = keyOf(shape.badKeys)
  const value = valueOf(shape.badValues)
  const forms: Record<string, fc.Arbitrary<string>> = {
    exists: key,
    '!': fc.tuple(gap, key).map(([g, k]) => `!${g}${k}`),
    '=': fc.tuple(key, gap, gap, value).map(([k, g1, g2, v]) => `${k}${g1}=${g2}${v}`),
    '==': fc.tuple(key, gap, gap, value).map(([k, g1, g2, v]) => `${k}${g1}==${g2}${v}`),
    '!=': fc.tuple(key, gap, gap, value).map(([k, g1, g2, v]) => `${k}${g1}!=${g2}${v}`),
    in: setClause(key, 'in', value),
    notin: setClause(key, 'notin', value),
  }
  const chosen = shape.operators ?? ['exists', '!', '=', '==', '!=', 'in', 'in', 'notin', 'notin']
  return fc.oneof(...chosen.map((op) => forms[op]))
}

function setClause(key: fc.Arbitrary<string>, op: string, value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const items = fc.array(fc.tuple(gap, value, gap), { maxLength: 3 })
  return fc.tuple(key, space, gap, items, gap).map(([k, s, g, vs, end]) => `${k}${s}${op}${g}(${vs.map(([a, v, b]) => `${a}${v}${b}`).join(',')}${end})`)
}

type Mutation = { kind: 'none' } | { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number } | { kind: 'wrap'; before: string; after: string }

function mutation(weight: number): fc.Arbitrary<Mutation> {
  if (weight === 0) return fc.constant({ kind: 'none' })
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
    { weight, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(',', '(', ')', '=', '!', ' ', 'x', '~', ' in ', '||', ',,') }) },
    { weight, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), before: fc.constantFrom('', ',', ' ,'), after: fc.constantFrom(',', ', ', ' ,') }) },
  )
}

function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'none':
      return text
    case 'insert': {
      const at = m.at % (text.length + 1)
      return text.slice(0, at) + m.text + text.slice(at)
    }
    case 'delete': {
      if (text.length === 0) return text
      const at = m.at % text.length
      return text.slice(0, at) + text.slice(at + 1)
    }
    case 'wrap':
      return `${m.before}${text}${m.after}`
  }
}

function selectorText(shape: Shape): fc.Arbitrary<string> {
  const joiner = fc.tuple(gap, gap).map(([a, b]) => `${a},${b}`)
  return fc
    .tuple(gap, fc.array(fc.tuple(clause(shape), joiner), { minLength: 1, maxLength: 3 }), gap, mutation(shape.mutations))
    .map(([lead, parts, trail, m]) => mutate(lead + parts.map(([c, j], i) => (i === 0 ? c : j + c)).join('') + trail, m))
}

const validText = selectorText({ badKeys: 0, badValues: 0, mutations: 0 })
const nearValidText = selectorText({ badKeys: 1, badValues: 1, mutations: 1 })
const brokenText = selectorText({ badKeys: 2, badValues: 2, mutations: 3 })
const negativeText = selectorText({ badKeys: 0, badValues: 0, mutations: 0, operators: ['!=', '!=', 'notin', 'notin', 'exists', '='] })

const labels: fc.Arbitrary<Labels> = fc.dictionary(fc.constantFrom(...commonKeys, 'in', 'example.com/team'), fc.constantFrom(...commonValues, ''), {
  maxKeys: 3,
  noNullPrototype: true,
})

const labelSelector: fc.Arbitrary<LabelSelector> = fc.record(
  {
    matchLabels: fc.dictionary(keyOf(1), valueOf(1), { maxKeys: 2, noNullPrototype: true }),
    matchExpressions: fc.array(
      fc.record(
        {
          key: keyOf(1),
          operator: fc.oneof({ weight: 10, arbitrary: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist') }, { weight: 1, arbitrary: fc.constantFrom('in', 'Equals', 'Gt') }),
          values: fc.array(valueOf(1), { maxLength: 3 }),
        },
        { requiredKeys: ['key', 'operator'], noNullPrototype: true },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [], noNullPrototype: true },
)

// ─── Reading the learner's answers ─────────────────────────────────────────────────────────────

type Outcome = { kind: 'accepted'; selector: Selector } | { kind: 'rejected'; error: string } | { kind: 'malformed'; why: string }

function isRequirement(r: unknown): r is Requirement {
  if (r === null || typeof r !== 'object') return false
  const { key, operator, values } = r as Record<string, unknown>
  return typeof key === 'string' && typeof operator === 'string' && Array.isArray(values) && values.every((v) => typeof v === 'string')
}

function read(fn: string, result: unknown): Outcome {
  const r = result as { ok?: unknown; selector?: { type?: unknown; requirements?: unknown }; error?: unknown } | null
  const shape = `${fn} returned ${show(result)}, which is neither { ok: true, selector } nor { ok: false, error }`
  if (r === null || typeof r !== 'object' || typeof r.ok !== 'boolean') return { kind: 'malformed', why: shape }
  if (!r.ok) return { kind: 'rejected', error: String(r.error) }
  const s = r.selector
  if (s !== null && typeof s === 'object' && s.type === 'nothing') return { kind: 'accepted', selector: s as Selector }
  if (s === null || typeof s !== 'object' || s.type !== 'requirements' || !Array.isArray(s.requirements)) {
    return { kind: 'malformed', why: `${fn} returned ok with selector ${show(s)}; expected { type: 'requirements', requirements: [...] } or { type: 'nothing' }` }
  }
  const bad = s.requirements.find((req) => !isRequirement(req))
  if (bad !== undefined) return { kind: 'malformed', why: `${fn} returned a requirement ${show(bad)}; each must be { key: string, operator: string, values: string[] }` }
  return { kind: 'accepted', selector: s as Selector }
}

const parseByLearner = (text: string) => read('parseSelector', learnerCall(`parseSelector(${JSON.stringify(text)})`, () => learner.parseSelector(text)))
const convertByLearner = (ps: LabelSelector | null | undefined) =>
  read('fromLabelSelector', learnerCall(`fromLabelSelector(${show(ps)})`, () => learner.fromLabelSelector(ps), [ps]))

function matchByLearner(selector: Selector, labelSet: Labels): boolean {
  const got = learnerCall(`matches(selector, ${show(labelSet)})`, () => learner.matches(selector, labelSet), [selector, labelSet])
  if (typeof got !== 'boolean') throw new TypeError(`matches returned ${show(got)}, not true or false`)
  return got
}

// ─── Showing things ────────────────────────────────────────────────────────────────────────────

/** Requirements as lines `"app" in ["prod","qa"]`, values as a sorted set, lines sorted: order is free. */
function requirementLines(selector: Selector): string[] {
  if (selector.type === 'nothing') return ['(nothing: matches no labels)']
  const lines = selector.requirements.map((r) => `${JSON.stringify(r.key)} ${r.operator} ${JSON.stringify([...new Set(r.values)].sort())}`).sort()
  return lines.length === 0 ? ['(no requirements)'] : lines
}

const quote = (text: string) => JSON.stringify(text)
const verdict = (m: boolean) => (m ? 'matches' : 'no match')

/**
 * One parser quirk is left ungraded: apimachinery rejects a value list ending in two commas,
 * `(a,,)` or `(,,)`, though it accepts `(a,,b)`, `(a,)` and `(,)`. A parser need not copy that.
 */
function isEmptyItemsQuirk(text: string): boolean {
  const result = referenceParse(text)
  return !result.ok && result.error.includes("found ')', expected: ',', or identifier")
}

/** The reference and the learner's matches() side by side, one requirement per line. */
function matchScenario(text: string, selector: Selector, labelSet: Labels, learnerWhole: boolean, note = ''): string {
  const requirements = selector.type === 'requirements' ? selector.requirements : []
  const one = (r: Requirement): Selector => ({ type: 'requirements', requirements: [r] })
  const width = Math.max(0, ...requirements.map((r) => requirementString(r).length))
  const line = (r: Requirement, m: boolean) => `${requirementString(r).padEnd(width)}  ${verdict(m)}`
  const ref = [...requirements.map((r) => line(r, referenceMatches(one(r), labelSet))), `whole selector  ${verdict(referenceMatches(selector, labelSet))}`]
  const mine = [...requirements.map((r) => line(r, matchByLearner(one(r), labelSet))), `whole selector  ${verdict(learnerWhole)}`]
  return [
    `Selector ${quote(text)}, which Kubernetes parses to ${quote(requirements.map(requirementString).join(','))}.`,
    `Labels   ${show(labelSet)}`,
    ...(note ? ['', note] : []),
    '',
    sideBySide(ref, mine, ['Kubernetes', 'your matches()']),
  ].join('\n')
}

// ─── Guarantees ────────────────────────────────────────────────────────────────────────────────

guarantee(
  'a valid selector parses to the same requirements as Kubernetes',
  fc.oneof({ weight: 3, arbitrary: validText }, { weight: 1, arbitrary: nearValidText }),
  (text) => {
    const reference = referenceParse(text)
    if (!reference.ok) return pass
    const got = parseByLearner(text)
    if (got.kind === 'malformed') return fail(got.why)
    if (got.kind === 'rejected') {
      return fail(`Kubernetes accepts the selector ${quote(text)} as\n  ${requirementLines(reference.selector).join('\n  ')}\nbut your parseSelector rejected it: ${got.error}`)
    }
    const want = requirementLines(reference.selector)
    const mine = requirementLines(got.selector)
    if (show(want) === show(mine)) return pass
    return fail(`The selector ${quote(text)} parses differently (requirements in any order, values as a set):\n\n${sideBySide(want, mine, ['Kubernetes', 'your parseSelector()'])}`)
  },
  { runs: 300, describe: quote },
)

guarantee(
  'an invalid selector is rejected',
  fc.oneof(brokenText, nearValidText),
  (text) => {
    const reference = referenceParse(text)
    if (reference.ok || isEmptyItemsQuirk(text)) return pass
    const got = parseByLearner(text)
    if (got.kind === 'malformed') return fail(got.why)
    if (got.kind === 'rejected') return pass
    return fail(
      `The selector ${quote(text)} is not valid. Kubernetes says:\n  ${reference.error}\n\nbut your parseSelector accepted it as:\n  ${requirementLines(got.selector).join('\n  ')}`,
    )
  },
  { runs: 300, describe: quote },
)

guarantee(
  'a selector matches exactly the label sets Kubernetes would match',
  fc.record({ text: validText, labels }, { noNullPrototype: true }),
  ({ text, labels: labelSet }) => {
    const parsed = referenceParse(text)
    if (!parsed.ok) return pass
    const selector = parsed.selector
    const got = matchByLearner(selector, labelSet)
    if (got === referenceMatches(selector, labelSet)) return pass
    return fail(matchScenario(text, selector, labelSet, got))
  },
  { runs: 200, describe: ({ text, labels: l }) => `selector ${quote(text)}, labels ${show(l)}` },
)

guarantee(
  '!= and notin match objects that lack the key',
  fc.record({ text: negativeText, labels }, { noNullPrototype: true }),
  ({ text, labels: labelSet }) => {
    const parsed = referenceParse(text)
    if (!parsed.ok) return pass
    const selector = parsed.selector
    const requirements = selector.type === 'requirements' ? selector.requirements : []
    const absent = requirements.filter((r) => (r.operator === '!=' || r.operator === 'notin') && !Object.hasOwn(labelSet, r.key)).map((r) => r.key)
    if (absent.length === 0) return pass
    const got = matchByLearner(selector, labelSet)
    if (got === referenceMatches(selector, labelSet)) return pass
    const note = `${absent.map(quote).join(' and ')} ${absent.length > 1 ? 'are' : 'is'} not among the labels. Kubernetes reads "key!=v" and "key notin (...)"\nas "the key does not have that value", which an object without the key satisfies.`
    return fail(matchScenario(text, selector, labelSet, got, note))
  },
  { runs: 200, describe: ({ text, labels: l }) => `selector ${quote(text)}, labels ${show(l)}` },
)

guarantee(
  'an empty selector matches everything',
  fc.record(
    {
      text: fc.constantFrom('', ' ', '\t', '  \n ', '\r\n'),
      labelSelector: fc.constantFrom<LabelSelector>({}, { matchLabels: {} }, { matchExpressions: [] }, { matchLabels: {}, matchExpressions: [] }),
      labels,
    },
    { noNullPrototype: true },
  ),
  ({ text, labelSelector: ps, labels: labelSet }) => {
    const parsed = parseByLearner(text)
    if (parsed.kind === 'malformed') return fail(parsed.why)
    if (parsed.kind === 'rejected') return fail(`parseSelector(${quote(text)}) rejected the empty selector (${parsed.error}); Kubernetes accepts it as "no requirements".`)
    if (parsed.selector.type !== 'requirements' || parsed.selector.requirements.length > 0) {
      return fail(`parseSelector(${quote(text)}) should give no requirements; yours gave\n  ${requirementLines(parsed.selector).join('\n  ')}`)
    }
    if (!matchByLearner(parsed.selector, labelSet)) return fail(`The empty selector (from ${quote(text)}) did not match the labels ${show(labelSet)}; it matches every label set.`)
    const converted = convertByLearner(ps)
    if (converted.kind === 'malformed') return fail(converted.why)
    if (converted.kind === 'rejected') return fail(`fromLabelSelector(${show(ps)}) rejected an empty LabelSelector (${converted.error}); Kubernetes accepts it and selects everything.`)
    if (!matchByLearner(converted.selector, labelSet)) {
      return fail(`fromLabelSelector(${show(ps)}) gave a selector that does not match ${show(labelSet)}.\nAn empty LabelSelector (no matchLabels, no matchExpressions) selects every object.`)
    }
    return pass
  },
  { runs: 40, describe: (input) => show(input) },
)

guarantee(
  'a LabelSelector converts to the same requirements as Kubernetes',
  labelSelector,
  (ps) => {
    const reference = labelSelectorAsSelector(ps)
    const got = convertByLearner(ps)
    const manifest = toYaml({ selector: ps }).trimEnd()
    if (got.kind === 'malformed') return fail(got.why)
    if (!reference.ok && got.kind === 'accepted') {
      return fail(`Kubernetes rejects this selector:\n\n${manifest}\n\nwith: ${reference.error}\nbut your fromLabelSelector accepted it as:\n  ${requirementLines(got.selector).join('\n  ')}`)
    }
    if (reference.ok && got.kind === 'rejected') {
      return fail(`Kubernetes accepts this selector:\n\n${manifest}\n\nas\n  ${requirementLines(reference.selector).join('\n  ')}\nbut your fromLabelSelector rejected it: ${got.error}`)
    }
    if (!reference.ok || got.kind !== 'accepted') return pass
    const want = requirementLines(reference.selector)
    const mine = requirementLines(got.selector)
    if (show(want) === show(mine)) return pass
    return fail(`This selector converts differently (requirements in any order, values as a set):\n\n${manifest}\n\n${sideBySide(want, mine, ['Kubernetes', 'your fromLabelSelector()'])}`)
  },
  { runs: 200, describe: (ps) => toYaml({ selector: ps }).trimEnd() },
)

guarantee(
  'a null LabelSelector matches nothing',
  fc.record({ ps: fc.constantFrom(null, undefined), labels }, { noNullPrototype: true }),
  ({ ps, labels: labelSet }) => {
    const converted = convertByLearner(ps)
    if (converted.kind === 'malformed') return fail(converted.why)
    if (converted.kind === 'rejected') return fail(`fromLabelSelector(${show(ps)}) rejected a missing selector (${converted.error}); Kubernetes accepts it as the selector that matches nothing.`)
    if (matchByLearner(converted.selector, labelSet)) {
      return fail(
        `fromLabelSelector(${show(ps)}) gave a selector that matches ${show(labelSet)}.\nNo selector at all is not the empty selector: Kubernetes' LabelSelectorAsSelector turns null into labels.Nothing(), which matches no object.`,
      )
    }
    if (matchByLearner(nothing(), labelSet)) return fail(`matches({ type: 'nothing' }, ${show(labelSet)}) returned true; the "nothing" selector matches no label set.`)
    return pass
  },
  { runs: 30, describe: (input) => show(input) },
)
