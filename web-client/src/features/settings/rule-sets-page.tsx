import { App, Button, Card, Empty, Flex, Popconfirm, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { RuleSetSummary } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RuleSetEditor } from './rule-set-editor';
import { etagOf, useInvalidateRuleSets, useRuleSet, useRuleSets } from './settings-queries';

export function RuleSetsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const ruleSets = useRuleSets();
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen ?? ruleSets.data?.find((r) => r.isActive)?.name ?? ruleSets.data?.[0]?.name ?? null;
  const detail = useRuleSet(selected);
  const invalidate = useInvalidateRuleSets();
  const [activating, setActivating] = useState(false);

  const activate = async (ruleSet: RuleSetSummary) => {
    setActivating(true);
    try {
      await unwrap(
        api.POST('/api/v1/settings/rule-sets/{name}/activation', {
          params: { path: { name: ruleSet.name }, header: { 'If-Match': etagOf(ruleSet.version) } },
        }),
      );
      void message.success(t('ruleSets.activated', { title: ruleSet.title }));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setActivating(false);
      await invalidate();
    }
  };

  const summary = ruleSets.data?.find((r) => r.name === selected);

  return (
    <>
      <PageHeader title={t('ruleSets.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('ruleSets.intro')}</Typography.Paragraph>
        {ruleSets.isPending ? (
          <Skeleton active />
        ) : ruleSets.isError ? (
          <LoadError compact error={ruleSets.error} onRetry={() => void ruleSets.refetch()} />
        ) : ruleSets.data.length === 0 ? (
          <Empty description={t('ruleSets.empty')} />
        ) : (
          <Flex vertical gap={16}>
            <Flex wrap gap={12} align="center">
              <Segmented<string>
                value={selected ?? undefined}
                onChange={setChosen}
                options={ruleSets.data.map((r) => ({
                  value: r.name,
                  label: (
                    <span>
                      {r.title} {r.isActive ? <Tag color="green">{t('ruleSets.active')}</Tag> : null}
                    </span>
                  ),
                }))}
              />
              {summary && !summary.isActive ? (
                <Popconfirm
                  title={t('ruleSets.confirmActivate', { title: summary.title })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => activate(summary)}
                >
                  <Button loading={activating}>{t('ruleSets.activate')}</Button>
                </Popconfirm>
              ) : null}
            </Flex>
            {detail.isPending ? (
              <Skeleton active />
            ) : detail.isError ? (
              <LoadError compact error={detail.error} onRetry={() => void detail.refetch()} />
            ) : (
              <RuleSetEditor key={`${detail.data.name}:${String(detail.data.version)}`} ruleSet={detail.data} />
            )}
          </Flex>
        )}
      </Card>
    </>
  );
}
