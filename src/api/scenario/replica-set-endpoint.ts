// The five requests a ReplicaSet registry serves, as one small interface, so that the API server
// (through its client) and a registry written by hand (lesson 04) can be driven by the same
// scenario and compared answer by answer. Every method rejects with an ApiError on failure.
// Mirrors the REST verbs of staging/src/k8s.io/apiserver/pkg/registry/rest/rest.go (Creater,
// Getter, Updater, GracefulDeleter) as client-go's typed ReplicaSetInterface exposes them.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { ApiClient } from '../client.ts'

export interface ReplicaSetEndpoint {
  create(namespace: string, rs: ReplicaSet): Promise<ReplicaSet>
  get(namespace: string, name: string): Promise<ReplicaSet>
  update(namespace: string, rs: ReplicaSet): Promise<ReplicaSet>
  updateStatus(namespace: string, rs: ReplicaSet): Promise<ReplicaSet>
  delete(namespace: string, name: string): Promise<ReplicaSet>
}

/** The API server's ReplicaSets, through its client. */
export function apiServerEndpoint(client: ApiClient): ReplicaSetEndpoint {
  return {
    create: (ns, rs) => client.replicaSets(ns).create(rs),
    get: (ns, name) => client.replicaSets(ns).get(name),
    update: (ns, rs) => client.replicaSets(ns).update(rs),
    updateStatus: (ns, rs) => client.replicaSets(ns).updateStatus(rs),
    delete: (ns, name) => client.replicaSets(ns).delete(name),
  }
}
