// NamespaceLifecycle: nothing may be created in a namespace that does not exist (404 for the
// namespace) or that is being deleted (403, cause NamespaceTerminating); the immortal namespaces
// (default, kube-system, kube-public) may not be deleted. Deletes of other objects always pass.
// Mirrors plugin/pkg/admission/namespace/lifecycle/admission.go.
import type { Namespace } from 'kubernetes-types/core/v1'
import { newForbidden, newNotFound } from '../errors/api-errors.ts'
import type { AdmissionAttributes, MutatingAdmissionPlugin, Operation } from './interfaces.ts'

export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public']

/** Reads namespaces (the real plugin uses an informer's lister). */
export interface NamespaceLister {
  get(name: string): Namespace | undefined
}

export function namespaceLifecycle(namespaces: NamespaceLister, immortal: readonly string[] = IMMORTAL_NAMESPACES): MutatingAdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    handles: (operation: Operation) => operation === 'CREATE' || operation === 'UPDATE' || operation === 'DELETE',
    admit(a: AdmissionAttributes): void {
      if (a.resource.kind === 'Namespace' && a.resource.group === '') {
        if (a.operation === 'DELETE' && immortal.includes(a.name)) {
          throw newForbidden(a.resource.groupResource, a.name, 'this namespace may not be deleted')
        }
        return
      }
      if (!a.resource.namespaced || a.namespace === '') return
      if (a.operation !== 'CREATE') return
      const ns = namespaces.get(a.namespace)
      if (ns === undefined) throw newNotFound({ group: '', resource: 'namespaces' }, a.namespace)
      if (ns.status?.phase !== 'Terminating') return
      throw newForbidden(a.resource.groupResource, a.name, `unable to create new content in namespace ${a.namespace} because it is being terminated`, [
        { reason: 'NamespaceTerminating', message: `namespace ${a.namespace} is being terminated`, field: 'metadata.namespace' },
      ])
    },
  }
}
