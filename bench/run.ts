/** `npm run bench`: prints each benchmark's figures. Pass names to run a subset, e.g. `npm run bench -- queue`. */
import { benchImport } from './import.bench';
import { benchQueue } from './queue.bench';
import { benchPanels } from './panels.bench';
import { benchAgreement } from './agreement.bench';
import { benchWorkbench } from './workbench.bench';
import { benchCalibration } from './calibration.bench';
import { benchCoreProcess } from './core-process.bench';
import { benchDatabases } from './databases.bench';

const BENCHES: Record<string, () => Promise<Record<string, string>>> = {
  import: () => benchImport(),
  queue: () => benchQueue(),
  panels: () => benchPanels(),
  agreement: () => benchAgreement(),
  calibration: () => benchCalibration(),
  workbench: () => benchWorkbench(),
  'core-process': () => benchCoreProcess(),
  databases: () => benchDatabases(),
  // Browser-side code (DOM types): loaded by path so the node type check does not take it in; it is checked by tsconfig.e2e.json.
  viewer: async () => ((await import(`./${'viewer'}.bench.ts`)) as { benchViewer(): Promise<Record<string, string>> }).benchViewer(),
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const figures = await run();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(52)} ${v}`);
}
