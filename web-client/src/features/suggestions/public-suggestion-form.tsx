import { Alert, Button, Card, Descriptions, Form, Input, Result, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { SuggestionTrackingCredentials } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { buildRegionTree, type RegionLike, type RegionTreeNode } from '../../shared/regions/build-region-tree';
import { submitPublicSuggestion } from './suggestion-queries';
import { usePublicRegions } from './topic-queries';

interface SuggestionValues {
  regionId?: string;
  title?: string;
  content?: string;
  name?: string;
  phone?: string;
}

interface RegionOption {
  value: string;
  title: string;
  children: RegionOption[];
}

const toOptions = (nodes: readonly RegionTreeNode<RegionLike>[]): RegionOption[] =>
  nodes.map((node) => ({ value: node.key, title: node.title, children: toOptions(node.children) }));

const fields = ['regionId', 'title', 'content', 'name', 'phone', 'topicId'];

const blankToNull = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

/**
 * The public's suggestion form: on a topic (its region by default) or unprompted (the region asked for). Name and phone are
 * optional but needed for a reply; the tracking code and secret are shown once afterwards.
 */
export function PublicSuggestionForm({ topicId }: { topicId?: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SuggestionValues>();
  const regions = usePublicRegions();
  const options = useMemo(() => toOptions(buildRegionTree(regions.data ?? [])), [regions.data]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<SuggestionTrackingCredentials | null>(null);

  const submit = async (values: SuggestionValues) => {
    setSaving(true);
    setFailure(null);
    try {
      setCredentials(
        await submitPublicSuggestion({
          topicId: topicId ?? null,
          regionId: values.regionId ?? null,
          title: values.title?.trim() ?? '',
          content: values.content?.trim() ?? '',
          name: blankToNull(values.name),
          phone: blankToNull(values.phone),
        }),
      );
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
    } finally {
      setSaving(false);
    }
  };

  if (credentials) {
    return (
      <Result
        status="success"
        title={t('publicSuggestion.successTitle')}
        subTitle={t('publicSuggestion.keepThem')}
        extra={
          <Card size="small" style={{ textAlign: 'left' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('publicSuggestion.trackingCode')}>
                <Typography.Text copyable strong data-testid="suggestion-tracking-code">
                  {credentials.trackingCode}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('publicSuggestion.secret')}>
                <Typography.Text copyable strong data-testid="suggestion-secret">
                  {credentials.secret}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Link to="/public/suggestions/track">{t('publicSuggestion.goTrack')}</Link>
          </Card>
        }
      />
    );
  }

  const required = { required: true, whitespace: true, message: t('publicSuggestion.required') };
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('publicSuggestion.formTitle')}</h2>}>
      <Form<SuggestionValues> form={form} layout="vertical" name="public-suggestion" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        {topicId ? null : (
          <Form.Item name="regionId" label={t('publicSuggestion.region')} htmlFor="public-suggestion-region" rules={[{ required: true, message: t('publicSuggestion.required') }]}>
            <TreeSelect<string>
              id="public-suggestion-region"
              treeData={options}
              loading={regions.isPending}
              status={regions.isError ? 'error' : undefined}
              placeholder={regions.isError ? t('common.loadFailed') : undefined}
              showSearch={{ treeNodeFilterProp: 'title' }}
              style={{ width: '100%' }}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('publicSuggestion.title')} rules={[required, { max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="content" label={t('publicSuggestion.content')} rules={[required, { max: 8000 }]}>
          <Input.TextArea rows={5} maxLength={8000} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('publicSuggestion.contactHint')}</Typography.Paragraph>
        <Form.Item name="name" label={t('publicSuggestion.name')} rules={[{ max: 50 }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="phone" label={t('publicSuggestion.phone')}>
          <Input autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} block>
          {t('publicSuggestion.submit')}
        </Button>
      </Form>
    </Card>
  );
}
