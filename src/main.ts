import Graph from 'graphology';
import chapter from 'virtual:chapter';
import type { EdgeAttrs, GraphAttrs, NodeAttrs } from './model/types';
import { createSession } from './state/session';
import { DEFAULT_STATE } from './state/types';
import { mountNetwork } from './views/network';

const graph = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(chapter);
const session = createSession(graph, DEFAULT_STATE);
const el = document.createElement('div');
el.className = 'network';
document.getElementById('app')!.append(el);
const net = mountNetwork(el, session);
(window as unknown as { linkage: unknown }).linkage = { session, net };
