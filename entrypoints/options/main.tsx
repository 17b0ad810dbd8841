import { render } from 'preact';
import '@/components/styles/base.css';
import '@/components/styles/options.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
