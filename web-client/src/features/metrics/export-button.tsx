import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dropdown, Flex, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { ExportFormat, ExportJobView, IndicatorGrouping } from '../../shared/api/api-types';
import { LoadError } from '../../shared/components/load-error';
import { saveDownload } from '../../shared/files/file-transfer';
import { useI18n } from '../../shared/i18n/i18n-context';
import { isMessageKey } from '../../shared/i18n/translate';

/** What to export: the parameters of the export job (or of the ranking's direct download); a table or the facts may keep to one unit. */
export type ExportRequest =
  | { kind: 'five_colour_ranking'; month: string; regionId?: string }
  | { kind: 'indicators'; from: string; to: string; groupBy: IndicatorGrouping; regionId?: string; unitId?: string }
  | { kind: 'daily_facts'; from: string; to: string; regionId?: string; unitId?: string };

/** A ranking of up to this many rows downloads at once; everything else is written by an export job the page polls. */
export const directDownloadRows = 500;

const formats: ExportFormat[] = ['xlsx', 'csv'];
const pollMilliseconds = 1000;

const isActive = (job: ExportJobView | undefined) => job?.state === 'queued' || job?.state === 'running';

/**
 * An export button (XLSX or CSV). A small ranking downloads directly; anything else starts an export job, shows its progress and,
 * once the file is written, a link to download it. <paramref name="rows"/> 0 means nothing to export: the button is disabled.
 */
export function ExportButton({ request, rows, label }: { request: ExportRequest; rows?: number; label?: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string>();
  const [failure, setFailure] = useState<{ error: unknown; retry: () => void }>();
  const [busy, setBusy] = useState(false);
  const job = useQuery({
    queryKey: ['metrics', 'export-job', jobId],
    enabled: jobId !== undefined,
    queryFn: () => unwrap(api.GET('/api/v1/metrics/export-jobs/{id}', { params: { path: { id: jobId ?? '' } } })),
    refetchInterval: (query) => (isActive(query.state.data) ? pollMilliseconds : false),
  });
  const empty = rows === 0;
  const direct = request.kind === 'five_colour_ranking' && rows !== undefined && rows <= directDownloadRows;

  const run = async (format: ExportFormat) => {
    setFailure(undefined);
    setJobId(undefined);
    setBusy(true);
    try {
      if (direct) {
        await saveDownload(
          api.GET('/api/v1/metrics/five-colour/export', {
            params: { query: { month: request.month, regionId: request.regionId, format } },
            parseAs: 'blob',
          }),
          `five-colour-${request.month}.${format}`,
        );
      } else {
        const { kind, ...parameters } = request;
        const started = await unwrap(api.POST('/api/v1/metrics/export-jobs', { body: { kind, format, parameters } }));
        queryClient.setQueryData(['metrics', 'export-job', started.id], started);
        setJobId(started.id);
      }
    } catch (error) {
      setFailure({ error, retry: () => void run(format) });
    } finally {
      setBusy(false);
    }
  };

  const download = async (done: ExportJobView) => {
    setFailure(undefined);
    try {
      await saveDownload(
        api.GET('/api/v1/metrics/export-jobs/{id}/file', { params: { path: { id: done.id } }, parseAs: 'blob' }),
        done.fileName ?? `export.${done.format}`,
      );
    } catch (error) {
      setFailure({ error, retry: () => void download(done) });
    }
  };

  const current = job.data;
  const reason = current?.error ? `metrics.export.error.${current.error}` : 'metrics.export.error.failed';
  return (
    <Flex vertical gap={4} style={{ minWidth: 220 }}>
      <Dropdown
        trigger={['click']}
        disabled={empty || busy || isActive(current)}
        menu={{
          items: formats.map((format) => ({ key: format, label: t(`metrics.export.as.${format}`) })),
          onClick: ({ key }) => void run(key as ExportFormat),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={busy} disabled={empty || isActive(current)} title={empty ? t('metrics.export.empty') : undefined}>
          {label ?? t('metrics.export.button')}
        </Button>
      </Dropdown>
      {current && isActive(current) ? (
        <div role="status" aria-live="polite">
          <Progress percent={current.progress} size="small" aria-label={t('metrics.export.progress')} />
          <Typography.Text type="secondary">
            {current.rowsTotal === null || current.rowsTotal === undefined
              ? t('metrics.export.queued')
              : t('metrics.export.rows', { done: current.rowsDone, total: current.rowsTotal })}
          </Typography.Text>
        </div>
      ) : null}
      {current?.state === 'succeeded' ? (
        <Space size={4} wrap>
          <Button type="link" size="small" style={{ padding: 0 }} icon={<DownloadOutlined />} onClick={() => void download(current)}>
            {t('metrics.export.download', { name: current.fileName ?? '' })}
          </Button>
          {current.rowsTotal === 0 ? <Typography.Text type="secondary">{t('metrics.export.noRows')}</Typography.Text> : null}
        </Space>
      ) : null}
      {current?.state === 'failed' || current?.state === 'expired' ? (
        <Alert
          type="warning"
          showIcon
          title={current.state === 'expired' ? t('metrics.export.expired') : t(isMessageKey(reason) ? reason : 'metrics.export.error.failed')}
        />
      ) : null}
      {job.isError ? <LoadError compact error={job.error} onRetry={() => void job.refetch()} /> : null}
      {failure ? <LoadError compact error={failure.error} onRetry={failure.retry} /> : null}
    </Flex>
  );
}
