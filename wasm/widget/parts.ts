// A module that arrives in parts: the split widget (split-module.ts) renders its first
// ranking with the Engine alone and gets every other command (run(), the Simulation) after
// that. Code that runs a command asks here first; the single-file widget has everything at
// once and is never waiting.

import type { GapscoreModule } from './module-types';

/** What a module in parts adds to GapscoreModule. */
export interface PartedModule {
  /**
   * null when every command runs now; else a promise that resolves when they do (or rejects
   * when they cannot be fetched: asking again tries again). Asking starts their loading.
   */
  whenComplete(): Promise<void> | null;
}

/** See PartedModule.whenComplete; null for a module that came whole. */
export function commandsOnTheirWay(gs: GapscoreModule | null): Promise<void> | null {
  const parted = gs as Partial<PartedModule> | null;
  return typeof parted?.whenComplete === 'function' ? parted.whenComplete() : null;
}

/** Resolves once every command runs, or their part failed (callers then show its errors). */
export async function commandsSettled(gs: GapscoreModule | null): Promise<void> {
  try {
    await commandsOnTheirWay(gs);
  } catch {
    // run() answers with an errors document naming why
  }
}
