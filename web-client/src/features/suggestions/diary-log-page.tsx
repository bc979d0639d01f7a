import { Alert, Button, Card, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DiaryEntryKind, LogDiaryEntryRequest } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { CategorySelect } from '../../shared/categories/category-select';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { diaryEntryKinds, diaryKindLabel } from './diary-labels';
import { logDiaryEntry, useInvalidateDiary } from './diary-queries';

interface LogValues {
  kind: DiaryEntryKind;
  source?: string;
  household: string;
  visitedOn: Dayjs;
  regionId?: string;
  category?: string;
  matter: string;
}

const formFields = ['kind', 'source', 'household', 'visitedOn', 'regionId', 'category', 'matter'] as const;

/**
 * The cadre's log form, one column so it works on a phone at the household's door: each field is checked as it is typed, the
 * server's refusals land on their fields. The entry page follows, where the photo is added and similar entries are proposed.
 */
export function DiaryLogPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<LogValues>();
  const invalidate = useInvalidateDiary();
  const kind = Form.useWatch('kind', form);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const idempotencyKey = useRef<{ body: string; key: string } | null>(null);

  const submit = async (values: LogValues) => {
    const body: LogDiaryEntryRequest = {
      kind: values.kind,
      source: values.kind === 'group_message' ? (values.source?.trim() ?? null) : null,
      household: values.household.trim(),
      visitedOn: values.visitedOn.format('YYYY-MM-DD'),
      matter: values.matter.trim(),
      category: values.category ?? '',
      regionId: values.regionId ?? '',
    };
    const serialized = JSON.stringify(body);
    if (idempotencyKey.current?.body !== serialized) idempotencyKey.current = { body: serialized, key: crypto.randomUUID() };
    setSaving(true);
    setFailure(null);
    try {
      const logged = await logDiaryEntry(body, idempotencyKey.current.key);
      await invalidate();
      void navigate(`/diary/entries/${logged.id}`);
    } catch (error) {
      setFailure(formFailureMessage(form, error, formFields, t));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('diary.required') };
  return (
    <>
      <PageHeader title={t('diary.logTitle')} />
      <Card size="small" style={{ maxWidth: 560 }}>
        <Form<LogValues>
          form={form}
          layout="vertical"
          name="diary-log"
          initialValues={{ kind: 'visit', visitedOn: dayjs() }}
          onFinish={(values) => void submit(values)}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="kind" label={t('diary.kind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={diaryEntryKinds.map((value) => ({ value, label: diaryKindLabel(t, value) }))}
            />
          </Form.Item>
          {kind === 'group_message' ? (
            <Form.Item name="source" label={t('diary.source')} extra={t('diary.sourceHint')} hasFeedback rules={[required, { max: 100 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          ) : null}
          <Form.Item
            name="household"
            label={kind === 'group_message' ? t('diary.sender') : t('diary.household')}
            hasFeedback
            rules={[required, { max: 50, message: t('diary.tooLong', { max: 50 }) }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="visitedOn" label={t('diary.visitedOn')} rules={[{ required: true, message: t('diary.required') }]}>
            <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="regionId" label={t('diary.village')} rules={[{ required: true, message: t('diary.required') }]}>
            <RegionTreeSelect ariaLabel={t('diary.village')} />
          </Form.Item>
          <Form.Item name="category" label={t('diary.category')} rules={[{ required: true, message: t('diary.required') }]}>
            <CategorySelect ariaLabel={t('diary.category')} />
          </Form.Item>
          <Form.Item
            name="matter"
            label={t('diary.matter')}
            hasFeedback
            rules={[required, { max: 4000, message: t('diary.tooLong', { max: 4000 }) }]}
          >
            <Input.TextArea rows={5} maxLength={4000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block size="large">
            {t('diary.log')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
