// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  editableFrom,
  editableFromEvent,
  focusEditable,
  isVirtualView,
  readText,
  syncViews,
  type FrameClock,
} from './editable.ts';

/** A drawn row as Monaco draws one: spaces as U+00A0, absolutely placed by `top`. */
const monacoRow = (top: number, text: string): string =>
  `<div style="top:${top}px;height:19px" class="view-line"><span><span class="mtk1">${text.replace(/ /g, '&nbsp;')}</span></span></div>`;

/** Monaco's DOM, trimmed to what the guard relies on; `rows` in the order Monaco keeps them. */
function monaco(
  rows: string[],
  input = '<div class="native-edit-context" tabindex="0"></div>',
  zones = '',
): string {
  return `<div class="monaco-editor" role="code"><div class="overflow-guard">${input}
    <div class="lines-content"><div class="view-lines" role="presentation">${rows.join('')}</div>
    <div class="view-zones">${zones}</div></div>
    <div class="find-widget"><textarea class="input" aria-label="Find"></textarea></div>
  </div></div>`;
}

/** Ace's DOM: a 1-pixel textarea, one line group a document line, one .ace_line a drawn row. */
function ace(groups: string[][]): string {
  const lines = groups
    .map(
      (rows, k) =>
        `<div class="ace_line_group" style="top:${k * 16}px">${rows
          .map((r) => `<div class="ace_line">${r.replace(/ /g, '&nbsp;')}</div>`)
          .join('')}</div>`,
    )
    .join('');
  return `<div class="ace_editor"><textarea class="ace_text-input" style="opacity:0;width:1px;height:1px"></textarea>
    <div class="ace_scroller"><div class="ace_content"><div class="ace_layer ace_text-layer">${lines}</div>
    <div class="ace_layer ace_cursor-layer"><div class="ace_cursor"></div></div></div></div></div>`;
}

