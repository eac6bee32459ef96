/**
 * Preload for the sandboxed, context-isolated renderer. It is bundled into a single CommonJS file (a sandboxed preload
 * can only require 'electron') and exposes nothing but the DesktopBridge: two fixed IPC channels and the evidence URL.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'evidenceWorkbench',
  createBridge((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
