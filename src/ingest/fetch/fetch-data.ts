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
import { readArchiveMembers, listArchive } from './archive.ts';
import { checksumMismatch, sha256Bytes, sha256File } from './checksum.ts';
import { convertRetailWorkbook } from './convert-retail.ts';
import { downloadFile, type DownloadOptions } from './download.ts';
import type {
  Archive,
  DataFile,
  Dataset,
  Manifest,
  RetailWorkbookFile,
} from './manifest.ts';
import { DATA_SOURCES } from './sources.ts';
import {
  compareFingerprint,
  fingerprintRetailParquet,
  inspectRetailParquet,
  retailFileFor,
} from './verify-retail.ts';

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
  download?: Pick<
    DownloadOptions,
    'attempts' | 'retryDelayMs' | 'idleTimeoutMs'
  >;
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

interface Run {
  options: FetchDataOptions;
  progress: (text: string) => void;
  /** After one "no network" failure, later downloads try each URL once. */
  offline: boolean;
}

/** Fetches every (or each `only`) data set into `dataDir`; never throws per set. */
export async function fetchData(
  options: FetchDataOptions,
): Promise<FetchSummary> {
  const sources = selectDatasets(options.sources ?? DATA_SOURCES, options.only);
  const run: Run = {
    options,
    progress: options.onProgress ?? (() => {}),
    offline: false,
  };
  const datasets: DatasetOutcome[] = [];
  for (const dataset of sources) datasets.push(await fetchDataset(run, dataset));
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
    log.warn({ dataset: dataset.id, code: failure.code }, 'data set not fetched');
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

/** Produces `file` at `target` (in the staging folder); returns warnings. */
async function stageFile(
  run: Run,
  archives: ArchiveCache,
  file: DataFile,
  target: string,
): Promise<string[]> {
  if (file.kind === 'retail-workbook')
    return stageRetailWorkbook(run, archives, file, target);
  if (await copyVerifiedLocal(run, file, target)) return [];
  if (file.kind === 'download') {
    await downloadFile(file.urls, target, downloadOptions(run, file.path, file.sha256));
    return [];
  }
  const archivePath = await archives.get(file.archive);
  const members = readArchiveMembers(archivePath, file.member);
  if (members.length === 0) throw memberMissing(archivePath, file.member);
  const match = members.find((m) => sha256Bytes(m.bytes) === file.sha256);
  if (!match)
    throw checksumMismatch(file.path, file.sha256, sha256Bytes(members[0].bytes));
  await fs.promises.writeFile(target, match.bytes);
  return [];
}

/**
 * With --from, a file already there (in the DATA_DIR layout or under one of
 * its download names) is copied when its sha256 is the expected one.
 */
async function copyVerifiedLocal(
  run: Run,
  file: Exclude<DataFile, RetailWorkbookFile>,
  target: string,
): Promise<boolean> {
  const names =
    file.kind === 'download' ? file.fileNames : [file.member];
  for (const candidate of localCandidates(run, file.path, names)) {
    const got = await sha256File(candidate);
    if (got === file.sha256) {
      await fs.promises.copyFile(candidate, target);
      run.progress(`  ${file.path}: taken from ${candidate}`);
      return true;
    }
    run.progress(
      `  ${file.path}: ignoring ${candidate} (sha256 ${got}, expected ${file.sha256})`,
    );
  }
  return false;
}

function localCandidates(
  run: Run,
  dataPath: string,
  names: readonly string[],
): string[] {
  const from = run.options.from;
  if (!from) return [];
  return [dataPath, ...names]
    .map((name) => path.join(from, name))
    .filter((candidate, index, all) => all.indexOf(candidate) === index)
    .filter((candidate) => fs.existsSync(candidate));
}

async function stageRetailWorkbook(
  run: Run,
  archives: ArchiveCache,
  file: RetailWorkbookFile,
  target: string,
): Promise<string[]> {
  const warnings: string[] = [];
  const [installedCopy] = localCandidates(run, file.path, []);
  if (installedCopy) {
    await fs.promises.copyFile(installedCopy, target);
    run.progress(`  ${file.path}: taken from ${installedCopy}`);
  } else {
    const workbook = await obtainWorkbook(run, archives, file, target);
    const reported = file.reportedMemberSha256;
    const got = reported ? await sha256File(workbook) : undefined;
    if (reported && got !== reported)
      warnings.push(
        `${file.member}: sha256 ${got} differs from the one reported by other users (${reported}); checking the converted rows instead`,
      );
    run.progress(`  ${file.path}: converting ${file.member}`);
    const stats = await convertRetailWorkbook(workbook, file, target, {
      onProgress: run.progress,
    });
    run.progress(
      `  ${file.path}: ${stats.rowsWritten.toLocaleString('en')} rows written (sheet "${stats.sheet}", ${stats.rowsCut.toLocaleString('en')} cut at ${file.cutBefore ?? '-'})`,
    );
    for (const [column, count] of Object.entries(stats.badCells))
      warnings.push(`${file.path}: ${count} "${column}" cells could not be converted and are null`);
  }

  const fingerprint = await fingerprintRetailParquet(target, retailFileFor(file));
  const check = compareFingerprint(file.path, fingerprint, file.expect);
  if (check.errors.length > 0)
    throw new ShopmateError(
      'DATA_MALFORMED',
      `The converted ${file.path} is not the expected table: ${check.errors.join('; ')}. Nothing was installed.`,
      { details: { file: file.path, expected: file.expect, got: fingerprint } },
    );
  return [...warnings, ...check.warnings];
}

/** The workbook: from --from, else taken out of the (downloaded) archive. */
async function obtainWorkbook(
  run: Run,
  archives: ArchiveCache,
  file: RetailWorkbookFile,
  target: string,
): Promise<string> {
  const [local] = localCandidates(run, file.member, []);
  if (local) return local;
  const archivePath = await archives.get(file.archive);
  const members = readArchiveMembers(archivePath, file.member);
  if (members.length !== 1) throw memberMissing(archivePath, file.member);
  const workbook = `${target}.xlsx`;
  await fs.promises.writeFile(workbook, members[0].bytes);
  return workbook;
}

function memberMissing(archivePath: string, member: string): ShopmateError {
  const names = listArchive(archivePath);
  return new ShopmateError(
    'DATA_MALFORMED',
    `${path.basename(archivePath)} holds ${names.length === 0 ? 'no files' : `no single "${member}" (it has: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''})`}.`,
  );
}