function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('editors that edit through a hidden input and draw a virtual view', () => {
  it('Monaco: its EditContext element stands for its view, which reads as the drawn lines', () => {
    const host = mount(
      monaco([monacoRow(0, 'Refund jane.roe@mailbox-example.net'), monacoRow(19, 'Thanks')]),
    );
    const input = host.querySelector('.native-edit-context')!;
    const view = host.querySelector<HTMLElement>('.view-lines')!;
    expect(editableFrom(input)).toBe(view);
    expect(isVirtualView(view)).toBe(true);
    expect(readText(view)).toBe('Refund jane.roe@mailbox-example.net\nThanks');
    // A node drawn in the view (where a drop lands) belongs to the same editor.
    expect(editableFrom(view.querySelector('.mtk1')!.firstChild!)).toBe(view);
  });

  it('Monaco: rows are read in the order they are drawn, not the order of the DOM', () => {
    const host = mount(monaco([monacoRow(19, 'second'), monacoRow(0, 'first')]));
    expect(readText(host.querySelector<HTMLElement>('.view-lines')!)).toBe('first\nsecond');
  });

  it('Monaco: a word-wrapped line (its upper row ends in the space it broke at) is one line', () => {
    const host = mount(
      monaco([
        monacoRow(0, 'Card 4539 1488 '),
        monacoRow(19, '0343 6467 for the refund'),
        monacoRow(38, 'Next line'),
      ]),
    );
    expect(readText(host.querySelector<HTMLElement>('.view-lines')!)).toBe(
      'Card 4539 1488 0343 6467 for the refund\nNext line',
    );
  });

  it('Monaco without EditContext: its hidden textarea stands for the view too', () => {
    const host = mount(
      monaco([monacoRow(0, 'hello')], '<textarea class="inputarea" tabindex="0"></textarea>'),
    );
    const view = host.querySelector<HTMLElement>('.view-lines')!;
    expect(editableFrom(host.querySelector('textarea.inputarea')!)).toBe(view);
    expect(readText(view)).toBe('hello');
  });

  it("a real field inside the editor (Monaco's find box) is a field of its own", () => {
    const host = mount(monaco([monacoRow(0, 'hello')]));
    const find = host.querySelector<HTMLTextAreaElement>('.find-widget textarea')!;
    expect(editableFrom(find)).toBe(find);
    expect(isVirtualView(find)).toBe(false);
  });

  it('a nested editor (a peek view in a view zone) answers for itself, not for the outer one', () => {
    const inner = monaco([monacoRow(0, 'inner text')]);
    const host = mount(monaco([monacoRow(0, 'outer text')], undefined, inner));
    const [outerInput, innerInput] = host.querySelectorAll('.native-edit-context');
    const [outerView, innerView] = host.querySelectorAll<HTMLElement>('.view-lines');
    expect(editableFrom(outerInput!)).toBe(outerView);
    expect(editableFrom(innerInput!)).toBe(innerView);
    expect(readText(innerView!)).toBe('inner text');
    expect(readText(outerView!)).toBe('outer text');
    expect(editableFrom(innerView!.querySelector('.mtk1')!)).toBe(innerView);
  });

  it('Ace: its 1-pixel textarea stands for the text layer; wrapped rows join their line', () => {
    const host = mount(
      ace([
        ['Customer jane.roe@mailbox-example.net, card 4539 1488 ', '    0343 6467 ok'],
        ['Bye'],
      ]),
    );
    const layer = host.querySelector<HTMLElement>('.ace_text-layer')!;
    expect(editableFrom(host.querySelector('textarea')!)).toBe(layer);
    expect(readText(layer)).toBe(
      'Customer jane.roe@mailbox-example.net, card 4539 1488 0343 6467 ok\nBye',
    );
  });

  it('CodeMirror 5: its hidden textarea stands for the code lines; measuring copies do not count', () => {
    const line = (text: string) =>
      `<pre class=" CodeMirror-line " role="presentation"><span role="presentation">${text || '<span cm-text="">\u200b</span>'}</span></pre>`;
    const host = mount(
      `<div class="CodeMirror"><div style="overflow:hidden;position:relative;width:3px;height:0"><textarea tabindex="0"></textarea></div>
      <div class="CodeMirror-scroll"><div class="CodeMirror-sizer"><div class="CodeMirror-lines"><div>
      <div class="CodeMirror-measure"><pre class="CodeMirror-line-like"><span>xxxxxxxxxx</span></pre></div>
      <div class="CodeMirror-code" role="presentation">${line('Refund jane.roe@mailbox-example.net')}${line('')}<div style="position:relative">${line('Thanks')}<div class="CodeMirror-linewidget"></div></div></div>
      </div></div></div></div></div>`,
    );
    const code = host.querySelector<HTMLElement>('.CodeMirror-code')!;
    expect(editableFrom(host.querySelector('textarea')!)).toBe(code);
    expect(isVirtualView(code)).toBe(true);
    expect(readText(code)).toBe('Refund jane.roe@mailbox-example.net\n\nThanks');
  });

  it('focus goes to the hidden input, since the view takes none', () => {
    const host = mount(ace([['x']]));
    const input = host.querySelector('textarea')!;
    focusEditable(host.querySelector<HTMLElement>('.ace_text-layer')!);
    expect(document.activeElement).toBe(input);
  });

  it('an editor the list does not name keeps the usual rules: a plain textarea is itself', () => {
    const host = mount('<div class="some-editor"><textarea></textarea></div>');
    const area = host.querySelector('textarea')!;
    expect(editableFrom(area)).toBe(area);
    expect(isVirtualView(area)).toBe(false);
  });
});

describe('EditContext editors', () => {
  it('an element with an EditContext is an editable, though neither a field nor contenteditable', () => {
    const host = mount('<div id="box"><span>draft</span></div><div id="plain"></div>');
    const box = host.querySelector<HTMLElement>('#box')!;
    // happy-dom has no EditContext; the guard only asks whether the element has one.
    Object.defineProperty(box, 'editContext', { value: {} });
    expect(editableFrom(box.querySelector('span')!.firstChild!)).toBe(null);
    expect(editableFrom(box)).toBe(box);
    expect(editableFrom(host.querySelector('#plain')!)).toBe(null);
  });
});

/**
 * Tasks, animation frames and timers run by hand, in the browser's order: tasks first-in
 * first-out, and a frame runs every callback asked for before it began (in order), never one asked
 * for during it.
 */
function manualClock(): FrameClock & {
  runTasks(): void;
  runFrame(): void;
  elapse(ms: number): void;
} {
  let tasks: (() => void)[] = [];
  let frameQueue: (() => void)[] = [];
  let timers: { at: number; run: () => void }[] = [];
  let now = 0;
  return {
    task: (run) => void tasks.push(run),
    frame: (_win, run) => void frameQueue.push(run),
    after: (ms, run) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => (timers = timers.filter((t) => t !== timer));
    },
    runTasks() {
      while (tasks.length > 0) {
        const batch = tasks;
        tasks = [];
        batch.forEach((run) => run());
      }
    },
    runFrame() {
      const batch = frameQueue;
      frameQueue = [];
      batch.forEach((run) => run());
    },
    elapse(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.run());
    },
  };
}

