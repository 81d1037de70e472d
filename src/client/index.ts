// client-go's tools/cache for the engine: the ListerWatcher seam and its in-memory fake, the
// reflector, the DeltaFIFO, the indexer, shared informers and listers. The work queue lives in
// ./workqueue/.
export type { KubeObject, ListOptions, ListerWatcher, ObjectList, WatchEvent, WatchHandle, WatchOptions, WatchStreamEvent, WatchStreamHandler } from './list-watch.ts'
export { DeletedFinalStateUnknown, isDeletedFinalStateUnknown, metaNamespaceKey, deletionHandlingMetaNamespaceKey, splitMetaNamespaceKey, resourceVersionOf } from './object-keys.ts'
export { NAMESPACE_INDEX, metaNamespaceIndexFunc, type IndexFunc, type Indexers } from './index-funcs.ts'
export { ThreadSafeStore } from './thread-safe-store.ts'
export { Cache, newIndexer, newStore, type Indexer, type KeyFunc, type Store } from './store.ts'
export { DeltaFIFO, dedupDeltas, type Delta, type DeltaType, type KeyListerGetter, type Popped } from './delta-fifo.ts'
export { ExponentialBackoff, type Backoff, type ExponentialBackoffOptions } from './backoff.ts'
export { Reflector, SHORT_WATCH_MS, type ReflectorOptions, type ReflectorStore } from './reflector.ts'
export type { ResourceEventHandler, ResourceEventHandlerRegistration } from './resource-event-handler.ts'
export { SharedIndexInformer, MINIMUM_RESYNC_PERIOD_MS, type SharedIndexInformerOptions } from './shared-informer.ts'
export { Lister, NamespaceLister, listAll, listAllByNamespace, NAMESPACE_ALL } from './lister.ts'
export { FakeListerWatcher, type FakeListerWatcherOptions, type FakeRequest } from './fake-lister-watcher.ts'
export { drive, settle, type DriveResult } from './sim-driver.ts'
export { listerWatcherFromClient, type ListWatchSelectors } from './api-lister-watcher.ts'
