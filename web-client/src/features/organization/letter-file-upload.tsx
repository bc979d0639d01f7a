import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { ResponsibilityLetter } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { fileForm } from '../../shared/files/file-transfer';
import { useI18n } from '../../shared/i18n/i18n-context';
import type { Translate } from '../../shared/i18n/translate';
import { letterEtag, useInvalidateWorkSystems } from './work-system-queries';

/** What a failed upload says: the API's reasons about the file itself, else the general description of the error. */
function uploadFailure(error: unknown, t: Translate): string {
  const reasons = isApiError(error) ? Object.values(error.fieldErrors).flat() : [];
  return reasons.length > 0 ? reasons.join(' ') : describeError(error, t);
}

/**
 * Attaches the signed file to a letter that has none, sending the letter's version as If-Match. The list is read afresh
 * whatever the answer: a stale version or a file attached meanwhile shows as it now is.
 */
export function LetterFileUpload({ letter }: { letter: ResponsibilityLetter }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateWorkSystems();
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await unwrap(
        api.POST('/api/v1/responsibility-letters/{id}/file', {
          params: { path: { id: letter.id }, header: { 'If-Match': letterEtag(letter.version) } },
          body: { file: file.name },
          bodySerializer: () => fileForm(file),
        }),
      );
      void message.success(t('letters.uploaded', { name: file.name }));
    } catch (error) {
      void message.error(uploadFailure(error, t));
    } finally {
      setUploading(false);
      await invalidate();
    }
  };

  return (
    <Upload
      showUploadList={false}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Button type="link" icon={<UploadOutlined aria-hidden />} loading={uploading}>
        {t('letters.upload')}
      </Button>
    </Upload>
  );
}
