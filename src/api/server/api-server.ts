// The API server: every request the engine's components make goes through here. It owns the
// resource registry, one EtcdStorage per resource over the KeyValueStore, the cacher, the
// admission chain and the Service IP allocator, and serves create / get / list / update / patch /
// delete / watch for each resource, plus the status, finalize and pods/binding subresources.
// Mirrors the request handlers of staging/src/k8s.io/apiserver/pkg/endpoints/handlers/ (create.go,
// get.go, update.go, patch.go, delete.go, watch.go) over the generic registry
// (generic-registry.ts), pkg/registry/core/pod/storage/storage.go (BindingREST, assignPod) and
// pkg/controlplane/controller/systemnamespaces (default, kube-system, kube-public, kube-node-lease).
// Events are not watch-cached (pkg/registry/core/event/storage/storage.go decorates them with
// generic.UndecoratedStorage): their gets, lists and watches go to storage.
import type { Binding, Namespace, Service } from 'kubernetes-types/core/v1'
import type { KeyValueStore } from '../../store/index.ts'
import type { Clock } from '../../sim/clock.ts'
import type { Random } from '../../sim/random.ts'
import { AdmissionChain } from '../admission/chain.ts'
import { defaultTolerationSeconds } from '../admission/default-toleration-seconds.ts'
import type { MutatingAdmissionPlugin, ValidatingAdmissionPlugin } from '../admission/interfaces.ts'
import { namespaceLifecycle } from '../admission/namespace-lifecycle.ts'
import { Cacher } from '../cacher/cacher.ts'
import { compilePredicate, nodeNameTrigger } from '../cacher/watch-filter.ts'
import { newBadRequest, newNotFound, newTooLargeResourceVersion } from '../errors/api-errors.ts'
import { isApiError, type SuccessStatus } from '../errors/status.ts'
import { applyJsonMergePatch, type Json } from '../patch/json-merge-patch.ts'
import { applyJsonPatch, type JsonPatchOperation } from '../patch/json-patch.ts'
import { applyStrategicMergePatch, PatchError } from '../patch/strategic-merge-patch.ts'
import { rfc3339, type KubeObject } from '../registry/object.ts'
import { ResourceRegistry } from '../registry/registry.ts'
import { isEmpty, isEmptyFieldSelector } from '../selectors/index.ts'
import { REGISTRY_ROOT, listPrefix, objectKey, type ResourceInfo } from '../registry/resource-info.ts'
import { ObjectCodec } from '../storage/codec.ts'
import { decodeContinue } from '../storage/continue-token.ts'
import { EtcdStorage } from '../storage/etcd-storage.ts'
import { watchStorage } from '../storage/storage-watch.ts'
import type { GetOptions, ListOptions, ObjectList, PatchType, WatchOptions } from '../types.ts'
import type { WatchHandle, WatchListener } from '../watch-event.ts'
import { GenericRegistry, type DeleteOptions, type RegistryHooks, type UpdateOptions } from './generic-registry.ts'
import { listSource, parseRevision, parseSelectors, validateResourceVersionMatch } from './request-options.ts'
import { ServiceIpAllocator } from './service-ip-allocator.ts'
import { serviceHooks } from './service-hooks.ts'
import { bindPod } from './binding.ts'

export interface ApiServerOptions {
  readonly store: KeyValueStore
  readonly clock: Clock
  readonly random: Random
  /** Events the watch cache keeps (default 10 000). */
  readonly watchCacheCapacity?: number
  /** Clock time between periodic watch bookmarks (default 60 000 ms). */
  readonly bookmarkIntervalMs?: number
  /** The service cluster IP range (default 10.96.0.0/12). */
  readonly serviceCidr?: string
  /** Extra admission plugins, run after the built-in ones of their kind. */
  readonly mutatingAdmission?: readonly MutatingAdmissionPlugin[]
  readonly validatingAdmission?: readonly ValidatingAdmissionPlugin[]
  /** Namespaces that exist from the start (default: default, kube-system, kube-public, kube-node-lease). */
  readonly systemNamespaces?: readonly string[]
}

export const SYSTEM_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease']

