/** The few extension APIs the background script uses (Chrome's, Manifest V3), typed to what it reads. */
declare namespace chrome {
  namespace runtime {
    const id: string;
    function getURL(path: string): string;
    const onInstalled: { addListener(listener: () => void): void };
  }
  namespace tabs {
    interface Tab {
      id?: number;
      title?: string;
      url?: string;
      index: number;
      windowId: number;
    }
    function create(properties: { url: string; index?: number; openerTabId?: number }): Promise<Tab>;
  }
  namespace action {
    const onClicked: { addListener(listener: (tab: tabs.Tab) => void): void };
  }
  namespace contextMenus {
    interface OnClickData {
      menuItemId: string | number;
      frameId?: number;
      pageUrl?: string;
      frameUrl?: string;
      linkUrl?: string;
    }
    function create(properties: { id: string; title: string; contexts: string[] }): void;
    function removeAll(): Promise<void>;
    const onClicked: { addListener(listener: (info: OnClickData, tab?: tabs.Tab) => void): void };
  }
  namespace scripting {
    interface InjectionResult {
      result?: unknown;
      frameId: number;
    }
    function executeScript(injection: {
      target: { tabId: number; frameIds?: number[] };
      files: string[];
    }): Promise<InjectionResult[]>;
  }
}
