import { describe, expect, it, vi } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alibabaCapture } from './helpers';
import { useBadgeSync } from '../../../components/use-badge-sync';
import { saveCapture } from '../../../storage/capture-repo';
import { updateSettings } from '../../../storage/settings-repo';

describe('useBadgeSync', () => {
  it('tells the background once after writes to the buyers, and not for other writes', async () => {
    const send = vi.fn(async () => undefined);
    fakeBrowser.runtime.sendMessage = send as never;
    const { unmount } = renderHook(() => useBadgeSync(20));
    await updateSettings({ lastBackupAt: 1 });
    await new Promise((r) => setTimeout(r, 80));
    expect(send).not.toHaveBeenCalled();
    await saveCapture(alibabaCapture());
    await saveCapture(alibabaCapture({}, { platformInquiryId: 'other' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith({ type: 'buyerbook/book-changed' });
    unmount();
    await saveCapture(alibabaCapture({}, { platformInquiryId: 'third' }));
    await new Promise((r) => setTimeout(r, 80));
    expect(send).toHaveBeenCalledTimes(1);
  });
});
