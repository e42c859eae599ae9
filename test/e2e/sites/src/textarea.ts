// A plain <textarea>, like many smaller chat sites and most support-desk widgets.
import { isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const area = document.createElement('textarea');
  area.id = 'prompt';
  area.rows = 4;
  area.setAttribute('aria-labelledby', 'editor-label');
  area.addEventListener('keydown', (event) => {
    if (isSendKey(event)) {
      event.preventDefault();
      send();
    }
  });
  mount.append(area);
  return {
    getText: () => area.value,
    clear: () => {
      area.value = '';
    },
    focus: () => area.focus(),
  };
});
