export type { Clock, TimerHandle } from './clock.ts'
export { VirtualClock } from './virtual-clock.ts'
export { RealClock } from './real-clock.ts'
export { Random } from './random.ts'
