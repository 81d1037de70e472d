// The in-process client every engine component uses to talk to the API server (never to the
// store): one typed ResourceClient per resource, scoped to a namespace ('' = all namespaces for
// list and watch), with create / get / list / update / updateStatus / patch / delete / watch, and
// bind for pods. Every method returns a Promise; failures reject with an ApiError. Returned
// objects are deeply frozen and shared — copy before changing (structuredClone).
// Mirrors client-go's typed clientsets (kubernetes/typed/core/v1/pod.go and friends, e.g.
// `clientset.CoreV1().Pods(ns).Create`) and the pod expansion's Bind (pod_expansion.go).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import type { Lease } from 'kubernetes-types/coordination/v1'
import type {
  Binding,
  ConfigMap,
  Event,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Secret,
  Service,
} from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import type { SuccessStatus } from './errors/status.ts'
import type { KubeObject } from './registry/object.ts'
import type { ApiServer } from './server/api-server.ts'
import type { DeleteOptions } from './server/generic-registry.ts'
import type { GetOptions, ListOptions, ObjectList, PatchType, WatchOptions } from './types.ts'
import type { WatchHandle, WatchListener } from './watch-event.ts'

/**
 * What a client needs of the API server: its request methods. An ApiServer is one; so is a
 * RemoteEndpoint (remote/remote-endpoint.ts), which carries them to a server in another thread.
 */
export type ApiEndpoint = Pick<ApiServer, 'create' | 'get' | 'list' | 'update' | 'patch' | 'delete' | 'watch' | 'bind'>

/** The kinds the server serves, by plural resource name. */
export interface ResourceTypes {
  namespaces: Namespace
  nodes: Node
  pods: Pod
  services: Service
  endpointslices: EndpointSlice
  configmaps: ConfigMap
  secrets: Secret
  replicasets: ReplicaSet
  deployments: Deployment
  persistentvolumes: PersistentVolume
  persistentvolumeclaims: PersistentVolumeClaim
  leases: Lease
  events: Event
}

export type ResourceName = keyof ResourceTypes

export interface ResourceClient<T extends KubeObject> {
  create(obj: T): Promise<T>
  get(name: string, options?: GetOptions): Promise<T>
  list(options?: ListOptions): Promise<ObjectList<T>>
  /** Replace the object; a metadata.resourceVersion that is not the current one is a 409 Conflict. */
  update(obj: T): Promise<T>
  /** Replace the status (the status subresource); spec changes are ignored. */
  updateStatus(obj: T): Promise<T>
  patch(name: string, type: PatchType, patch: unknown, options?: { subresource?: 'status' }): Promise<T>
  /** Delete, or begin a graceful / finalizer-held deletion; resolves to the object's last or current state. */
  delete(name: string, options?: DeleteOptions): Promise<T>
  watch(options: WatchOptions, listener: WatchListener<T>): Promise<WatchHandle>
}

export interface PodClient extends ResourceClient<Pod> {
  /** pods/binding: assign the pod named by binding.metadata.name to binding.target.name. */
  bind(binding: Binding): Promise<SuccessStatus>
}

export interface NamespaceClient extends ResourceClient<Namespace> {
  /** namespaces/finalize: replace spec.finalizers (an emptied list lets a Terminating namespace go). */
  finalize(obj: Namespace): Promise<Namespace>
}

function resourceClient<T extends KubeObject>(server: ApiEndpoint, resource: ResourceName, namespace: string): ResourceClient<T> {
  // The client's namespace wins, as in client-go; a client for all namespaces ('') uses the object's.
  const nsOf = (obj: KubeObject): string => namespace || obj.metadata?.namespace || ''
  return {
    create: (obj) => server.create(resource, nsOf(obj), obj),
    get: (name, options) => server.get(resource, namespace, name, options),
    list: (options) => server.list(resource, namespace, options),
    update: (obj) => server.update(resource, nsOf(obj), obj),
    updateStatus: (obj) => server.update(resource, nsOf(obj), obj, { subresource: 'status' }),
    patch: (name, type, patch, options) => server.patch(resource, namespace, name, type, patch, options),
    delete: (name, options) => server.delete(resource, namespace, name, options),
    watch: (options, listener) => server.watch(resource, namespace, options, listener),
  }
}

/** The client: `client.pods('default').create(pod)`, `client.nodes().list()`, `client.resource('leases', 'kube-node-lease')`. */
export class ApiClient {
  readonly #server: ApiEndpoint
  // The typed clients are stateless, so one per (resource, namespace) serves every call: the
  // scheduler asks for `pods(ns)` once or twice per pod, and building them was 5% of its time.
  readonly #clients = new Map<string, ResourceClient<KubeObject>>()

  constructor(server: ApiEndpoint) {
    this.#server = server
  }

  #cached<C extends ResourceClient<KubeObject>>(resource: ResourceName, namespace: string, make: () => C): C {
    const key = `${resource}/${namespace}`
    let client = this.#clients.get(key)
    if (client === undefined) this.#clients.set(key, (client = make()))
    return client as C
  }

  resource<R extends ResourceName>(resource: R, namespace = ''): ResourceClient<ResourceTypes[R]> {
    return this.#cached(resource, namespace, () => resourceClient<ResourceTypes[R]>(this.#server, resource, namespace))
  }

  pods(namespace = ''): PodClient {
    const server = this.#server
    return this.#cached('pods', namespace, (): PodClient => ({
      ...resourceClient<Pod>(server, 'pods', namespace),
      bind: (binding) => server.bind(namespace || binding.metadata?.namespace || '', binding),
    }))
  }

  namespaces(): NamespaceClient {
    const server = this.#server
    return this.#cached('namespaces', '', (): NamespaceClient => ({
      ...resourceClient<Namespace>(server, 'namespaces', ''),
      finalize: (obj) => server.update('namespaces', '', obj, { subresource: 'finalize' }),
    }))
  }

  nodes(): ResourceClient<Node> {
    return this.resource('nodes')
  }
  services(namespace = ''): ResourceClient<Service> {
    return this.resource('services', namespace)
  }
  endpointSlices(namespace = ''): ResourceClient<EndpointSlice> {
    return this.resource('endpointslices', namespace)
  }
  configMaps(namespace = ''): ResourceClient<ConfigMap> {
    return this.resource('configmaps', namespace)
  }
  secrets(namespace = ''): ResourceClient<Secret> {
    return this.resource('secrets', namespace)
  }
  replicaSets(namespace = ''): ResourceClient<ReplicaSet> {
    return this.resource('replicasets', namespace)
  }
  deployments(namespace = ''): ResourceClient<Deployment> {
    return this.resource('deployments', namespace)
  }
  persistentVolumes(): ResourceClient<PersistentVolume> {
    return this.resource('persistentvolumes')
  }
  persistentVolumeClaims(namespace = ''): ResourceClient<PersistentVolumeClaim> {
    return this.resource('persistentvolumeclaims', namespace)
  }
  leases(namespace = ''): ResourceClient<Lease> {
    return this.resource('leases', namespace)
  }
  events(namespace = ''): ResourceClient<Event> {
    return this.resource('events', namespace)
  }
}