/** Lets pending promise callbacks run. */
const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('syncViews: a virtual view shows an edit once the frame after it has run', () => {
  const view = (): HTMLElement =>
    mount(ace([['x']])).querySelector<HTMLElement>('.ace_text-layer')!;

  it('an editor never edited is drawn; an edit is not, until a task and then a frame have run', () => {
    const clock = manualClock();
    const views = syncViews(clock);
    const el = view();
    expect(views.drawn(el)).toBe(true);
    views.edited(el);
    expect(views.drawn(el)).toBe(false);
    // A frame that was asked for before the task (the editor asked for its own while handling
    // the edit, after the guard's listener) says nothing about the edit.
    clock.runFrame();
    expect(views.drawn(el)).toBe(false);
    clock.runTasks();
    expect(views.drawn(el)).toBe(false);
    clock.runFrame();
    expect(views.drawn(el)).toBe(true);
  });

  it('however long the frame takes to come: no amount of time alone makes an edit drawn', () => {
    const clock = manualClock();
    const views = syncViews(clock);
    const el = view();
    views.edited(el);
    clock.runTasks();
    clock.elapse(60_000);
    expect(views.drawn(el)).toBe(false);
    clock.runFrame();
    expect(views.drawn(el)).toBe(true);
  });

  it('an edit after the task waits for a frame of its own', () => {
    const clock = manualClock();
    const views = syncViews(clock);
    const el = view();
    views.edited(el);
    clock.runTasks();
    views.edited(el);
    clock.runFrame();
    expect(views.drawn(el)).toBe(false);
    clock.runTasks();
    clock.runFrame();
    expect(views.drawn(el)).toBe(true);
  });

  it('edits before the task share its frame; each view keeps its own count', () => {
    const clock = manualClock();
    const views = syncViews(clock);
    const [a, b] = [view(), view()];
    views.edited(a!);
    views.edited(a!);
    views.edited(a!);
    expect(views.drawn(b!)).toBe(true);
    clock.runTasks();
    clock.runFrame();
    expect(views.drawn(a!)).toBe(true);
  });

  it('whenDrawn resolves true at the frame, or false when no frame comes within the limit', async () => {
    const clock = manualClock();
    const views = syncViews(clock);
    const el = view();
    await expect(views.whenDrawn(el, 1_000)).resolves.toBe(true);

    views.edited(el);
    let answer: boolean | undefined;
    void views.whenDrawn(el, 1_000).then((drawn) => (answer = drawn));
    clock.runTasks();
    clock.elapse(999);
    await settled();
    expect(answer).toBeUndefined();
    clock.runFrame();
    await settled();
    expect(answer).toBe(true);

    views.edited(el);
    answer = undefined;
    void views.whenDrawn(el, 1_000).then((drawn) => (answer = drawn));
    clock.runTasks();
    clock.elapse(1_000);
    await settled();
    expect(answer).toBe(false);
    // A frame that comes later still settles the view for the next send.
    clock.runFrame();
    expect(views.drawn(el)).toBe(true);
  });
});

describe('fields inside a closed shadow root', () => {
  type WithChrome = { chrome?: unknown };
  afterEach(() => {
    delete (globalThis as WithChrome).chrome;
  });

  /** A host whose closed root holds a focused textarea. */
  function closedComposer(): { host: HTMLElement; root: ShadowRoot; field: HTMLTextAreaElement } {
    const host = mount('<div></div>').querySelector('div')!;
    const root = host.attachShadow({ mode: 'closed' });
    const field = document.createElement('textarea');
    root.append(field);
    field.focus();
    return { host, root, field };
  }

  // Seen from outside a closed root, an event's composed path starts at the host (the browser
  // retargets it; happy-dom does not, so the event here is shaped by hand).
  const fromOutside = (host: Element): Event =>
    ({ composedPath: () => [host] }) as unknown as Event;

  it('are found through the extension API that opens closed roots', () => {
    const { host, root, field } = closedComposer();
    (globalThis as WithChrome).chrome = {
      dom: { openOrClosedShadowRoot: (el: Element) => (el === host ? root : null) },
    };
    expect(editableFromEvent(fromOutside(host))).toBe(field);
  });

  it('stay hidden without that API (a page script cannot look in either)', () => {
    const { host } = closedComposer();
    expect(editableFromEvent(fromOutside(host))).toBeNull();
  });
});
