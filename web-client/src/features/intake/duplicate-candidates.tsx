import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { describeError } from '../../shared/api/describe-error';
import { useI18n } from '../../shared/i18n/i18n-context';
import { duplicateReasonLabel } from './intake-labels';

export interface DuplicateProbe {
  idNumbers: string[];
  regionId?: string | undefined;
  category?: string | undefined;
  text: string;
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Likely duplicates of the petition being typed, looked up a moment after typing stops. */
export function DuplicateCandidates({ probe }: { probe: DuplicateProbe }) {
  const { t } = useI18n();
  const key = JSON.stringify(probe);
  const debouncedKey = useDebounced(key, 600);
  const current = JSON.parse(debouncedKey) as DuplicateProbe;
  const ready = Boolean(current.regionId && current.category && (current.text.trim() || current.idNumbers.length > 0));
  const candidates = useQuery({
    queryKey: ['petitions', 'duplicates', debouncedKey],
    queryFn: async () =>
      (
        await unwrap(
          api.POST('/api/v1/petitions/duplicate-candidates', {
            body: {
              idNumbers: current.idNumbers,
              regionId: current.regionId ?? '',
              category: current.category ?? '',
              text: current.text,
            },
          }),
        )
      ).items,
    enabled: ready,
    staleTime: 30_000,
  });

  let body;
  if (!ready) body = <Typography.Text type="secondary">{t('register.duplicatesHint')}</Typography.Text>;
  else if (candidates.isPending) body = <Spin />;
  else if (candidates.isError)
    body = <Alert type="warning" showIcon title={describeError(candidates.error, t)} />;
  else if (candidates.data.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('register.noDuplicates')} />;
  else
    body = (
      <List
        size="small"
        dataSource={candidates.data}
        renderItem={(candidate) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Link to={`/petitions/${candidate.petitionId}`} target="_blank">
                  {candidate.number}
                </Link>
                <Tag color={candidate.reason === 'same_petitioner' ? 'orange' : 'blue'}>
                  {duplicateReasonLabel(t, candidate.reason)}
                </Tag>
              </Space>
              <Progress
                percent={Math.round(candidate.score * 100)}
                size="small"
                format={(percent) => t('register.score', { score: percent ?? 0 })}
              />
            </Space>
          </List.Item>
        )}
      />
    );

  return (
    <Card size="small" title={t('register.duplicates')} data-testid="duplicate-candidates" aria-live="polite">
      {body}
    </Card>
  );
}
