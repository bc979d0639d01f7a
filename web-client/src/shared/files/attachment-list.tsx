import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, List } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/i18n-context';

export interface ListedAttachment {
  id: string;
  fileName: string;
  sizeBytes: number;
}

/** Files with a download button each; a failed download is said in words, the list stays. */
export function AttachmentList<T extends ListedAttachment>({
  items,
  download,
  describe,
  testId,
}: {
  items: readonly T[];
  download: (item: T) => Promise<void>;
  /** What follows the size, e.g. when the file was uploaded. */
  describe?: (item: T) => string;
  testId?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sizeText = (bytes: number) =>
    bytes < 1024 ? t('attachments.sizeBytes', { bytes }) : t('attachments.size', { kb: (bytes / 1024).toFixed(1) });
  const [downloading, setDownloading] = useState<string | null>(null);

  const start = async (item: T) => {
    setDownloading(item.id);
    try {
      await download(item);
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={[...items]}
      renderItem={(item) => (
        <List.Item
          actions={[
            <Button
              key="download"
              type="link"
              icon={<DownloadOutlined aria-hidden />}
              loading={downloading === item.id}
              aria-label={t('attachments.downloadFile', { name: item.fileName })}
              onClick={() => void start(item)}
            >
              {t('attachments.download')}
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={item.fileName}
            description={[sizeText(item.sizeBytes), describe?.(item)].filter(Boolean).join(' · ')}
          />
        </List.Item>
      )}
    />
  );
}
