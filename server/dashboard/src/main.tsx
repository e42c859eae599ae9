/** The dashboard's entry: mounts the app (issue 6). Wiring only; the app is in app.tsx. */
import { render } from 'preact';
import { App } from './app.tsx';

render(<App />, document.getElementById('app')!);
