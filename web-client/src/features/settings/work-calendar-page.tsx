import { Alert, App, Button, Card, DatePicker, Flex, Input, Radio, Select, Skeleton, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { WorkCalendarYear } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { MonthGrid } from './month-grid';
import { etagOf, useInvalidateWorkCalendar, useWorkCalendarYear, useWorkCalendarYears } from './settings-queries';
import { draftProblems, kindOf, nextKind, sameDraft, withKind, type CalendarDraft, type DayKind } from './work-calendar-days';

const months = Array.from({ length: 12 }, (_, index) => index + 1);
const emptyDraft: CalendarDraft = { holidays: [], makeUpWorkdays: [] };

export function WorkCalendarPage() {
  const { t } = useI18n();
  const years = useWorkCalendarYears();
  const [chosen, setChosen] = useState<number | null>(null);
  const thisYear = new Date().getFullYear();
  const storedYears = useMemo(() => (years.data ?? []).map((y) => y.year), [years.data]);
  const yearOptions = useMemo(
    () => [...new Set([...storedYears, thisYear, thisYear + 1, ...(chosen ? [chosen] : [])])].sort((a, b) => a - b),
    [storedYears, thisYear, chosen],
  );
  const year = chosen ?? (storedYears.includes(thisYear) ? thisYear : (storedYears.at(-1) ?? thisYear));
  const stored = storedYears.includes(year);
  const detail = useWorkCalendarYear(years.data ? year : null, stored);

  return (
    <>
      <PageHeader title={t('calendar.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
        {years.isError ? (
          <LoadError compact error={years.error} onRetry={() => void years.refetch()} />
        ) : (
          <Flex vertical gap={16}>
            <Space>
              <Typography.Text strong>{t('calendar.year')}</Typography.Text>
              <Select<number>
                aria-label={t('calendar.year')}
                value={year}
                loading={years.isPending}
                onChange={setChosen}
                options={yearOptions.map((y) => ({
                  value: y,
                  label: storedYears.includes(y) || years.isPending ? String(y) : `${String(y)} ${t('calendar.newYear')}`,
                }))}
                style={{ minWidth: 140 }}
              />
            </Space>
            {years.isPending || detail.isPending ? (
              <Skeleton active />
            ) : detail.isError ? (
              <LoadError compact error={detail.error} onRetry={() => void detail.refetch()} />
            ) : (
              <YearEditor key={`${String(year)}:${String(detail.data?.version ?? 0)}`} year={year} stored={detail.data} />
            )}
          </Flex>
        )}
      </Card>
    </>
  );
}

function YearEditor({ year, stored }: { year: number; stored: WorkCalendarYear | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateWorkCalendar();
  const original = useMemo<CalendarDraft>(
    () => (stored ? { holidays: [...stored.holidays].sort(), makeUpWorkdays: [...stored.makeUpWorkdays].sort() } : emptyDraft),
    [stored],
  );
  const [draft, setDraft] = useState<CalendarDraft>(original);
  const [source, setSource] = useState(stored?.source ?? '');
  const [adding, setAdding] = useState<{ day: Dayjs | null; kind: DayKind }>({ day: null, kind: 'holiday' });
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = (next: CalendarDraft) => {
    setDraft(next);
    setFailure(null);
  };

  const problems = draftProblems(year, draft);
  const dirty = !sameDraft(draft, original) || source !== (stored?.source ?? '');

  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await unwrap(
        api.PUT('/api/v1/settings/work-calendar/{year}', {
          params: { path: { year }, header: { 'If-Match': etagOf(stored?.version ?? 0) } },
          body: { source: source.trim() || null, holidays: draft.holidays, makeUpWorkdays: draft.makeUpWorkdays },
        }),
      );
      void message.success(t('calendar.saved', { year }));
      await invalidate();
    } catch (error) {
      const fields = isApiError(error) ? Object.values(error.fieldErrors).flat() : [];
      setFailure([describeError(error, t), ...fields].join(' '));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  const dayList = (days: string[], kind: DayKind) =>
    days.length === 0 ? (
      <Typography.Text type="secondary">{t('calendar.noDays')}</Typography.Text>
    ) : (
      <Flex wrap gap={4}>
        {days.map((day) => (
          <Tag key={day} color={kind === 'holiday' ? 'red' : 'blue'} closable onClose={() => edit(withKind(draft, day, null))}>
            {day}
          </Tag>
        ))}
      </Flex>
    );

  return (
    <Flex vertical gap={16}>
      {stored ? null : <Alert type="info" showIcon title={t('calendar.notStored', { year })} />}
      <Space wrap>
        <Typography.Text strong>{t('calendar.source')}</Typography.Text>
        <Input aria-label={t('calendar.source')} value={source} onChange={(event) => setSource(event.target.value)} maxLength={200} style={{ width: 420 }} />
      </Space>
      <Typography.Text type="secondary">{t('calendar.legend')}</Typography.Text>
      <Flex wrap gap={24}>
        {months.map((month) => (
          <MonthGrid
            key={month}
            year={year}
            month={month}
            draft={draft}
            onToggle={(day) => edit(withKind(draft, day, nextKind(day, kindOf(draft, day))))}
          />
        ))}
      </Flex>
      <Space wrap>
        <Typography.Text strong>{t('calendar.addDay')}</Typography.Text>
        <DatePicker aria-label={t('calendar.addDay')} value={adding.day} onChange={(day) => setAdding({ ...adding, day })} />
        <Radio.Group
          aria-label={t('calendar.kind')}
          value={adding.kind}
          onChange={(event) => setAdding({ ...adding, kind: event.target.value as DayKind })}
          options={[
            { value: 'holiday', label: t('calendar.holidays') },
            { value: 'makeUp', label: t('calendar.makeUpWorkdays') },
          ]}
        />
        <Button
          disabled={!adding.day}
          onClick={() => {
            if (adding.day) edit(withKind(draft, adding.day.format('YYYY-MM-DD'), adding.kind));
            setAdding({ ...adding, day: null });
          }}
        >
          {t('calendar.add')}
        </Button>
      </Space>
      <div>
        <Typography.Title level={5}>{t('calendar.holidays')}</Typography.Title>
        {dayList(draft.holidays, 'holiday')}
      </div>
      <div>
        <Typography.Title level={5}>{t('calendar.makeUpWorkdays')}</Typography.Title>
        {dayList(draft.makeUpWorkdays, 'makeUp')}
      </div>
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {problems.map((problem) => (
                <li key={`${problem.kind}:${problem.day}`}>{t(`calendar.problem.${problem.kind}`, { day: problem.day, year })}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
      <Space>
        <Button type="primary" loading={saving} disabled={!dirty || problems.length > 0} onClick={() => void save()}>
          {t('common.save')}
        </Button>
        <Button
          disabled={!dirty}
          onClick={() => {
            edit(original);
            setSource(stored?.source ?? '');
          }}
        >
          {t('ruleSets.reset')}
        </Button>
      </Space>
    </Flex>
  );
}
