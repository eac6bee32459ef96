/**
 * Loaded with `--import` into a Node child to give it what Electron gives a utility process: `process.parentPort`,
 * whose 'message' events carry a MessageEvent ({ data, ports }) and whose postMessage answers the parent. The core host
 * then takes its utility-process path, which Electron itself cannot run here.
 */
import { EventEmitter } from 'node:events';

const port = Object.assign(new EventEmitter(), {
  postMessage(message: unknown) {
    process.send!(message);
  },
});
process.on('message', (data) => port.emit('message', { data, ports: [] }));
Object.defineProperty(process, 'parentPort', { value: port });
