// Entry of worker threads: registers tsx so the worker can run a .ts module
// (workers do not inherit the main thread's loader hooks).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
