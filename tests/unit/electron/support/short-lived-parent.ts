/**
 * A parent that starts a core host on the data directory given as its argument (and the database URL given after it,
 * if any), prints the host's pid, and dies without closing it: what a crashed Node parent leaves behind.
 */
import path from 'node:path';
import { createCoreClient } from '../../../../src-main/electron/core-client';
import { nodeHost, type HostProcess } from '../../../../src-main/electron/host-process';

let host: HostProcess | undefined;
const client = createCoreClient({
  spawn: () => (host = nodeHost(path.resolve('src-main/electron/core-host.ts'), ['--import', 'tsx'])),
  host: { dataDir: process.argv[2]!, loadDemo: false, ...(process.argv[3] ? { databaseUrl: process.argv[3] } : {}) },
});
await client.start();
console.log(host!.pid);
process.kill(process.pid, 'SIGKILL');
