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
    if (!(await tf.setBackend('wasm'))) return false;
    await tf.ready();
    return tf.getBackend() === 'wasm';
  } catch (error) {
    log.warn({ err: error }, 'wasm backend failed to start; using cpu');
    return false;
  } finally {
    removeListenersAddedSince(before);
  }
}

type ErrorEvent = 'uncaughtException' | 'unhandledRejection';
const ERROR_EVENTS: ErrorEvent[] = ['uncaughtException', 'unhandledRejection'];

function processErrorListeners(): Map<ErrorEvent, Set<unknown>> {
  return new Map(
    ERROR_EVENTS.map((event) => [event, new Set(process.listeners(event))]),
  );
}

/**
 * The wasm module's Emscripten runtime adds process listeners that rethrow
 * every uncaught exception and unhandled rejection. They would run before the
 * server's own handlers (which could then never log the error with its code),
 * and Node prints the 30 kB minified line they throw from. Node's defaults
 * already end the process on both, so the runtime's listeners go.
 */
function removeListenersAddedSince(
  before: Map<ErrorEvent, Set<unknown>>,
): void {
  for (const event of ERROR_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)?.has(listener))
        process.removeListener(event, listener);
    }
  }
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
