/**
 * The floor of the chapter's cold load: a bare page that only builds sigma (default settings,
 * no reducers, no UI) on the same compiled chapter graph, in a stage the size of the app's map.
 * It announces itself the way the app does (`window.linkage`), so one probe times both.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import chapter from 'virtual:chapter';

const stage = document.getElementById('stage')!;
const params = new URLSearchParams(location.search);
const width = Number(params.get('w'));
const height = Number(params.get('h'));
if (width > 0 && height > 0) Object.assign(stage.style, { inset: 'auto', width: `${width}px`, height: `${height}px` });
const renderer = new Sigma(Graph.from(chapter), stage);
Object.assign(window, { linkage: { renderer } });
