// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewPanel, type PanelFinding, type ReviewPanelProps } from './ReviewPanel.tsx';
import { button, buttonNames, click, key, mount, pressEnter, type } from './testing/dom.ts';

// Previews are what the caller passes: already partly masked. The values are made up.
const EMAIL_1: PanelFinding = {
  type: 'EMAIL',
  label: 'Email address',
  level: 'CONFIDENTIAL',
  action: 'mask',
  detector: 'email',
  preview: 'j•••@e•••.test',
  where: 'line 1',
};
const EMAIL_2: PanelFinding = { ...EMAIL_1, preview: 'a•••@e•••.test', where: 'line 4' };
const CARD: PanelFinding = {
  type: 'CREDIT_CARD',
  label: 'Payment card data',
  level: 'RESTRICTED',
  action: 'mask',
  detector: 'credit-card',
  reason: 'Luhn checksum, near the word "card"',
  preview: '•••• •••• •••• 4242',
  where: 'line 2',
};
const KEY: PanelFinding = {
  type: 'API_KEY',
  label: 'API key or token',
  level: 'RESTRICTED',
  action: 'block',
  detector: 'api-key',
  preview: 'sk-•••••••••',
  where: 'line 3',
};
const SSN: PanelFinding = {
  type: 'US_SSN',
  label: 'US Social Security number',
  level: 'RESTRICTED',
  action: 'warn',
  detector: 'us-ssn',
  preview: '•••-••-1234',
  where: 'line 5',
};

function setup(over: Partial<ReviewPanelProps> = {}) {
  const props: ReviewPanelProps = {
    site: { name: 'ExampleChat', pageClass: 'unapproved-ai' },
    findings: [EMAIL_1, CARD, EMAIL_2],
    allowed: { maskAndSend: true, sendAnyway: true, reasonRequired: true },
    onMaskAndSend: vi.fn(),
    onEdit: vi.fn(),
    onSendAnyway: vi.fn(),
    onCancel: vi.fn(),
    ...over,
  };
  const view = mount(<ReviewPanel {...props} />);
  mounted.push(view);
  const dialog = view.container.querySelector<HTMLElement>('[role="dialog"]')!;
  return { props, dialog, container: view.container };
}

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const view of mounted.splice(0)) view.unmount();
});

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ');
}

