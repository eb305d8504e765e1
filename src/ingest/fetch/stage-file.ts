/**
 * Producing one data file in the staging folder: from a folder of manual
 * downloads (--from), a download, an archive member, or a converted workbook
 * — each checked before it counts as staged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ShopmateError } from '../../errors.ts';
import { listArchive, readArchiveMembers } from './archive.ts';
import { checksumMismatch, sha256Bytes, sha256File } from './checksum.ts';
import { convertRetailWorkbook } from './convert-retail.ts';
import { downloadFile, type DownloadOptions } from './download.ts';
import type {
  Archive,
  DataFile,
  Dataset,
  RetailWorkbookFile,
} from './manifest.ts';
import {
  compareFingerprint,
  fingerprintRetailParquet,
  retailFileFor,
} from './verify-retail.ts';

/** What staging needs to know about the run. */
export interface StageContext {
  /** Folder of files downloaded by hand, looked at before the network. */
  from?: string;
  download?: Pick<
    DownloadOptions,
    'attempts' | 'retryDelayMs' | 'idleTimeoutMs'
  >;
  progress: (text: string) => void;
  /** After one "no network" failure, later downloads try each URL once. */
  offline: boolean;
}

/** Produces `file` at `target` (in the staging folder); returns warnings. */
export async function stageFile(
  run: StageContext,
  archives: ArchiveCache,
  file: DataFile,
  target: string,
): Promise<string[]> {
  if (file.kind === 'retail-workbook')
    return stageRetailWorkbook(run, archives, file, target);
  if (await copyVerifiedLocal(run, file, target)) return [];
  if (file.kind === 'download') {
    await downloadFile(
      file.urls,
      target,
      downloadOptions(run, file.path, file.sha256),
    );
    return [];
  }
  const archivePath = await archives.get(file.archive);
  const members = readArchiveMembers(archivePath, file.member);
  if (members.length === 0) throw memberMissing(archivePath, file.member);
  const match = members.find((m) => sha256Bytes(m.bytes) === file.sha256);
  if (!match)
    throw checksumMismatch(
      file.path,
      file.sha256,
      sha256Bytes(members[0].bytes),
    );
  await fs.promises.writeFile(target, match.bytes);
  return [];
}

/**
 * With --from, a file already there (in the DATA_DIR layout or under one of
 * its download names) is copied when its sha256 is the expected one.
 */
async function copyVerifiedLocal(
  run: StageContext,
  file: Exclude<DataFile, RetailWorkbookFile>,
  target: string,
): Promise<boolean> {
  const names = file.kind === 'download' ? file.fileNames : [file.member];
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
  run: StageContext,
  dataPath: string,
  names: readonly string[],
): string[] {
  const from = run.from;
  if (!from) return [];
  return [dataPath, ...names]
    .map((name) => path.join(from, name))
    .filter((candidate, index, all) => all.indexOf(candidate) === index)
    .filter((candidate) => fs.existsSync(candidate));
}

async function stageRetailWorkbook(
  run: StageContext,
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
      warnings.push(
        `${file.path}: ${count} "${column}" cells could not be converted and are null`,
      );
  }

  const fingerprint = await fingerprintRetailParquet(
    target,
    retailFileFor(file),
  );
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
  run: StageContext,
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
export class ArchiveCache {
  private readonly paths = new Map<string, Promise<string>>();

  constructor(
    private readonly run: StageContext,
    private readonly dataset: Dataset,
    private readonly staging: string,
  ) {}

  get(id: string): Promise<string> {
    let found = this.paths.get(id);
    if (!found) {
      const archive = this.dataset.archives.find((entry) => entry.id === id);
      if (!archive)
        throw new ShopmateError(
          'INTERNAL',
          `no archive "${id}" in ${this.dataset.id}`,
        );
      found = this.obtain(archive);
      this.paths.set(id, found);
    }
    return found;
  }

  private async obtain(archive: Archive): Promise<string> {
    const [local] = localCandidates(
      this.run,
      archive.fileNames[0],
      archive.fileNames,
    );
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
  run: StageContext,
  label: string,
  sha256: string | undefined,
): DownloadOptions {
  return {
    ...run.download,
    ...(run.offline ? { attempts: 1 } : {}),
    label,
    sha256,
    onProgress: run.progress,
  };
}
