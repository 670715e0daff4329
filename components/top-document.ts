/**
 * The document now in a tab's top frame, as Chrome names it (Chrome 106+: the result of an
 * injection carries its document), or null where it cannot say. A no-op runs in the page's
 * isolated world; it needs host access or activeTab, which the panel has wherever a content script
 * may push a capture and the background has while handling the seller's click or shortcut. Both
 * the panel (which document may push) and the background (which document a relayed request came
 * from) ask it.
 */
import { browser } from 'wxt/browser';

export async function topDocumentId(tabId: number): Promise<string | null> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: () => true });
    const id = (result as { documentId?: unknown } | undefined)?.documentId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
