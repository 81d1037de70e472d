// The field sets of pkg/registry/core/*/strategy.go (ToSelectableFields) and the field labels the
// API server accepts (pkg/apis/core/v1/conversion.go).
import type { Node, Pod, Secret } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { fieldsMatch, fieldSelectorString } from './field-selector.ts'
import { parseFieldSelectorFor, selectableFields, supportedFieldLabels } from './selectable-fields.ts'

const pod: Pod = {
  kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'shop' },
  spec: { nodeName: 'node-1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'web', containers: [{ name: 'web', image: 'nginx:1.27' }] },
  status: { phase: 'Running', podIP: '10.0.0.7', podIPs: [{ ip: '10.0.0.7' }, { ip: 'fd00::7' }], nominatedNodeName: '' },
}

describe('field sets', () => {
  test('a pod exposes its name, namespace, node, policies, phase and first IP', () => {
    expect(selectableFields(pod)).toEqual({
      'metadata.name': 'web-0',
      'metadata.namespace': 'shop',
      'spec.nodeName': 'node-1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'web',
      'spec.hostNetwork': 'false',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.7',
      'status.nominatedNodeName': '',
    })
  })
  test('an unscheduled pod has an empty spec.nodeName', () => {
    expect(selectableFields({ kind: 'Pod', metadata: { name: 'p', namespace: 'd' } })['spec.nodeName']).toBe('')
  })
  test('a node is cluster-scoped: its name and whether it is unschedulable, no namespace', () => {
    const node: Node = { kind: 'Node', metadata: { name: 'node-1' }, spec: { unschedulable: true } }
    expect(selectableFields(node)).toEqual({ 'metadata.name': 'node-1', 'spec.unschedulable': 'true' })
  })
  test('a secret exposes its type', () => {
    const secret: Secret = { kind: 'Secret', metadata: { name: 'tls', namespace: 'shop' }, type: 'kubernetes.io/tls' }
    expect(selectableFields(secret)).toEqual({ 'metadata.name': 'tls', 'metadata.namespace': 'shop', type: 'kubernetes.io/tls' })
  })
  test('any other kind exposes its name and namespace', () => {
    expect(selectableFields({ kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' } })).toEqual({ 'metadata.name': 'cfg', 'metadata.namespace': 'shop' })
  })
})

describe('field selectors per kind', () => {
  test('pods on node-1 that are not Running', () => {
    const result = parseFieldSelectorFor('Pod', 'spec.nodeName=node-1,status.phase!=Running')
    expect(result.ok && fieldsMatch(result.selector, selectableFields(pod))).toBe(false)
    const pending = parseFieldSelectorFor('Pod', 'spec.nodeName=node-1,status.phase!=Pending')
    expect(pending.ok && fieldsMatch(pending.selector, selectableFields(pod))).toBe(true)
  })
  test('an unsupported pod field is refused with the API server message', () => {
    expect(parseFieldSelectorFor('Pod', 'spec.priority=1')).toEqual({ ok: false, error: 'field label not supported: spec.priority' })
  })
  test('the old spec.host is rewritten to spec.nodeName', () => {
    const result = parseFieldSelectorFor('Pod', 'spec.host=node-1')
    expect(result.ok && fieldSelectorString(result.selector)).toBe('spec.nodeName=node-1')
  })
  test('a node has no metadata.namespace to select on', () => {
    expect(parseFieldSelectorFor('Node', 'metadata.namespace=x')).toEqual({ ok: false, error: 'field label not supported: metadata.namespace' })
  })
  test('a kind without its own list accepts only metadata.name and metadata.namespace', () => {
    expect(supportedFieldLabels('ConfigMap')).toEqual(['metadata.name', 'metadata.namespace'])
    const result = parseFieldSelectorFor('ConfigMap', 'data.x=1')
    expect(!result.ok && result.error).toBe('"data.x" is not a known field selector: only "metadata.name", "metadata.namespace"')
  })
  test('a malformed selector is refused before fields are checked', () => {
    expect(parseFieldSelectorFor('Pod', 'spec.nodeName').ok).toBe(false)
  })
})
