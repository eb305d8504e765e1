/**
 * The shape of the data-sources manifest: which public files make up each
 * data set, where to download them and how to check what arrived.
 */
import { z } from 'zod';

const Sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'a lower-case hex sha256');

/** A path inside DATA_DIR, always with forward slashes and no `..`. */
const DataPathSchema = z
  .string()
  .regex(/^[\w.+-]+(\/[\w.+-]+)*$/, 'a relative path inside DATA_DIR')
  .refine((value) => !value.split('/').includes('..'), 'no ".." segments');

/** One file fetched over HTTP; the URLs are mirrors, tried in order. */
export const RemoteFileSchema = z.object({
  urls: z.array(z.url()).min(1),
  /**
   * Names the file may have on disk when a person downloaded it by hand
   * (`data:fetch --from <folder>`); the first one names the local copy.
   */
  fileNames: z.array(z.string().min(1)).min(1),
});

/** An archive whose members become one or more files of the data set. */
export const ArchiveSchema = RemoteFileSchema.extend({
  id: z.string().min(1),
  /** Published or known sha256 of the archive itself; a mismatch fails. */
  sha256: Sha256Schema.optional(),
});

/** A file downloaded and installed byte for byte. */
export const DownloadedFileSchema = RemoteFileSchema.extend({
  kind: z.literal('download'),
  path: DataPathSchema,
  sha256: Sha256Schema,
});

/** A file taken unchanged out of an archive (matched by its base name). */
export const ArchiveMemberFileSchema = z.object({
  kind: z.literal('archive-member'),
  path: DataPathSchema,
  archive: z.string().min(1),
  member: z.string().min(1),
  sha256: Sha256Schema,
});

/** How one workbook column becomes one parquet column. */
export const WorkbookColumnSchema = z.object({
  name: z.string().min(1),
  /**
   * STRING, INT64 and DOUBLE are parquet types; TEXT_TIME is a string
   * `YYYY-MM-DD HH:MM:SS`; TIMESTAMP is INT64 milliseconds.
   */
  type: z.enum(['STRING', 'INT64', 'DOUBLE', 'TEXT_TIME', 'TIMESTAMP']),
});

/** Figures of the reference copy that a converted file must reproduce. */
export const ExpectedTableSchema = z.object({
  rows: z.number().int().positive(),
  firstDate: z.string(),
  lastDate: z.string(),
  /** Checked too, but a difference only warns: ingest still works. */
  invoices: z.number().int().positive(),
  quantitySum: z.number().int(),
  nullCustomerIds: z.number().int().nonnegative(),
  nullDescriptions: z.number().int().nonnegative(),
});

/** A sheet of an Excel workbook (inside an archive) written as parquet. */
export const RetailWorkbookFileSchema = z.object({
  kind: z.literal('retail-workbook'),
  path: DataPathSchema,
  archive: z.string().min(1),
  member: z.string().min(1),
  /** Sheet name; the workbook's first sheet when absent. */
  sheet: z.string().min(1).optional(),
  columns: z.array(WorkbookColumnSchema).min(1),
  /** Name of the column that dates each row. */
  dateColumn: z.string().min(1),
  /** Rows dated at or after this `YYYY-MM-DD HH:MM:SS` are left out. */
  cutBefore: z.string().optional(),
  expect: ExpectedTableSchema,
  /**
   * sha256 of the workbook as reported by other users of the data (the
   * publisher gives none); a mismatch only warns.
   */
  reportedMemberSha256: Sha256Schema.optional(),
});

export const DataFileSchema = z.discriminatedUnion('kind', [
  DownloadedFileSchema,
  ArchiveMemberFileSchema,
  RetailWorkbookFileSchema,
]);

export const DatasetSchema = z.object({
  /** Names the set in `data:fetch --only`; also its folder in DATA_DIR. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  licence: z.string().min(1),
  homepage: z.url(),
  /** Where a person can download by hand when an automatic download fails. */
  manualDownload: z.string().optional(),
  archives: z.array(ArchiveSchema).default([]),
  files: z.array(DataFileSchema).min(1),
});

export const ManifestSchema = z
  .array(DatasetSchema)
  .min(1)
  .superRefine((datasets, context) => {
    for (const dataset of datasets) {
      const archiveIds = new Set(dataset.archives.map((entry) => entry.id));
      for (const file of dataset.files) {
        if (file.kind !== 'download' && !archiveIds.has(file.archive))
          context.addIssue({
            code: 'custom',
            message: `${file.path}: unknown archive "${file.archive}"`,
          });
      }
    }
  });

export type RemoteFile = z.infer<typeof RemoteFileSchema>;
export type Archive = z.infer<typeof ArchiveSchema>;
export type DataFile = z.infer<typeof DataFileSchema>;
export type RetailWorkbookFile = z.infer<typeof RetailWorkbookFileSchema>;
export type WorkbookColumn = z.infer<typeof WorkbookColumnSchema>;
export type ExpectedTable = z.infer<typeof ExpectedTableSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
