/** Turns the menu model into Electron's menu template. Only types come from Electron, so this is testable. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction, MenuItemModel } from './menu-model.ts';

/** The Electron template for a menu model; clicks on action items call `onAction`. */
export function toMenuTemplate(
  items: readonly MenuItemModel[],
  onAction: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    const options: MenuItemConstructorOptions = {};
    if (item.id !== undefined) options.id = item.id;
    if (item.label !== undefined) options.label = item.label;
    if (item.role !== undefined) options.role = item.role;
    if (item.accelerator !== undefined) options.accelerator = item.accelerator;
    if (item.enabled !== undefined) options.enabled = item.enabled;
    if (item.submenu !== undefined) options.submenu = toMenuTemplate(item.submenu, onAction);
    const action = item.action;
    if (action !== undefined) options.click = () => onAction(action);
    return options;
  });
}
