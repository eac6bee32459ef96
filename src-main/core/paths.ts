import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Both the source tree (src-main/core) and the Electron bundle (out/main) sit two levels below the project root. */
export const projectRoot = (): string => fileURLToPath(new URL('../../', import.meta.url));
export const resourcesDir = (): string => path.join(projectRoot(), 'resources');
export const demoDir = (): string => path.join(resourcesDir(), 'demo');
export const rendererDir = (): string => path.join(projectRoot(), 'out', 'renderer');

/** Where `serve` and the CLI keep data unless --data says otherwise: the same folder the desktop app uses. */
export function defaultDataDir(): string {
  if (process.env.EVIDENCE_WORKBENCH_DATA) return process.env.EVIDENCE_WORKBENCH_DATA;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Evidence Workbench');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Evidence Workbench');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Evidence Workbench');
}