const success = (code: number): SuccessStatus => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code })

export class ApiServer {
  readonly registry: ResourceRegistry
  readonly #clock: Clock
  readonly #store: KeyValueStore
  readonly #cacher: Cacher
  readonly #registries = new Map<string, GenericRegistry>()
  readonly #ips: ServiceIpAllocator
  readonly #codec: ObjectCodec
  /** Watches served from storage (uncached resources), stopped with the server. */
  readonly #storageWatches = new Set<WatchHandle>()

  private constructor(options: ApiServerOptions) {
    this.registry = new ResourceRegistry()
    this.#clock = options.clock
    this.#store = options.store
    const codec = new ObjectCodec()
    this.#codec = codec
    this.#cacher = new Cacher({
      kv: options.store,
      codec,
      registry: this.registry,
      clock: options.clock,
      capacity: options.watchCacheCapacity,
      bookmarkIntervalMs: options.bookmarkIntervalMs,
    })
    const random = options.random.fork()
    this.#ips = new ServiceIpAllocator(options.serviceCidr ?? '10.96.0.0/12', options.random.fork())
    const namespaces = this.registry.lookup('namespaces')!
    const admission = new AdmissionChain(
      [namespaceLifecycle({ get: (name) => this.#cacher.get(namespaces, objectKey(namespaces, '', name)) as Namespace | undefined }), defaultTolerationSeconds(), ...(options.mutatingAdmission ?? [])],
      [...(options.validatingAdmission ?? [])],
    )
    const ctx = { clock: options.clock, random, admission, cacher: this.#cacher }
    for (const info of this.registry.all) {
      const hooks: RegistryHooks = info.kind === 'Service' ? serviceHooks(this.#ips) : {}
      this.#registries.set(info.plural, new GenericRegistry(info, new EtcdStorage(options.store, codec, info), ctx, hooks))
    }
  }

  /** Start a server: fill the watch cache from the store, rebuild IP allocations, create the system namespaces. */
  static async start(options: ApiServerOptions): Promise<ApiServer> {
    const server = new ApiServer(options)
    await server.#cacher.start()
    const services = server.registry.lookup('services')!
    for (const svc of server.#cacher.list(services, '', () => true, 0).items as Service[]) {
      if (svc.spec?.clusterIP) server.#ips.allocateIP(svc.spec.clusterIP)
      for (const p of svc.spec?.ports ?? []) if (p.nodePort) server.#ips.nodePorts.allocate(p.nodePort)
    }
    for (const name of options.systemNamespaces ?? SYSTEM_NAMESPACES) {
      try {
        await server.create('namespaces', '', { metadata: { name } })
      } catch (error) {
        if (!isApiError(error, 'AlreadyExists')) throw error
      }
    }
    return server
  }

  async stop(): Promise<void> {
    for (const handle of [...this.#storageWatches]) handle.stop()
    await this.#cacher.stop()
  }

  /** The watch cache's revision (for tests and tools). */
  get cacheRevision(): number {
    return this.#cacher.revision
  }

  async create<T extends KubeObject>(resource: string, namespace: string, obj: T): Promise<T> {
    const reg = this.#registry(resource)
    return (await reg.create(this.#namespace(reg.info, namespace), obj)) as T
  }

  async get<T extends KubeObject>(resource: string, namespace: string, name: string, options: GetOptions = {}): Promise<T> {
    const reg = this.#registry(resource)
    const ns = this.#namespace(reg.info, namespace)
    const rv = options.resourceVersion ?? ''
    const key = reg.key(ns, name)
    if (rv === '' || !reg.info.watchCache) {
      const stored = await reg.storage.get(key)
      // Uncached: read from storage, which must have reached the version asked for.
      if (rv !== '') await this.#atLeast(parseRevision(rv))
      if (stored === undefined) throw newNotFound(reg.info.groupResource, name)
      return stored.obj as T
    }
    await this.#cacher.waitUntilFresh(parseRevision(rv))
    const obj = this.#cacher.get(reg.info, key)
    if (obj === undefined) throw newNotFound(reg.info.groupResource, name)
    return obj as T
  }

  async list<T extends KubeObject>(resource: string, namespace: string, options: ListOptions = {}): Promise<ObjectList<T>> {
    const reg = this.#registry(resource)
    const info = reg.info
    const ns = info.namespaced ? namespace : ''
    const selectors = parseSelectors(info, options.labelSelector, options.fieldSelector)
    const matches = compilePredicate({ resource: info, namespace: ns, ...selectors })
    // The key prefix already scopes the namespace; only selectors need a filter on store reads.
    const filter = isEmpty(selectors.label) && isEmptyFieldSelector(selectors.field) ? undefined : matches
    const source = listSource(options)
    const limit = options.limit ?? 0
    const prefix = listPrefix(info, ns)
    let page: { items: KubeObject[]; revision: number; continueToken?: string; remainingItemCount?: number }
    if (source.type === 'cache' && !info.watchCache) {
      // Uncached: the latest state from storage, no older than the version asked for.
      page = await reg.storage.list(prefix, { revision: 0, limit, filter, paging: false })
      if (source.notOlderThan > page.revision) throw newTooLargeResourceVersion(source.notOlderThan, page.revision, 0)
    } else if (source.type === 'cache') {
      await this.#cacher.waitUntilFresh(source.consistent ? await this.#currentRevision() : source.notOlderThan)
      page = this.#cacher.list(info, ns, matches, limit)
    } else if (source.type === 'store') {
      page = await reg.storage.list(prefix, { revision: source.revision, limit, filter: filter, paging: false })
    } else {
      const token = decodeContinue(source.token, info.keyPrefix)
      if (!token.startKey.startsWith(prefix)) throw newBadRequest('invalid continue token: continue key is not valid: key is outside the list')
      page = await reg.storage.list(prefix, { revision: token.revision < 0 ? 0 : token.revision, startKey: token.startKey, limit, filter, paging: true })
    }
    return {
      apiVersion: info.apiVersion,
      kind: `${info.kind}List`,
      metadata: {
        resourceVersion: String(page.revision),
        ...(page.continueToken ? { continue: page.continueToken } : {}),
        ...(page.remainingItemCount !== undefined ? { remainingItemCount: page.remainingItemCount } : {}),
      },
      items: page.items as T[],
    }
  }

  /** Replace an object (or its status / finalize subresource); metadata.resourceVersion, when set, must be current. */
  async update<T extends KubeObject>(resource: string, namespace: string, obj: T, options: UpdateOptions = {}): Promise<T> {
    const reg = this.#registry(resource)
    const name = obj.metadata?.name
    if (!name) throw newBadRequest('name is required')
    return (await reg.update(this.#namespace(reg.info, namespace), name, () => obj, options)) as T
  }

  async patch<T extends KubeObject>(resource: string, namespace: string, name: string, type: PatchType, patch: unknown, options: UpdateOptions = {}): Promise<T> {
    const reg = this.#registry(resource)
    const kind = reg.info.kind
    return (await reg.update(
      this.#namespace(reg.info, namespace),
      name,
      (current) => {
        if (current === undefined) throw newNotFound(reg.info.groupResource, name)
        try {
          const patched =
            type === 'merge'
              ? applyJsonMergePatch(current, patch)
              : type === 'strategic'
                ? applyStrategicMergePatch(current, patch, kind)
                : applyJsonPatch(current as unknown as Json, patch as JsonPatchOperation[])
          return patched as KubeObject
        } catch (error) {
          if (error instanceof PatchError) throw newBadRequest(error.message)
          throw error
        }
      },
      options,
    )) as T
  }

  async delete<T extends KubeObject>(resource: string, namespace: string, name: string, options: DeleteOptions = {}): Promise<T> {
    const reg = this.#registry(resource)
    return (await reg.delete(this.#namespace(reg.info, namespace), name, options)) as T
  }

  async watch<T extends KubeObject>(resource: string, namespace: string, options: WatchOptions, listener: WatchListener<T>): Promise<WatchHandle> {
    const reg = this.#registry(resource)
    const info = reg.info
    const ns = info.namespaced ? namespace : ''
    const selectors = parseSelectors(info, options.labelSelector, options.fieldSelector)
    const predicate = { resource: info, namespace: ns, ...selectors }
    const rv = options.resourceVersion ?? ''
    validateResourceVersionMatch(rv, options.resourceVersionMatch, false)
    if (options.sendInitialEvents && rv !== '' && rv !== '0' && options.resourceVersionMatch !== 'NotOlderThan') {
      throw newBadRequest('sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless resourceVersionMatch is NotOlderThan')
    }
    if (!info.watchCache) return this.#watchStorage(info, ns, predicate, options, listener as WatchListener)
    let start: { type: 'state' } | { type: 'revision'; revision: number }
    if (options.sendInitialEvents) {
      await this.#cacher.waitUntilFresh(rv === '' ? await this.#currentRevision() : parseRevision(rv))
      start = { type: 'state' }
    } else if (rv === '' || rv === '0') {
      if (rv === '') await this.#cacher.waitUntilFresh(await this.#currentRevision())
      start = { type: 'state' }
    } else {
      const revision = parseRevision(rv)
      await this.#cacher.waitUntilFresh(revision)
      start = { type: 'revision', revision }
    }
    return this.#cacher.watch({
      resource: info,
      namespace: ns,
      matches: compilePredicate(predicate),
      nodeName: nodeNameTrigger(predicate),
      start,
      allowBookmarks: options.allowWatchBookmarks ?? false,
      initialEventsEndBookmark: (options.sendInitialEvents ?? false) && (options.allowWatchBookmarks ?? false),
      listener: listener as WatchListener,
    })
  }

  /**
   * pods/binding: set spec.nodeName of an unassigned pod (with the binding's annotations and a
   * PodScheduled=True condition). A pod already assigned, or being deleted, is a 409.
   */
  async bind(namespace: string, binding: Binding): Promise<SuccessStatus> {
    const reg = this.#registry('pods')
    await bindPod(reg, this.#namespace(reg.info, namespace), binding, rfc3339(this.#clock.now()))
    return success(201)
  }

  #registry(resource: string): GenericRegistry {
    const reg = this.#registries.get(resource)
    if (reg === undefined) throw newNotFound({ group: '', resource }, '')
    return reg
  }

  #namespace(info: ResourceInfo, namespace: string): string {
    if (!info.namespaced) return ''
    if (namespace === '') throw newBadRequest('the server could not find the requested resource: a namespace is required for namespaced resources')
    return namespace
  }

  /**
   * A watch of an uncached resource, from storage (etcd3/store.go Watch): "" and "0" start from
   * the current state, any other version watches the changes after it.
   */
  async #watchStorage(info: ResourceInfo, namespace: string, predicate: Parameters<typeof compilePredicate>[0], options: WatchOptions, listener: WatchListener): Promise<WatchHandle> {
    const rv = options.resourceVersion ?? ''
    const initialEvents = options.sendInitialEvents ?? false
    if (initialEvents && rv !== '') await this.#atLeast(parseRevision(rv))
    const fromState = initialEvents || rv === '' || rv === '0'
    const handle = await watchStorage(this.#store, this.#codec, {
      resource: info,
      namespace,
      matches: compilePredicate(predicate),
      start: fromState ? { type: 'state' } : { type: 'revision', revision: parseRevision(rv) },
      allowBookmarks: options.allowWatchBookmarks ?? false,
      initialEventsEndBookmark: initialEvents && (options.allowWatchBookmarks ?? false),
      listener,
      onStop: (stopped) => this.#storageWatches.delete(stopped),
    })
    if (handle.active) this.#storageWatches.add(handle)
    return handle
  }

  /** 504 unless storage has reached `revision` (validateMinimumResourceVersion in etcd3/store.go). */
  async #atLeast(revision: number): Promise<void> {
    if (revision === 0) return
    const current = await this.#currentRevision()
    if (revision > current) throw newTooLargeResourceVersion(revision, current, 0)
  }

  /** The store's current revision (a consistent read's target), from a one-key read. */
  async #currentRevision(): Promise<number> {
    return (await this.#store.range({ key: REGISTRY_ROOT, countOnly: true })).header.revision
  }
}