describe('ReviewPanel: what it shows', () => {
  it('is a labelled, described modal dialog', () => {
    const { dialog } = setup();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!);
    const summary = document.getElementById(dialog.getAttribute('aria-describedby')!);
    expect(title?.tagName).toBe('H2');
    expect(text(title!)).toBe('Hush stopped this message: it contains sensitive data');
    expect(text(summary!)).toBe(
      '3 values will be replaced by tokens like [EMAIL_1] before sending.',
    );
  });

  it('groups findings by type, each with its label, where, why and action', () => {
    const { dialog } = setup();
    const sections = [...dialog.querySelectorAll('section')];
    expect(sections.map((s) => text(s.querySelector('h3')!))).toEqual([
      'Email address (2)',
      'Payment card data (1)',
    ]);
    const emails = [...sections[0]!.querySelectorAll('li')].map(text);
    expect(emails).toEqual([
      'j•••@e•••.test line 1, found by email will be masked',
      'a•••@e•••.test line 4, found by email will be masked',
    ]);
    expect(text(sections[1]!.querySelector('li')!)).toBe(
      '•••• •••• •••• 4242 line 2, found by credit-card (Luhn checksum, near the word "card") will be masked',
    );
    expect(text(dialog)).toContain('ExampleChat is not approved by your company');
  });

  it('says which values go out as they are when some are only warnings', () => {
    const { dialog } = setup({ findings: [EMAIL_1, SSN] });
    const summary = document.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(text(summary)).toBe(
      '1 value will be replaced by tokens like [EMAIL_1] before sending.' +
        '1 value will be sent as it is: check it is needed.',
    );
    expect(text(dialog)).toContain('will be sent as is: check it');
  });

  it('names the approved alternative with a link', () => {
    const { dialog } = setup({
      approvedAlternative: { name: 'Company Assistant', url: 'https://assistant.example.test/' },
    });
    const link = dialog.querySelector('a')!;
    expect(link.textContent).toBe('Company Assistant');
    expect(link.getAttribute('href')).toBe('https://assistant.example.test/');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('offers only the actions policy allows', () => {
    const { dialog } = setup({
      allowed: { maskAndSend: true, sendAnyway: false, reasonRequired: false },
    });
    expect(buttonNames(dialog)).toEqual(['Mask and send', 'Edit message', 'Cancel']);
  });
});

describe('ReviewPanel: block', () => {
  it('disables mask and send and send anyway, and says why', () => {
    const { dialog, props } = setup({ findings: [EMAIL_1, KEY] });
    const maskAndSend = button(dialog, 'Mask and send');
    const sendAnyway = button(dialog, 'Send anyway…');
    expect(maskAndSend.disabled).toBe(true);
    expect(sendAnyway.disabled).toBe(true);
    expect(button(dialog, 'Edit message').disabled).toBe(false);
    expect(button(dialog, 'Cancel').disabled).toBe(false);

    const why = document.getElementById(maskAndSend.getAttribute('aria-describedby')!)!;
    expect(sendAnyway.getAttribute('aria-describedby')).toBe(why.id);
    expect(text(why)).toContain('API key or token must never leave this page');
    const summary = document.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(text(summary)).toBe(
      '1 value cannot be sent to ExampleChat (API key or token). Edit the message to remove it.',
    );

    click(maskAndSend);
    click(sendAnyway);
    expect(props.onMaskAndSend).not.toHaveBeenCalled();
    expect(dialog.querySelector('textarea')).toBeNull();
  });
});

describe('ReviewPanel: send anyway', () => {
  function openReason(over: Partial<ReviewPanelProps> = {}) {
    const view = setup(over);
    click(button(view.dialog, 'Send anyway…'));
    const textarea = view.dialog.querySelector('textarea')!;
    return { ...view, textarea };
  }

  it('opens a labelled reason box and focuses it', () => {
    const { dialog, textarea } = openReason();
    expect(document.activeElement).toBe(textarea);
    const label = dialog.querySelector(`label[for="${textarea.id}"]`)!;
    expect(text(label)).toBe('Why must this be sent as is? (required)');
    expect(textarea.required).toBe(true);
  });

  it('refuses an empty reason when one is required', () => {
    const { dialog, props, textarea } = openReason();
    type(textarea, '   ');
    click(button(dialog, 'Send with this reason'));
    expect(props.onSendAnyway).not.toHaveBeenCalled();
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(textarea.getAttribute('aria-describedby')!)!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('Write why this must be sent as is.');
  });

  it('allows an empty reason when none is required, without scanning it', () => {
    const scanReason = vi.fn(() => 'never');
    const { dialog, props } = openReason({
      allowed: { maskAndSend: true, sendAnyway: true, reasonRequired: false },
      scanReason,
    });
    click(button(dialog, 'Send with this reason'));
    expect(props.onSendAnyway).toHaveBeenCalledWith('');
    expect(scanReason).not.toHaveBeenCalled();
  });

  it('scans the reason and refuses it with the scanner message', () => {
    const scanReason = vi.fn((t: string) =>
      t.includes('@') ? 'Your reason contains an email address. Remove it.' : null,
    );
    const { dialog, props, textarea } = openReason({ scanReason });
    type(textarea, 'customer x@example.test asked for it');
    click(button(dialog, 'Send with this reason'));
    expect(scanReason).toHaveBeenCalledWith('customer x@example.test asked for it');
    expect(props.onSendAnyway).not.toHaveBeenCalled();
    expect(dialog.querySelector('[role="alert"]')!.textContent).toBe(
      'Your reason contains an email address. Remove it.',
    );
    expect(document.activeElement).toBe(textarea);

    // Editing clears the error; a clean reason goes through, trimmed.
    type(textarea, '  Ticket 4411: the customer asked us to check the format  ');
    expect(dialog.querySelector('[role="alert"]')).toBeNull();
    click(button(dialog, 'Send with this reason'));
    expect(props.onSendAnyway).toHaveBeenCalledTimes(1);
    expect(props.onSendAnyway).toHaveBeenCalledWith(
      'Ticket 4411: the customer asked us to check the format',
    );
  });

  it('Back closes the reason box and returns focus to Send anyway', () => {
    const { dialog } = openReason();
    click(button(dialog, 'Back'));
    expect(dialog.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button(dialog, 'Send anyway…'));
  });

  it('opens with the reason box focused when the agent already chose it in a notice', () => {
    const { dialog } = setup({ startWithReason: true });
    const textarea = dialog.querySelector('textarea')!;
    expect(document.activeElement).toBe(textarea);
    click(button(dialog, 'Back'));
    expect(document.activeElement).toBe(button(dialog, 'Send anyway…'));
  });

  it('never opens the reason box on a block, even when asked to', () => {
    const { dialog } = setup({ findings: [KEY], startWithReason: true });
    expect(dialog.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button(dialog, 'Edit message'));
  });

  it('never opens the reason box when policy does not allow sending anyway', () => {
    const { dialog } = setup({
      allowed: { maskAndSend: true, sendAnyway: false, reasonRequired: true },
      startWithReason: true,
    });
    expect(dialog.querySelector('textarea')).toBeNull();
  });
});

describe('ReviewPanel: keyboard', () => {
  it('moves focus into the dialog on open, to the first enabled action', () => {
    const { dialog } = setup();
    expect(document.activeElement).toBe(button(dialog, 'Mask and send'));
  });

  it('focuses Edit when sending is blocked', () => {
    const { dialog } = setup({ findings: [KEY] });
    expect(document.activeElement).toBe(button(dialog, 'Edit message'));
  });

  it('takes focus back when a page script moves it to the page, to where it was', () => {
    const field = document.createElement('textarea');
    document.body.append(field);
    try {
      const { dialog } = setup();
      key('Tab');
      expect(document.activeElement).toBe(button(dialog, 'Edit message'));
      // An editor that draws late focuses itself (Trix and Monaco do) while the panel is open.
      field.focus();
      expect(document.activeElement).toBe(button(dialog, 'Edit message'));
    } finally {
      field.remove();
    }
  });

  it('gives up after a bounded number of tries against a page that always takes focus back', () => {
    const field = document.createElement('textarea');
    document.body.append(field);
    let steals = 0;
    const steal = () => {
      steals++;
      field.focus();
    };
    try {
      const { dialog } = setup();
      dialog.addEventListener('focusin', steal);
      field.focus();
      expect(steals).toBeGreaterThan(1);
      expect(steals).toBeLessThanOrEqual(21);
      expect(document.activeElement).toBe(field);
    } finally {
      field.remove();
    }
  });

  it('lets focus go once it has closed', () => {
    const field = document.createElement('textarea');
    document.body.append(field);
    try {
      setup();
      for (const view of mounted.splice(0)) view.unmount();
      field.focus();
      expect(document.activeElement).toBe(field);
    } finally {
      field.remove();
    }
  });

  it('traps Tab and Shift+Tab inside the dialog, skipping disabled buttons', () => {
    const { dialog } = setup({
      findings: [EMAIL_1],
      approvedAlternative: { name: 'Company Assistant', url: 'https://assistant.example.test/' },
    });
    const order = () => {
      const el = document.activeElement!;
      return el.tagName === 'A' ? 'link' : el.textContent!.trim();
    };
    const forward: string[] = [];
    for (let i = 0; i < 6; i++) {
      expect(key('Tab').defaultPrevented).toBe(true);
      forward.push(order());
    }
    expect(forward).toEqual([
      'Edit message',
      'Send anyway…',
      'Cancel',
      'link',
      'Mask and send',
      'Edit message',
    ]);
    const back: string[] = [];
    for (let i = 0; i < 3; i++) {
      key('Tab', { shiftKey: true });
      back.push(order());
    }
    expect(back).toEqual(['Mask and send', 'link', 'Cancel']);
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('Escape cancels, from anywhere in the dialog', () => {
    const { dialog, props } = setup();
    click(button(dialog, 'Send anyway…'));
    const event = key('Escape');
    expect(event.defaultPrevented).toBe(true);
    expect(props.onCancel).toHaveBeenCalledTimes(1);
    expect(props.onSendAnyway).not.toHaveBeenCalled();
  });

  it('Enter activates each action with the right callback', () => {
    const { dialog, props } = setup();
    pressEnter(button(dialog, 'Mask and send'));
    expect(props.onMaskAndSend).toHaveBeenCalledWith();
    pressEnter(button(dialog, 'Edit message'));
    expect(props.onEdit).toHaveBeenCalledWith();
    pressEnter(button(dialog, 'Cancel'));
    expect(props.onCancel).toHaveBeenCalledWith();

    pressEnter(button(dialog, 'Send anyway…'));
    const textarea = dialog.querySelector('textarea')!;
    type(textarea, 'Approved by the team lead in ticket 4411');
    pressEnter(button(dialog, 'Send with this reason'));
    expect(props.onSendAnyway).toHaveBeenCalledWith('Approved by the team lead in ticket 4411');
    for (const fn of [props.onMaskAndSend, props.onEdit, props.onCancel, props.onSendAnyway]) {
      expect(fn).toHaveBeenCalledTimes(1);
    }
  });

  it('every action is a real button that does not submit a form', () => {
    const { dialog } = setup();
    for (const b of dialog.querySelectorAll('button')) expect(b.type).toBe('button');
  });
});
