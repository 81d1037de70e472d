// Matching nodes against pod.spec.nodeSelector and pod.spec.affinity.nodeAffinity. Mirrors
// staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go:
//   - nodeSelectorTerms are ORed; the requirements inside one term are ANDed;
//   - a term with neither matchExpressions nor matchFields matches nothing;
//   - matchFields knows one field, metadata.name, with In / NotIn and exactly one value;
//   - a term that fails to parse (a bad operator, In with no values, Gt with a non-integer)
//     matches nothing, and the other terms still count (LazyErrorNodeSelector);
//   - nodeSelector (key: value pairs) and required node affinity must both match.
import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm } from 'kubernetes-types/core/v1.js'
import { selectorFromRequirements, selectorFromSet, type Selector } from './labels.ts'

interface FieldRequirement {
  readonly operator: 'In' | 'NotIn'
  readonly key: string
  readonly value: string
}

interface ParsedTerm {
  readonly labels: Selector | undefined
  readonly fields: readonly FieldRequirement[] | undefined
  readonly error: string | undefined
}

function parseFields(requirements: readonly NodeSelectorRequirement[]): { fields?: FieldRequirement[]; error?: string } {
  const fields: FieldRequirement[] = []
  for (const r of requirements) {
    if (r.operator !== 'In' && r.operator !== 'NotIn') return { error: `matchFields: Unsupported value: ${JSON.stringify(r.operator)}` }
    if ((r.values ?? []).length !== 1) return { error: 'matchFields.values: Invalid value: must have one element' }
    fields.push({ operator: r.operator, key: r.key, value: r.values![0] })
  }
  return { fields }
}

function parseTerm(term: NodeSelectorTerm): ParsedTerm {
  let labels: Selector | undefined
  let fields: FieldRequirement[] | undefined
  let error: string | undefined
  if ((term.matchExpressions ?? []).length > 0) {
    labels = selectorFromRequirements(term.matchExpressions!)
    error = labels.error
  }
  if ((term.matchFields ?? []).length > 0) {
    const parsed = parseFields(term.matchFields!)
    fields = parsed.fields
    error ??= parsed.error
  }
  return { labels, fields, error }
}

function isEmptyTerm(term: NodeSelectorTerm | null | undefined): boolean {
  return !term || ((term.matchExpressions ?? []).length === 0 && (term.matchFields ?? []).length === 0)
}

function termMatches(term: ParsedTerm, node: Node): boolean {
  if (term.error !== undefined) return false
  if (term.labels && !term.labels.matches(node.metadata?.labels)) return false
  const name = node.metadata?.name ?? ''
  // The node's field set holds metadata.name only when the node has a name.
  if (term.fields && name !== '') {
    for (const f of term.fields) {
      const actual = f.key === 'metadata.name' ? name : ''
      if ((f.operator === 'In') !== (actual === f.value)) return false
    }
  }
  return true
}

/** A compiled v1.NodeSelector: its terms ORed. */
export class NodeSelectorMatcher {
  readonly #terms: readonly ParsedTerm[]

  constructor(selector: NodeSelector) {
    this.#terms = (selector.nodeSelectorTerms ?? []).filter((t) => !isEmptyTerm(t)).map(parseTerm)
  }

  matches(node: Node): boolean {
    for (const term of this.#terms) if (termMatches(term, node)) return true
    return false
  }
}

/** nodeSelector and required node affinity of one pod (GetRequiredNodeAffinity). */
export class RequiredNodeAffinity {
  readonly #labelSelector: Selector | undefined
  readonly #nodeSelector: NodeSelectorMatcher | undefined

  constructor(pod: Pod) {
    const nodeSelector = pod.spec?.nodeSelector
    this.#labelSelector = nodeSelector && Object.keys(nodeSelector).length > 0 ? selectorFromSet(nodeSelector) : undefined
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    this.#nodeSelector = required ? new NodeSelectorMatcher(required) : undefined
  }

  matches(node: Node): boolean {
    if (this.#labelSelector && !this.#labelSelector.matches(node.metadata?.labels)) return false
    if (this.#nodeSelector) return this.#nodeSelector.matches(node)
    return true
  }
}

/** Preferred terms with their weights; a node scores the sum of the weights of the terms it matches. */
export class PreferredSchedulingTerms {
  readonly #terms: readonly { readonly term: ParsedTerm; readonly weight: number }[]

  constructor(terms: readonly PreferredSchedulingTerm[]) {
    // Terms with weight 0 or no requirements are skipped; a term that fails to parse never matches.
    this.#terms = terms.filter((t) => t.weight !== 0 && !isEmptyTerm(t.preference)).map((t) => ({ term: parseTerm(t.preference), weight: t.weight }))
  }

  get empty(): boolean {
    return this.#terms.length === 0
  }

  score(node: Node): number {
    let score = 0
    for (const { term, weight } of this.#terms) if (termMatches(term, node)) score += weight
    return score
  }
}
