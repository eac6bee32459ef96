/** Offline review: bundles out to a reviewer's machine, results back to the lead. */
export { exportBundle, type ExportedBundle } from './export-bundle';
export { importBundle, type BundleImportReport } from './import-bundle';
export { exportResults, type ExportedResults } from './export-results';
export { importResults, type ResultsImportReport } from './import-results';
export { RefusedError } from './errors';
export { BUNDLE_FORMAT, RESULTS_FORMAT } from './format';
