import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { retryWhileCaseNotOpen } from './reception-actions';

const caseNotOpen = () => new ApiError(409, { status: 409, code: 'case_not_open', detail: 'not open yet' });
const noSleep = () => Promise.resolve();

describe('taking charge while dispatch opens the case', () => {
  it('tries again while the case is not open, then answers what the API answers', async () => {
    const send = vi.fn<() => Promise<string>>().mockRejectedValueOnce(caseNotOpen()).mockRejectedValueOnce(caseNotOpen()).mockResolvedValue('taken');
    const waits: number[] = [];

    await expect(retryWhileCaseNotOpen(send, { attempts: 5, delayMs: 1_000, onWait: (attempt) => waits.push(attempt), sleep: noSleep })).resolves.toBe('taken');
    expect(send).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([1, 2]);
  });

  it('gives up after the last attempt, and at once on any other failure', async () => {
    const never = vi.fn<() => Promise<string>>().mockRejectedValue(caseNotOpen());
    await expect(retryWhileCaseNotOpen(never, { attempts: 3, delayMs: 1, sleep: noSleep })).rejects.toMatchObject({ code: 'case_not_open' });
    expect(never).toHaveBeenCalledTimes(3);

    const stale = vi.fn<() => Promise<string>>().mockRejectedValue(new ApiError(412, { status: 412 }));
    await expect(retryWhileCaseNotOpen(stale, { attempts: 3, delayMs: 1, sleep: noSleep })).rejects.toMatchObject({ status: 412 });
    expect(stale).toHaveBeenCalledTimes(1);
  });
});
