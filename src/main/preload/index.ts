/** The sandboxed preload (built as CommonJS): exposes the named bridge, nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '../../shared/ipc-names.js';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));
