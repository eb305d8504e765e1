/**
 * `shopmate data:fetch`: downloads the public data sets, converts the UCI
 * workbooks, verifies every file, and only then moves each data set into
 * DATA_DIR — a data set is installed whole or not at all, and no file in
 * DATA_DIR is ever half written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ShopmateError, toShopmateError } from '../../errors.ts';
import { moduleLogger } from '../../logger.ts';
import { sha256File } from './checksum.ts';
import type { DataFile, Dataset, Manifest } from './manifest.ts';
import { DATA_SOURCES } from './sources.ts';
import { ArchiveCache, stageFile, type StageContext } from './stage-file.ts';
import { inspectRetailParquet } from './verify-retail.ts';

const log = moduleLogger('data-fetch');

export interface FetchDataOptions {
  dataDir: string;
  /** Scratch folder for downloads and conversions; a temp folder if unset. */
  workDir?: string;
  /** Fetch again even when DATA_DIR already holds valid files. */
  force?: boolean;
  /** Only these data sets (ids of the manifest). */
  only?: readonly string[];
  /**
   * A folder with files downloaded by hand (archives, workbooks, CSVs) or a
   * copy of a DATA_DIR; what is there and checks out is used, not downloaded.
   */
  from?: string;
  /** The manifest; tests point it at a loopback server. */
  sources?: Manifest;
  download?: StageContext['download'];
  onProgress?: (text: string) => void;
}

export type DatasetStatus = 'present' | 'installed' | 'failed';

export interface DatasetOutcome {
  id: string;
  status: DatasetStatus;
  /** Paths inside DATA_DIR that were installed (or found valid). */
  files: string[];
  warnings: string[];
  error?: string;
}

export interface FetchSummary {
  dataDir: string;
  datasets: DatasetOutcome[];
}

interface Run extends StageContext {
  options: FetchDataOptions;
}

/** Fetches every (or each `only`) data set into `dataDir`; never throws per set. */
export async function fetchData(
  options: FetchDataOptions,
): Promise<FetchSummary> {
  const sources = selectDatasets(options.sources ?? DATA_SOURCES, options.only);
  const run: Run = {
    options,
    from: options.from,
    download: options.download,
    progress: options.onProgress ?? (() => {}),
    offline: false,
  };
  const datasets: DatasetOutcome[] = [];
  for (const dataset of sources)
    datasets.push(await fetchDataset(run, dataset));
  return { dataDir: options.dataDir, datasets };
}

function selectDatasets(
  manifest: Manifest,
  only: readonly string[] | undefined,
): Manifest {
  if (!only || only.length === 0) return manifest;
  const known = manifest.map((dataset) => dataset.id);
  const unknown = only.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw new ShopmateError(
      'INVALID_INPUT',
      `Unknown data set ${unknown.join(', ')}; choose from ${known.join(', ')}.`,
    );
  return manifest.filter((dataset) => only.includes(dataset.id));
}

async function fetchDataset(
  run: Run,
  dataset: Dataset,
): Promise<DatasetOutcome> {
  const { dataDir, force } = run.options;
  const outcome: DatasetOutcome = {
    id: dataset.id,
    status: 'present',
    files: dataset.files.map((file) => file.path),
    warnings: [],
  };
  const problems = await Promise.all(
    dataset.files.map((file) => inspectInstalled(dataDir, file)),
  );
  const needed = force
    ? dataset.files
    : dataset.files.filter((_, index) => problems[index] !== undefined);
  if (needed.length === 0) {
    run.progress(
      `${dataset.id}: already in DATA_DIR and valid (${dataset.files.length} files); --force fetches again`,
    );
    return outcome;
  }
  for (const [index, problem] of problems.entries())
    if (problem && problem !== 'missing')
      run.progress(`${dataset.id}: ${dataset.files[index].path}: ${problem}`);

  run.progress(`${dataset.id}: fetching ${needed.length} file(s)`);
  const staging = await makeStaging(run.options.workDir, dataset.id);
  try {
    const archives = new ArchiveCache(run, dataset, staging);
    const staged: [DataFile, string][] = [];
    for (const file of needed) {
      const target = path.join(staging, 'out', file.path);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      outcome.warnings.push(...(await stageFile(run, archives, file, target)));
      staged.push([file, target]);
    }
    for (const [file, stagedPath] of staged)
      await installFile(stagedPath, path.join(dataDir, file.path));
    outcome.status = 'installed';
    outcome.files = needed.map((file) => file.path);
    run.progress(
      `${dataset.id}: installed ${needed.length} file(s) in ${path.join(dataDir, dataset.id)}`,
    );
  } catch (error) {
    const failure = withHints(toShopmateError(error), dataset);
    if (failure.details?.offline === true) run.offline = true;
    outcome.status = 'failed';
    outcome.files = [];
    outcome.error = failure.message;
    log.debug(
      { dataset: dataset.id, code: failure.code },
      'data set not fetched',
    );
    run.progress(`${dataset.id}: FAILED — ${failure.message}`);
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
  for (const warning of outcome.warnings)
    run.progress(`${dataset.id}: warning: ${warning}`);
  return outcome;
}

/** What is wrong with the installed copy of `file`; undefined when valid. */
export async function inspectInstalled(
  dataDir: string,
  file: DataFile,
): Promise<string | undefined> {
  const filePath = path.join(dataDir, file.path);
  if (!fs.existsSync(filePath)) return 'missing';
  if (file.kind === 'retail-workbook')
    return inspectRetailParquet(filePath, file);
  const got = await sha256File(filePath);
  return got === file.sha256
    ? undefined
    : `sha256 ${got} differs from the expected ${file.sha256}`;
}

async function makeStaging(
  workDir: string | undefined,
  id: string,
): Promise<string> {
  const root = workDir ?? os.tmpdir();
  await fs.promises.mkdir(root, { recursive: true });
  return fs.promises.mkdtemp(path.join(root, `shopmate-fetch-${id}-`));
}

/** Moves a verified file into place; its final name never holds a partial file. */
async function installFile(staged: string, target: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.promises.rename(staged, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Another file system: copy beside the target, then rename over it.
    const partial = path.join(
      path.dirname(target),
      `.${path.basename(target)}.partial-${process.pid}`,
    );
    await fs.promises.copyFile(staged, partial);
    await fs.promises.rename(partial, target);
  }
}

/** Adds where to download by hand, when the manifest says. */
function withHints(error: ShopmateError, dataset: Dataset): ShopmateError {
  if (error.code !== 'DATA_MISSING' || !dataset.manualDownload) return error;
  return new ShopmateError(
    error.code,
    `${error.message} To download by hand: ${dataset.manualDownload}; then run \`shopmate data:fetch --from <that folder>\`.`,
    { cause: error.cause, details: error.details },
  );
}
