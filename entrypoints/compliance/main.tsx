import { render } from 'preact';
import '@/components/styles/base.css';
import '@/components/styles/pages.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
