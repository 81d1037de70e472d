// Which fields each kind lets a field selector use, and their values for one object. The API
// server refuses a selector on any other field ("field label not supported: ..."), then matches the
// rest against the object's field set.
// Mirrors ToSelectableFields / GetAttrs in pkg/registry/core/pod/strategy.go,
// pkg/registry/core/node/strategy.go, pkg/registry/core/secret/strategy.go,
// pkg/registry/core/namespace/strategy.go, pkg/registry/core/service/strategy.go; the accepted
// labels come from the field label conversion funcs in pkg/apis/core/v1/conversion.go, and
// generic.AddObjectMetaFieldsSet / DefaultMetaV1FieldSelectorConversion cover every other kind.
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js'
import type { Namespace, Node, Pod, Secret, Service } from 'kubernetes-types/core/v1.js'
import { parseFieldSelector, transformFieldSelector, type FieldParseResult, type Fields } from './field-selector.ts'

/** Anything with a kind and metadata: the shape every API object shares. */
export interface ApiObject {
  readonly kind?: string
  readonly metadata?: ObjectMeta
}

interface SelectableKind {
  /** Field labels the API server accepts for this kind. */
  readonly fields: readonly string[]
  /** Old names the API server rewrites to current ones (`spec.host` → `spec.nodeName`). */
  readonly aliases?: Readonly<Record<string, string>>
  /** How to read each of the kind's fields beyond metadata.name / metadata.namespace. */
  readonly getters: Readonly<Record<string, (obj: never) => string>>
  readonly namespaced: boolean
}

function kind<T>(k: { fields: readonly string[]; aliases?: Record<string, string>; getters: Record<string, (obj: T) => string>; namespaced: boolean }): SelectableKind {
  return k as unknown as SelectableKind
}

export const selectableKinds: Readonly<Record<string, SelectableKind>> = {
  Pod: kind<Pod>({
    namespaced: true,
    fields: [
      'metadata.name',
      'metadata.namespace',
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.nominatedNodeName',
    ],
    aliases: { 'spec.host': 'spec.nodeName' },
    getters: {
      'spec.nodeName': (pod) => pod.spec?.nodeName ?? '',
      'spec.restartPolicy': (pod) => pod.spec?.restartPolicy ?? '',
      'spec.schedulerName': (pod) => pod.spec?.schedulerName ?? '',
      'spec.serviceAccountName': (pod) => pod.spec?.serviceAccountName ?? '',
      'spec.hostNetwork': (pod) => String(pod.spec?.hostNetwork ?? false),
      'status.phase': (pod) => pod.status?.phase ?? '',
      'status.podIP': (pod) => pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '',
      'status.nominatedNodeName': (pod) => pod.status?.nominatedNodeName ?? '',
    },
  }),
  Node: kind<Node>({
    namespaced: false,
    fields: ['metadata.name', 'spec.unschedulable'],
    getters: {
      'spec.unschedulable': (node) => String(node.spec?.unschedulable ?? false),
    },
  }),
  Secret: kind<Secret>({
    namespaced: true,
    fields: ['metadata.name', 'metadata.namespace', 'type'],
    getters: {
      type: (secret) => secret.type ?? '',
    },
  }),
  Namespace: kind<Namespace>({
    namespaced: false,
    fields: ['metadata.name', 'status.phase'],
    getters: {
      'status.phase': (ns) => ns.status?.phase ?? '',
    },
  }),
  Service: kind<Service>({
    namespaced: true,
    fields: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'],
    getters: {
      'spec.clusterIP': (svc) => svc.spec?.clusterIP ?? '',
      'spec.type': (svc) => svc.spec?.type ?? '',
    },
  }),
}

const defaultFields = ['metadata.name', 'metadata.namespace'] as const

/** The field labels a field selector may use for `kind`. */
export function supportedFieldLabels(kind: string): readonly string[] {
  return Object.hasOwn(selectableKinds, kind) ? selectableKinds[kind].fields : defaultFields
}

/**
 * The object's field set (GetAttrs' second result): metadata.name, metadata.namespace for
 * namespaced kinds, and the kind's own fields. `namespaced` matters only for kinds not registered here.
 */
export function selectableFields(obj: ApiObject, namespaced = true): Fields {
  const k = obj.kind !== undefined && Object.hasOwn(selectableKinds, obj.kind) ? selectableKinds[obj.kind] : undefined
  const fields: Record<string, string> = {}
  if (k) for (const [field, read] of Object.entries(k.getters)) fields[field] = read(obj as never)
  fields['metadata.name'] = obj.metadata?.name ?? ''
  if (k ? k.namespaced : namespaced) fields['metadata.namespace'] = obj.metadata?.namespace ?? ''
  return fields
}

/**
 * A reader for one field of `kind`'s objects: what selectableFields(obj)[field] holds, '' for a
 * field the object's set lacks. A watch's field selector reads only its own fields this way
 * rather than building every object's whole set (the scheduler's pod watch did, twice per pod).
 */
export function fieldGetter(kind: string, field: string, namespaced = true): (obj: ApiObject) => string {
  const k = Object.hasOwn(selectableKinds, kind) ? selectableKinds[kind] : undefined
  if (field === 'metadata.name') return (obj) => obj.metadata?.name ?? ''
  if (field === 'metadata.namespace') return (k ? k.namespaced : namespaced) ? (obj) => obj.metadata?.namespace ?? '' : () => ''
  const read = k && Object.hasOwn(k.getters, field) ? k.getters[field] : undefined
  return read ? (obj) => read(obj as never) : () => ''
}

/** Parse a field selector for `kind`, refusing fields the kind does not support, as the API server does. */
export function parseFieldSelectorFor(kind: string, selector: string): FieldParseResult {
  const parsed = parseFieldSelector(selector)
  if (!parsed.ok) return parsed
  const registered = Object.hasOwn(selectableKinds, kind) ? selectableKinds[kind] : undefined
  return transformFieldSelector(parsed.selector, (field, value) => {
    const renamed = registered?.aliases?.[field] ?? field
    if (supportedFieldLabels(kind).includes(renamed)) return { ok: true, field: renamed, value }
    if (registered) return { ok: false, error: `field label not supported: ${field}` }
    return { ok: false, error: `${JSON.stringify(field)} is not a known field selector: only "metadata.name", "metadata.namespace"` }
  })
}
