import { Worker } from 'node:worker_threads';
import { ShopmateError } from '../errors.ts';

interface WorkerMessage<T> {
  progress?: string;
  done?: T;
  error?: string;
}

/**
 * Runs a .ts module in a worker thread (through the tsx shim) and resolves
 * with the `done` value it posts; `progress` messages are passed on.
 */
export function runTsWorker<T>(
  entry: URL,
  data: Record<string, unknown>,
  onProgress: (text: string) => void = () => {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
      workerData: { ...data, entry: entry.href },
    });
    const fail = (message: string, cause?: unknown) =>
      reject(new ShopmateError('INTERNAL', message, { cause }));
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.progress) onProgress(message.progress);
      if (message.done !== undefined) resolve(message.done);
      if (message.error) fail(`Worker failed: ${message.error}`);
    });
    worker.on('error', (error) => fail('Worker crashed', error));
    worker.on('exit', (code) => {
      if (code !== 0) fail(`Worker exited with ${code}`);
    });
  });
}
