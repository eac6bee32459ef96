import { alphaFromWeights, alphaOf, alphaProfiles, type AlphaProfiles } from './krippendorff';
import { Mulberry32 } from './prng';
import { buildRatingTable } from './rating-table';
import type { AlphaMetric, Rating } from './types';

export interface BootstrapOptions {
  /** Number of resamples; default 1000. */
  resamples?: number;
  /** PRNG seed; default 1. The same data and seed give the same interval. */
  seed?: number;
}

/**
 * 95 % percentile bootstrap interval for Krippendorff's alpha, resampling pairable units with replacement (a
 * unit's ratings travel together, as they are not independent). Units are taken in id order, so the interval does
 * not depend on the order of `ratings`. Resamples in which alpha is undefined (e.g. every drawn unit has one
 * score) are left out of the percentiles.
 *
 * Null when alpha itself is undefined for the data, or when `resamples` is below 1.
 */
export function alphaBootstrap(ratings: readonly Rating[], metric: AlphaMetric, options: BootstrapOptions = {}): [number, number] | null {
  return alphaBootstrapOf(alphaProfiles(buildRatingTable(ratings)), metric, options);
}

export function alphaBootstrapOf(profiles: AlphaProfiles, metric: AlphaMetric, { resamples = 1000, seed = 1 }: BootstrapOptions = {}): [number, number] | null {
  if (alphaOf(profiles, metric) === null) return null;
  const count = Math.floor(resamples);
  if (!(count >= 1)) return null;
  const random = new Mulberry32(seed);
  const units = profiles.unitProfile;
  const n = units.length;
  const weights = new Int32Array(profiles.profileSize.length);
  const alphas: number[] = [];
  for (let r = 0; r < count; r++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[units[random.below(n)]!]!++;
    const alpha = alphaFromWeights(profiles, weights, metric);
    if (alpha !== null) alphas.push(alpha);
  }
  if (alphas.length === 0) return null;
  alphas.sort((a, b) => a - b);
  return [quantile(alphas, 0.025), quantile(alphas, 0.975)];
}

/** Linearly interpolated quantile of sorted values (Hyndman & Fan type 7, R's default). */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
