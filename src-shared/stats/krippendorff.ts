import { compareStrings } from './order';
import { buildRatingTable, type RatingTable } from './rating-table';
import type { AlphaMetric, Rating } from './types';

/**
 * Pairable units (those with at least 2 ratings) compressed to their distinct "profiles": how many of the unit's
 * ratings fall in each category. Alpha depends on a unit only through its profile, and with a handful of raters and
 * score levels there are few distinct profiles, so the coincidence matrix is built from profiles × categories², not
 * units, and a bootstrap resample reduces to counting how often each profile was drawn.
 */
export interface AlphaProfiles {
  /** Category scores, ascending. */
  scores: number[];
  /** Profile p's non-zero categories and counts are entries `profileStart[p] .. profileStart[p + 1] - 1`. */
  profileStart: Int32Array;
  profileCategory: Int32Array;
  profileCount: Int32Array;
  /** Ratings in a unit of profile p (m_u). */
  profileSize: Int32Array;
  /** How many pairable units have each profile (the weights of the full sample). */
  profileUnits: Float64Array;
  /** The profile of each pairable unit, units in id order so resampling does not depend on input order. */
  unitProfile: Int32Array;
}

/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), coincidence-matrix
 * method, with missing data: units with fewer than 2 ratings carry no pairable values and are dropped.
 * Metrics: nominal (0/1), ordinal (marginal-frequency-based: (Σ_{g=c..k} n_g - (n_c + n_k)/2)²) and interval
 * (squared score difference).
 *
 * Null (never NaN) when it is undefined: no unit with 2 or more ratings, or only one value among the pairable
 * values (no expected disagreement: 0/0).
 */
export function krippendorffAlpha(ratings: readonly Rating[], metric: AlphaMetric): number | null {
  return alphaOf(alphaProfiles(buildRatingTable(ratings)), metric);
}

export function alphaOf(profiles: AlphaProfiles, metric: AlphaMetric): number | null {
  return alphaFromWeights(profiles, profiles.profileUnits, metric);
}

export function alphaProfiles(table: RatingTable): AlphaProfiles {
  const c = table.scores.length;
  const order = table.units.map((id, u) => ({ id, u })).sort((a, b) => compareStrings(a.id, b.id));
  const counts = new Int32Array(c);
  const profileIds = new Map<string, number>();
  const unitProfile: number[] = [];
  const profileStart: number[] = [0];
  const profileCategory: number[] = [];
  const profileCount: number[] = [];
  const profileSize: number[] = [];
  const profileUnits: number[] = [];
  const present: number[] = [];
  for (const { u } of order) {
    const start = table.unitStart[u]!;
    const end = table.unitStart[u + 1]!;
    if (end - start < 2) continue;
    present.length = 0;
    for (let i = start; i < end; i++) {
      const k = table.categoryIdx[i]!;
      if (counts[k]!++ === 0) present.push(k);
    }
    present.sort((a, b) => a - b);
    const key = present.map((k) => `${k}:${counts[k]}`).join(',');
    let p = profileIds.get(key);
    if (p === undefined) {
      profileIds.set(key, (p = profileIds.size));
      for (const k of present) {
        profileCategory.push(k);
        profileCount.push(counts[k]!);
      }
      profileStart.push(profileCategory.length);
      profileSize.push(end - start);
      profileUnits.push(0);
    }
    profileUnits[p]!++;
    unitProfile.push(p);
    for (const k of present) counts[k] = 0;
  }
  return {
    scores: table.scores,
    profileStart: Int32Array.from(profileStart),
    profileCategory: Int32Array.from(profileCategory),
    profileCount: Int32Array.from(profileCount),
    profileSize: Int32Array.from(profileSize),
    profileUnits: Float64Array.from(profileUnits),
    unitProfile: Int32Array.from(unitProfile),
  };
}

/** Alpha for a sample in which profile p occurs `weights[p]` times (the data itself, or a bootstrap resample). */
export function alphaFromWeights(profiles: AlphaProfiles, weights: ArrayLike<number>, metric: AlphaMetric): number | null {
  const c = profiles.scores.length;
  if (c === 0) return null;
  // Coincidence matrix o_ck: each ordered pair of values within a unit, weighted 1 / (m_u - 1).
  const coincidences = new Float64Array(c * c);
  for (let p = 0; p < profiles.profileSize.length; p++) {
    const w = weights[p]!;
    if (w === 0) continue;
    const scale = w / (profiles.profileSize[p]! - 1);
    const from = profiles.profileStart[p]!;
    const to = profiles.profileStart[p + 1]!;
    for (let a = from; a < to; a++) {
      const ka = profiles.profileCategory[a]!;
      const na = profiles.profileCount[a]!;
      for (let b = from; b < to; b++) {
        const nb = profiles.profileCount[b]! - (a === b ? 1 : 0);
        if (nb > 0) coincidences[ka * c + profiles.profileCategory[b]!]! += scale * na * nb;
      }
    }
  }
  const marginals = new Float64Array(c);
  let n = 0;
  for (let k = 0; k < c; k++) {
    for (let l = 0; l < c; l++) marginals[k]! += coincidences[k * c + l]!;
    n += marginals[k]!;
  }
  if (n < 2) return null;
  const distance = squaredDistances(profiles.scores, marginals, metric);
  let observed = 0;
  let expected = 0;
  for (let k = 0; k < c; k++) {
    for (let l = 0; l < c; l++) {
      const d = distance[k * c + l]!;
      if (d === 0) continue;
      observed += coincidences[k * c + l]! * d;
      expected += marginals[k]! * marginals[l]! * d;
    }
  }
  // Only one value among the pairable values: no expected disagreement, alpha is 0/0.
  if (!(expected > 0)) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** δ²(c, k) for every pair of categories, as a c×c matrix. */
function squaredDistances(scores: readonly number[], marginals: Float64Array, metric: AlphaMetric): Float64Array {
  const c = scores.length;
  const out = new Float64Array(c * c);
  // Running totals of the marginals, for the ordinal metric's Σ_{g=k..l} n_g.
  const cumulative = new Float64Array(c + 1);
  for (let k = 0; k < c; k++) cumulative[k + 1] = cumulative[k]! + marginals[k]!;
  for (let k = 0; k < c; k++) {
    for (let l = k + 1; l < c; l++) {
      let d: number;
      if (metric === 'nominal') d = 1;
      else if (metric === 'interval') d = (scores[l]! - scores[k]!) ** 2;
      else d = (cumulative[l + 1]! - cumulative[k]! - (marginals[k]! + marginals[l]!) / 2) ** 2;
      out[k * c + l] = d;
      out[l * c + k] = d;
    }
  }
  return out;
}
