import { render } from 'preact';
import { Popup } from './Popup.tsx';

render(<Popup version={browser.runtime.getManifest().version} />, document.getElementById('app')!);
