/** Renderer entry: global styles, then the app. */
import { mount } from 'svelte';
import 'uplot/dist/uPlot.min.css';
import './styles/theme.css';
import './styles/controls.css';
import './styles/charts.css';
import App from './components/shell/App/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Internal error (please report): #app is missing from index.html');
mount(App, { target });
