// client-go's util/workqueue for the engine: the queue, its waiting and delaying layers, the rate
// limiters, the rate-limiting queue controllers use, and a pool of simulated workers.
export { WorkQueue, type GetResult, type Queue } from './queue.ts'
export { newWaitableQueue, type WaitableQueue } from './waitable-queue.ts'
export { newDelayingQueue, type DelayingQueue } from './delaying-queue.ts'
export { MaxOfRateLimiter, type RateLimiter } from './rate-limiter.ts'
export { ItemExponentialFailureRateLimiter } from './item-exponential-failure-rate-limiter.ts'
export { ItemFastSlowRateLimiter } from './item-fast-slow-rate-limiter.ts'
export { BucketRateLimiter } from './bucket-rate-limiter.ts'
export * from './default-rate-limiters.ts'
export { newRateLimitingQueue, type RateLimitingQueue, type RateLimitingQueueOptions } from './rate-limiting-queue.ts'
export { startWorkers, type SyncResult, type WorkerEvent, type WorkerPool, type WorkerPoolOptions } from './worker-pool.ts'
