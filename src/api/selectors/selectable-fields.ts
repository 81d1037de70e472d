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
  /** The object's selectable fields beyond metadata.name / metadata.namespace. */
  readonly specific: (obj: never) => Record<string, string>
  readonly namespaced: boolean
}

function kind<T>(k: { fields: readonly string[]; aliases?: Record<string, string>; specific: (obj: T) => Record<string, string>; namespaced: boolean }): SelectableKind {
  return k as SelectableKind
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
    specific: (pod) => ({
      'spec.nodeName': pod.spec?.nodeName ?? '',
      'spec.restartPolicy': pod.spec?.restartPolicy ?? '',
      'spec.schedulerName': pod.spec?.schedulerName ?? '',
      'spec.serviceAccountName': pod.spec?.serviceAccountName ?? '',
      'spec.hostNetwork': String(pod.spec?.hostNetwork ?? false),
      'status.phase': pod.status?.phase ?? '',
      'status.podIP': pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '',
      'status.nominatedNodeName': pod.status?.nominatedNodeName ?? '',
    }),
  }),
  Node: kind<Node>({
    namespaced: false,
    fields: ['metadata.name', 'spec.unschedulable'],
    specific: (node) => ({ 'spec.unschedulable': String(node.spec?.unschedulable ?? false) }),
  }),
  Secret: kind<Secret>({
    namespaced: true,
    fields: ['metadata.name', 'metadata.namespace', 'type'],
    specific: (secret) => ({ type: secret.type ?? '' }),
  }),
  Namespace: kind<Namespace>({
    namespaced: false,
    fields: ['metadata.name', 'status.phase'],
    specific: (ns) => ({ 'status.phase': ns.status?.phase ?? '' }),
  }),
  Service: kind<Service>({
    namespaced: true,
    fields: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'],
    specific: (svc) => ({ 'spec.clusterIP': svc.spec?.clusterIP ?? '', 'spec.type': svc.spec?.type ?? '' }),
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
  const meta: Record<string, string> = { 'metadata.name': obj.metadata?.name ?? '' }
  if (k ? k.namespaced : namespaced) meta['metadata.namespace'] = obj.metadata?.namespace ?? ''
  return { ...(k ? k.specific(obj as never) : {}), ...meta }
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
