import { Alert, App, Button, Flex, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { RuleSet } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { useI18n } from '../../shared/i18n/i18n-context';
import { isMessageKey, type Translate } from '../../shared/i18n/translate';
import {
  asRuleSetDocument,
  numbersOf,
  parseDocument,
  periodsOf,
  problemPath,
  withNumber,
  withPeriod,
  type NumberRow,
  type PeriodRow,
  type RuleSetDocument,
} from './rule-set-values';
import { etagOf, useInvalidateRuleSets } from './settings-queries';

const labelOf = (t: Translate, prefix: string, key: string): string => {
  const messageKey = `${prefix}.${key}`;
  return isMessageKey(messageKey) ? t(messageKey) : key;
};

const pretty = (document: RuleSetDocument) => JSON.stringify(document, null, 2);

/** Edits one rule set: periods and numbers in tables, or the whole document as JSON; saves with If-Match. */
export function RuleSetEditor({ ruleSet }: { ruleSet: RuleSet }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateRuleSets();
  const original = useMemo(() => asRuleSetDocument(ruleSet.document) ?? {}, [ruleSet.document]);
  const [document, setDocument] = useState<RuleSetDocument>(original);
  const [title, setTitle] = useState(ruleSet.title);
  const [json, setJson] = useState(() => pretty(original));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [problems, setProblems] = useState<[string, string[]][]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = title !== ruleSet.title || JSON.stringify(document) !== JSON.stringify(original);

  const change = (next: RuleSetDocument) => {
    setDocument(next);
    setJson(pretty(next));
  };

  const applyJson = () => {
    const parsed = parseDocument(json);
    if (parsed.ok) {
      setJsonError(null);
      setDocument(parsed.document);
      void message.info(t('ruleSets.jsonApplied'));
    } else {
      setJsonError(parsed.reason === 'syntax' ? t('ruleSets.jsonInvalid', { reason: parsed.message }) : t('ruleSets.jsonNotObject'));
    }
  };

  const reset = () => {
    setTitle(ruleSet.title);
    change(original);
    setJsonError(null);
    setProblems([]);
    setFailure(null);
  };

  const save = async () => {
    setSaving(true);
    setFailure(null);
    setProblems([]);
    try {
      await unwrap(
        api.PUT('/api/v1/settings/rule-sets/{name}', {
          params: { path: { name: ruleSet.name }, header: { 'If-Match': etagOf(ruleSet.version) } },
          body: { title: title.trim(), document },
        }),
      );
      void message.success(t('ruleSets.saved'));
      await invalidate();
    } catch (error) {
      setFailure(describeError(error, t));
      if (isApiError(error)) {
        setProblems(Object.entries(error.fieldErrors));
        if (error.status === 412) await invalidate();
      }
    } finally {
      setSaving(false);
    }
  };

  const periodColumns = [
    { title: t('ruleSets.section'), dataIndex: 'section', render: (section: string) => labelOf(t, 'ruleSets.section', section) },
    { title: t('ruleSets.step'), dataIndex: 'step', render: (step: string) => labelOf(t, 'ruleSets.step', step) },
    {
      title: t('ruleSets.days'),
      key: 'days',
      render: (_: unknown, row: PeriodRow) => (
        <InputNumber
          aria-label={`${labelOf(t, 'ruleSets.step', row.step)} ${t('ruleSets.days')}`}
          min={0}
          max={3650}
          precision={0}
          value={row.days}
          onChange={(days) => change(withPeriod(document, row.section, row.step, { days: days ?? 0 }))}
        />
      ),
    },
    {
      title: t('ruleSets.dayKind'),
      key: 'workingDays',
      render: (_: unknown, row: PeriodRow) => (
        <Select<'working' | 'calendar'>
          aria-label={`${labelOf(t, 'ruleSets.step', row.step)} ${t('ruleSets.dayKind')}`}
          value={row.workingDays ? 'working' : 'calendar'}
          onChange={(kind) => change(withPeriod(document, row.section, row.step, { workingDays: kind === 'working' }))}
          options={[
            { value: 'working', label: t('ruleSets.workingDays') },
            { value: 'calendar', label: t('ruleSets.calendarDays') },
          ]}
          style={{ minWidth: 110 }}
        />
      ),
    },
    { title: t('ruleSets.source'), dataIndex: 'source', render: (source: string | null) => source ?? '—' },
  ];

  const numberColumns = [
    { title: t('ruleSets.section'), dataIndex: 'section', render: (section: string) => labelOf(t, 'ruleSets.section', section) },
    { title: t('ruleSets.step'), dataIndex: 'key', render: (key: string) => labelOf(t, 'ruleSets.value', key) },
    {
      title: t('ruleSets.value'),
      key: 'value',
      render: (_: unknown, row: NumberRow) => (
        <InputNumber
          aria-label={labelOf(t, 'ruleSets.value', row.key)}
          min={0}
          step={Number.isInteger(row.value) ? 1 : 0.05}
          value={row.value}
          onChange={(value) => change(withNumber(document, row.section, row.key, value ?? 0))}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        <Typography.Text strong>{t('ruleSets.ruleTitle')}</Typography.Text>
        <Input aria-label={t('ruleSets.ruleTitle')} value={title} onChange={(event) => setTitle(event.target.value)} style={{ maxWidth: 360 }} />
        {dirty ? <Tag color="orange">{t('ruleSets.unsaved')}</Tag> : null}
      </Flex>
      {failure ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure}
          description={
            problems.length > 0 ? (
              <>
                {t('ruleSets.fieldProblems')}
                <ul style={{ margin: 0 }}>
                  {problems.map(([field, errors]) => (
                    <li key={field}>
                      <code>{problemPath(field)}</code>: {errors.join(' ')}
                    </li>
                  ))}
                </ul>
              </>
            ) : undefined
          }
        />
      ) : null}
      <Tabs
        items={[
          {
            key: 'form',
            label: t('ruleSets.tabForm'),
            children: (
              <Flex vertical gap={16}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t('ruleSets.periods')}
                </Typography.Title>
                <Table<PeriodRow>
                  rowKey={(row) => `${row.section}.${row.step}`}
                  dataSource={periodsOf(document)}
                  columns={periodColumns}
                  pagination={false}
                  size="small"
                  scroll={{ x: true }}
                />
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t('ruleSets.values')}
                </Typography.Title>
                <Table<NumberRow>
                  rowKey={(row) => `${row.section}.${row.key}`}
                  dataSource={numbersOf(document)}
                  columns={numberColumns}
                  pagination={false}
                  size="small"
                  scroll={{ x: true }}
                />
              </Flex>
            ),
          },
          {
            key: 'json',
            label: t('ruleSets.tabJson'),
            children: (
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">{t('ruleSets.jsonHelp')}</Typography.Text>
                <Input.TextArea
                  aria-label={t('ruleSets.tabJson')}
                  value={json}
                  onChange={(event) => setJson(event.target.value)}
                  autoSize={{ minRows: 12, maxRows: 30 }}
                  status={jsonError ? 'error' : undefined}
                  style={{ fontFamily: 'monospace' }}
                />
                {jsonError ? <Alert type="error" showIcon title={jsonError} /> : null}
                <div>
                  <Button onClick={applyJson}>{t('ruleSets.jsonApply')}</Button>
                </div>
              </Flex>
            ),
          },
        ]}
      />
      <Space>
        <Button type="primary" loading={saving} disabled={!dirty || title.trim() === ''} onClick={() => void save()}>
          {t('common.save')}
        </Button>
        <Button disabled={!dirty} onClick={reset}>
          {t('ruleSets.reset')}
        </Button>
      </Space>
    </Flex>
  );
}
