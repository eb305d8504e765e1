/**
 * The one TensorFlow.js backend of the process. The embedder and the ranker
 * share `@tensorflow/tfjs`, whose backend is global, so it is chosen here once.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { ShopmateError } from '../../errors.ts';
import { moduleLogger } from '../../logger.ts';

const log = moduleLogger('embedders');

let chosen: Promise<string> | undefined;

/**
 * Makes TensorFlow.js use the wasm backend (its binaries read from the
 * installed package's dist folder), or the pure-JS cpu backend when wasm
 * cannot start. Safe to call any number of times: the first call decides and
 * every call resolves to the backend's name, `'wasm'` or `'cpu'`.
 */
export function ensureTfBackend(): Promise<string> {
  chosen ??= chooseBackend().catch((error: unknown) => {
    chosen = undefined;
    throw error;
  });
  return chosen;
}

async function chooseBackend(): Promise<string> {
  const started = performance.now();
  // Production mode turns off tfjs's debug checks and its console warnings
  // (the cpu backend suggests installing tfjs-node, which fails here).
  tf.enableProdMode();

  const backend = (await tryWasm()) ? 'wasm' : await useCpu();
  log.info(
    { backend, latencyMs: Math.round(performance.now() - started) },
    'tensorflow.js backend ready',
  );
  return backend;
}

async function tryWasm(): Promise<boolean> {
  try {
    setWasmPaths(wasmFolder());
  } catch (error) {
    // Someone started the wasm backend before us; it has its paths already.
    log.debug({ err: error }, 'wasm paths were set before');
  }
  const before = processErrorListeners();
  try {
    // setBackend resolves false (and tfjs logs nothing in prod mode) when
    // the backend's initialisation fails.
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return tf.getBackend() === 'wasm';
    }
    log.warn('wasm backend failed to start; using cpu');
    return false;
  } catch (error) {
    log.warn({ err: error }, 'wasm backend failed to start; using cpu');
    return false;
  } finally {
    removeListenersAddedSince(before);
  }
}

function processErrorListeners(): Set<unknown> {
  return new Set([
    ...process.listeners('uncaughtException'),
    ...process.listeners('unhandledRejection'),
  ]);
}

/**
 * The wasm module's Emscripten runtime adds process listeners that rethrow
 * every uncaught exception and unhandled rejection. A throwing listener ends
 * the process on the spot, so handlers after it (the server's, logging the
 * error with its code) never run, and Node prints the 30 kB minified line it
 * threw from. Node's defaults already end the process on both events, so the
 * runtime's listeners are removed.
 */
function removeListenersAddedSince(before: Set<unknown>): void {
  for (const listener of process.listeners('uncaughtException'))
    if (!before.has(listener))
      process.removeListener('uncaughtException', listener);
  for (const listener of process.listeners('unhandledRejection'))
    if (!before.has(listener))
      process.removeListener('unhandledRejection', listener);
}

async function useCpu(): Promise<string> {
  if (!(await tf.setBackend('cpu')))
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      'Neither the wasm nor the cpu TensorFlow.js backend could start',
    );
  await tf.ready();
  return 'cpu';
}

function wasmFolder(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@tensorflow/tfjs-backend-wasm');
  // The .wasm binaries sit beside the package's main file in dist/.
  return path.dirname(entry) + path.sep;
}
