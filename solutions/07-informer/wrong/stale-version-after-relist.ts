// Wrong: after a relist it keeps watching from the resourceVersion it had before the list, so the watch replays changes the list already contained.
import { Informer as Correct } from '../informer.ts'

export * from '../informer.ts'

export class Informer extends Correct {
  protected override listed(resourceVersion: string): void {
    // Only the first list sets the resume point; later ones keep the old, stale one.
    if (this.lastResourceVersion === '') this.lastResourceVersion = resourceVersion
    this.synced = true
  }
}
