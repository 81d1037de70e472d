// Strategic merge patch (`application/strategic-merge-patch+json`): a JSON merge patch that knows
// which lists to merge by key instead of replacing (see patch-meta.ts), plus directives:
//   {"$patch": "replace"} in a map or list    replace it with the patch instead of merging
//   {"$patch": "delete"} in a map             delete that map
//   {"name": "x", "$patch": "delete"} in a merge list   delete the element whose key is x
//   "$deleteFromPrimitiveList/<field>": [...]  remove these values from a merged scalar list
//   "$retainKeys": [...]                       drop every key of the map not listed
//   "$setElementOrder/<field>": [...]          order of the merged list's elements
// Pure: the original and the patch are not changed.
// Mirrors StrategicMergePatch / mergeMap / mergeSlice / mergeSliceWithSpecialElements /
// normalizeElementOrder in staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.
import { isJsonObject, type Json } from './json-merge-patch.ts'
import { listStrategy } from './patch-meta.ts'

export class PatchError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PatchError'
  }
}

const DIRECTIVE = '$patch'
const DELETE_FROM_PRIMITIVE = '$deleteFromPrimitiveList/'
const SET_ELEMENT_ORDER = '$setElementOrder/'
const RETAIN_KEYS = '$retainKeys'

export function applyStrategicMergePatch(original: unknown, patch: unknown, kind: string): Json {
  if (!isJsonObject(patch)) throw new PatchError('strategic merge patch must be a JSON object')
  return mergeMap(isJsonObject(original) ? original : {}, patch, kind, [])
}

function mergeMap(original: { [key: string]: Json }, patch: { [key: string]: Json }, kind: string, path: string[]): { [key: string]: Json } {
  const directive = patch[DIRECTIVE]
  if (directive === 'replace') {
    const { [DIRECTIVE]: _, ...rest } = patch
    return stripDirectives(rest) as { [key: string]: Json }
  }
  if (directive !== undefined && directive !== 'delete') throw new PatchError(`Unknown patch type: ${String(directive)}`)
  let out: { [key: string]: Json } = { ...original }
  const retain = patch[RETAIN_KEYS]
  if (Array.isArray(retain)) {
    const keep = new Set(retain.map(String))
    out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k)))
  }
  const orders = new Map<string, Json[]>()
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS) continue
    if (key.startsWith(SET_ELEMENT_ORDER)) {
      if (Array.isArray(value)) orders.set(key.slice(SET_ELEMENT_ORDER.length), value)
      continue
    }
    if (key.startsWith(DELETE_FROM_PRIMITIVE)) {
      const field = key.slice(DELETE_FROM_PRIMITIVE.length)
      const current = out[field]
      if (Array.isArray(current) && Array.isArray(value)) {
        const drop = new Set(value.map((v) => JSON.stringify(v)))
        out[field] = current.filter((v) => !drop.has(JSON.stringify(v)))
      }
      continue
    }
    if (value === null) {
      delete out[key]
      continue
    }
    const childPath = [...path, key]
    const current = out[key]
    if (isJsonObject(value)) {
      if (value[DIRECTIVE] === 'delete') delete out[key]
      else out[key] = mergeMap(isJsonObject(current) ? current : {}, value, kind, childPath)
    } else if (Array.isArray(value)) {
      out[key] = mergeList(Array.isArray(current) ? current : [], value, kind, childPath)
    } else {
      out[key] = value
    }
  }
  for (const [field, order] of orders) {
    const list = out[field]
    if (Array.isArray(list)) out[field] = applyOrder(list, order, kind, [...path, field])
  }
  return out
}

function mergeList(original: Json[], patch: Json[], kind: string, path: string[]): Json[] {
  const strategy = listStrategy(kind, path)
  const replaceAll = patch.some((e) => isJsonObject(e) && e[DIRECTIVE] === 'replace' && Object.keys(e).length === 1)
  if (strategy.type === 'replace' || replaceAll) {
    return stripDirectives(patch.filter((e) => !(isJsonObject(e) && e[DIRECTIVE] === 'replace' && Object.keys(e).length === 1))) as Json[]
  }
  if (strategy.type === 'mergePrimitives') {
    const seen = new Set(original.map((v) => JSON.stringify(v)))
    const out = [...original]
    for (const v of patch) if (!seen.has(JSON.stringify(v))) {
      seen.add(JSON.stringify(v))
      out.push(v)
    }
    return out
  }
  const key = strategy.key
  const out = [...original]
  for (const element of patch) {
    if (!isJsonObject(element)) throw new PatchError(`expected a map in list ${path.join('.')} merged by ${key}`)
    if (!Object.hasOwn(element, key)) throw new PatchError(`map: ${JSON.stringify(element)} does not contain declared merge key: ${key}`)
    const at = out.findIndex((o) => isJsonObject(o) && JSON.stringify(o[key]) === JSON.stringify(element[key]))
    if (element[DIRECTIVE] === 'delete') {
      if (at >= 0) out.splice(at, 1)
      continue
    }
    if (at >= 0) out[at] = mergeMap(out[at] as { [key: string]: Json }, element, kind, path)
    else out.push(mergeMap({}, element, kind, path))
  }
  return out
}

function applyOrder(list: Json[], order: Json[], kind: string, path: string[]): Json[] {
  const strategy = listStrategy(kind, path)
  const identity = (v: Json): string => JSON.stringify(strategy.type === 'merge' && isJsonObject(v) ? v[strategy.key] : v)
  const rank = new Map(order.map((v, i) => [identity(isJsonObject(v) || strategy.type !== 'merge' ? v : ({ [strategy.type === 'merge' ? strategy.key : '']: v } as Json)), i]))
  // Listed elements take their listed positions; the others keep their relative order after them.
  return list
    .map((v, i) => ({ v, i, r: rank.get(identity(v)) ?? order.length + i }))
    .sort((a, b) => a.r - b.r)
    .map((e) => e.v)
}

function stripDirectives(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDirectives)
  if (!isJsonObject(value)) return value
  const out: { [key: string]: Json } = {}
  for (const [k, v] of Object.entries(value)) {
    if (k === DIRECTIVE || k === RETAIN_KEYS || k.startsWith(SET_ELEMENT_ORDER) || k.startsWith(DELETE_FROM_PRIMITIVE)) continue
    out[k] = stripDirectives(v)
  }
  return out
}
