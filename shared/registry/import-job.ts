import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Forbidden, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import { emptyCounts, importRow, planRows, type ImportServices, type RowReport } from './csv-import';
import type { ImportJob } from './import-job-store';

/** Rows per stored chunk: 5,000 rows are 50 chunks, which with the summary fit one 100-item transaction. */
export const IMPORT_CHUNK_ROWS = 100;
/**
 * A slice starts no new row after this much time, so a request does at most ~2.5 s + one row of
 * import work: under a third of the API Lambda's 10 s timeout, however slow DynamoDB is that day
 * (rows/s measured on DynamoDB Local: tests/registry/import-job.test.ts prints it; docs/registry.md).
 */
export const IMPORT_SLICE_BUDGET_MS = 2_500;

type JobServices = ImportServices & Pick<Services, 'importJobs'>;


/** Stores the whole file as a job (nothing imported yet) and returns it; the slices do the rows. */
export async function startImportJob(
  services: JobServices,
  principal: Principal,
  rows: Record<string, string>[],
  options: { dryRun: boolean; fileName?: string | undefined; rowsPerChunk?: number },
): Promise<ImportJob> {
  const planned = planRows(rows);
  const rowsPerChunk = options.rowsPerChunk ?? IMPORT_CHUNK_ROWS;
  const chunks: (typeof planned)[] = [];
  for (let i = 0; i < planned.length; i += rowsPerChunk) chunks.push(planned.slice(i, i + rowsPerChunk));
  const now = services.clock.now().toISOString();
  const job: ImportJob = {
    id: randomUUID(),
    ownerAccountId: principal.accountId,
    dryRun: options.dryRun,
    fileName: options.fileName,
    totalRows: planned.length,
    chunkCount: chunks.length,
    rowsPerChunk,
    doneRows: 0,
    counts: emptyCounts(),
    status: chunks.length === 0 ? 'done' : 'running',
    createdAt: now,
    updatedAt: now,
  };
  await services.importJobs.create(job, chunks);
  return job;
}

/** Only whoever uploaded the file sees and advances its job: the report names other provinces' rows. */
export async function ownImportJob(services: Pick<Services, 'importJobs'>, principal: Principal, id: string): Promise<ImportJob> {
  const job = await services.importJobs.get(id);
  if (!job) throw new NotFound('Không tìm thấy lượt nhập này', 'IMPORT_NOT_FOUND');
  if (job.ownerAccountId !== principal.accountId) throw new Forbidden('Lượt nhập này do người khác thực hiện', 'NOT_IMPORT_OWNER');
  return job;
}

/**
 * Runs rows while the time budget lasts (at least one, so a busy box still moves on every refresh),
 * committing the slice's report and progress together, as the *current* caller (a disabled officer
 * cannot finish an import). Returns the job as it now stands.
 */
export async function advanceImportJob(services: JobServices, principal: Principal, id: string, budgetMs = IMPORT_SLICE_BUDGET_MS): Promise<ImportJob> {
  const store = services.importJobs;
  const started = performance.now();
  const spent = () => performance.now() - started >= budgetMs;
  let job = await ownImportJob(services, principal, id);
  while (job.status === 'running') {
    const chunk = await store.rowsOf(id, Math.floor(job.doneRows / job.rowsPerChunk));
    const report: RowReport[] = [];
    for (const planned of chunk.slice(job.doneRows % job.rowsPerChunk)) {
      report.push(await importRow(services, principal, planned, job.dryRun));
      if (spent()) break;
    }
    await store.commitSlice(job, report, services.clock.now().toISOString());
    job = await ownImportJob(services, principal, id);
    if (spent()) break;
  }
  return job;
}

/** The per-row report so far, in file order (the caller has checked ownership: ownImportJob). */
export async function importJobRows(services: Pick<Services, 'importJobs'>, job: ImportJob): Promise<RowReport[]> {
  return services.importJobs.report(job.id);
}
