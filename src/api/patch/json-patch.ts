// JSON patch (RFC 6902, `application/json-patch+json`): a list of operations (add, remove,
// replace, move, copy, test) on JSON Pointer paths (RFC 6901), applied in order, all or nothing.
// Pure: the document is not changed; a failed operation throws PatchError.
// Mirrors evanphx/json-patch as the apiserver's patch handler uses it
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go, jsonPatcher).
import { deepEqualJson } from '../errors/field-errors.ts'
import type { Json } from './json-merge-patch.ts'
import { PatchError } from './strategic-merge-patch.ts'

export type JsonPatchOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: Json }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly from: string; readonly path: string }

function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new PatchError(`JSON pointer must start with '/': ${JSON.stringify(pointer)}`)
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function get(doc: Json, tokens: readonly string[]): Json {
  let cur: Json = doc
  for (const t of tokens) {
    if (Array.isArray(cur)) cur = cur[Number(t)]
    else if (cur !== null && typeof cur === 'object' && Object.hasOwn(cur, t)) cur = cur[t]
    else throw new PatchError(`doc is missing path: ${'/' + tokens.join('/')}`)
    if (cur === undefined) throw new PatchError(`doc is missing path: ${'/' + tokens.join('/')}`)
  }
  return cur
}

/** A copy of `doc` with the container at `tokens[..-1]` changed by `edit`. */
function edit(doc: Json, tokens: readonly string[], change: (parent: Json[] | { [k: string]: Json }, last: string) => void): Json {
  if (tokens.length === 0) throw new PatchError('cannot edit the document root this way')
  const copy = (v: Json): Json[] | { [k: string]: Json } => {
    if (Array.isArray(v)) return [...v]
    if (v !== null && typeof v === 'object') return { ...v }
    throw new PatchError(`doc is missing path: ${'/' + tokens.join('/')}`)
  }
  const root = copy(doc)
  let parent = root
  for (const t of tokens.slice(0, -1)) {
    const next = copy(Array.isArray(parent) ? parent[Number(t)] : parent[t])
    if (Array.isArray(parent)) parent[Number(t)] = next
    else parent[t] = next
    parent = next
  }
  change(parent, tokens[tokens.length - 1])
  return root
}

function add(doc: Json, tokens: string[], value: Json): Json {
  if (tokens.length === 0) return value
  return edit(doc, tokens, (parent, last) => {
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last)
      if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new PatchError(`Unable to access invalid index: ${last}`)
      parent.splice(i, 0, value)
    } else parent[last] = value
  })
}

function remove(doc: Json, tokens: string[]): Json {
  get(doc, tokens)
  return edit(doc, tokens, (parent, last) => {
    if (Array.isArray(parent)) parent.splice(Number(last), 1)
    else delete parent[last]
  })
}

export function applyJsonPatch(doc: Json, operations: readonly JsonPatchOperation[]): Json {
  let out = doc
  for (const op of operations) {
    const path = parsePointer(op.path)
    switch (op.op) {
      case 'add':
        out = add(out, path, op.value)
        break
      case 'remove':
        out = remove(out, path)
        break
      case 'replace':
        get(out, path)
        out = add(remove(out, path), path, op.value)
        break
      case 'move': {
        const from = parsePointer(op.from)
        const value = get(out, from)
        out = add(remove(out, from), path, value)
        break
      }
      case 'copy':
        out = add(out, path, get(out, parsePointer(op.from)))
        break
      case 'test':
        if (!deepEqualJson(get(out, path), op.value)) throw new PatchError(`testing value ${op.path} failed: test failed`)
        break
      default:
        throw new PatchError(`Unexpected kind: ${(op as { op: string }).op}`)
    }
  }
  return out
}