/** Each archive of a data set is obtained once, on first use. */
class ArchiveCache {
  private readonly paths = new Map<string, Promise<string>>();

  constructor(
    private readonly run: Run,
    private readonly dataset: Dataset,
    private readonly staging: string,
  ) {}

  get(id: string): Promise<string> {
    let found = this.paths.get(id);
    if (!found) {
      const archive = this.dataset.archives.find((entry) => entry.id === id);
      if (!archive)
        throw new ShopmateError('INTERNAL', `no archive "${id}" in ${this.dataset.id}`);
      found = this.obtain(archive);
      this.paths.set(id, found);
    }
    return found;
  }

  private async obtain(archive: Archive): Promise<string> {
    const [local] = localCandidates(this.run, archive.fileNames[0], archive.fileNames);
    if (local) {
      if (archive.sha256) {
        const got = await sha256File(local);
        if (got !== archive.sha256)
          throw checksumMismatch(local, archive.sha256, got);
      }
      this.run.progress(`  ${archive.id}: using ${local}`);
      return local;
    }
    const target = path.join(this.staging, archive.fileNames[0]);
    await downloadFile(
      archive.urls,
      target,
      downloadOptions(this.run, archive.fileNames[0], archive.sha256),
    );
    return target;
  }
}

function downloadOptions(
  run: Run,
  label: string,
  sha256: string | undefined,
): DownloadOptions {
  return {
    ...run.options.download,
    ...(run.offline ? { attempts: 1 } : {}),
    label,
    sha256,
    onProgress: run.progress,
  };
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
