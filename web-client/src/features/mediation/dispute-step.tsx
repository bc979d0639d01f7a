import { Alert, App } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import { useI18n } from '../../shared/i18n/i18n-context';
import type { MessageKey } from '../../shared/i18n/zh-cn';
import { useInvalidateDisputes } from './dispute-queries';

/**
 * Runs a step on a dispute from a dialog: busy while it runs; on success a message, `onDone` (close the dialog) and the
 * disputes refreshed; a stale version (412) says the dispute changed meanwhile and refreshes it, any other failure is described.
 */
export function useDisputeStep(recorded: MessageKey = 'dispute.recorded') {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateDisputes();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (step: () => Promise<unknown>, onDone: () => void) => {
    setBusy(true);
    setFailure(null);
    try {
      await step();
      void message.success(t(recorded));
      onDone();
      await invalidate();
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        setFailure(t('dispute.stale'));
        await invalidate();
      } else {
        setFailure(describeError(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return { busy, failure, run, clearFailure: () => setFailure(null) };
}

/** The failure of a dispute step, at the top of its dialog's form. */
export function StepFailure({ failure }: { failure: string | null }) {
  return failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} /> : null;
}
