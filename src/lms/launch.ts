/**
 * The LMS side of the page, loaded (as a chunk of its own) only when connect.ts found an LMS's
 * API: the package's chapter (its progress key and its revision questions, generated as the deck
 * generates them), then the bridge. A page without an LMS never loads this module.
 */
import Graph from 'graphology';
import chapter from 'virtual:chapter';
import course, { chapters } from 'virtual:course';
import { tl } from '../i18n/lms';
import { formatScope } from '../model/build/scope';
import type { Lang } from '../model/sentence';
import { generateQuestions } from '../model/quiz';
import type { CompiledGraph, EdgeAttrs, GraphAttrs, NodeAttrs } from '../model/types';
import { graphKeyOf } from '../state/progress';
import { chapterParam } from '../state/url';
import { launchBridge, type Bridge, type BridgeChapter } from './bridge';
import type { LaunchConfig } from './config';
import type { FoundApi } from './find-api';

export interface LaunchUi {
  /** Shows a notice (text, details, dismiss label). */
  show(text: string, details: string[], dismiss: string): void;
  /** The reader's language now. */
  lang(): Lang;
}

/** The chapter a launch address opens (`ch=` in its hash, else the course's default). */
function chapterId(hash: string): string {
  const id = chapterParam(hash) ?? course.defaultChapter;
  return course.chapters.some((c) => c.id === id) ? id : course.defaultChapter;
}

async function packageChapter(id: string): Promise<BridgeChapter> {
  const compiled: CompiledGraph = id === course.defaultChapter ? chapter : (await chapters[id]!()).default;
  const graph = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiled);
  return {
    graphKey: graphKeyOf(graph),
    questionIds: (seed) => generateQuestions(graph, { seed }).map((q) => q.id),
    matches: (activity, type, scope) => activity.graph === graphKeyOf(graph) && activity.type === type && formatScope(activity.scope) === scope,
  };
}

/**
 * Starts the bridge for the page launched at `hash`; null when the LMS refused to start a session,
 * or when `late()` says the page has already started without it.
 */
export async function launch(found: FoundApi, config: LaunchConfig, ui: LaunchUi, hash: string, late: () => boolean): Promise<Bridge | null> {
  const ch = await packageChapter(chapterId(hash));
  if (late()) {
    console.warn('Linkage: the LMS bridge came too late; this session runs on the device alone');
    return null;
  }
  const bridge = launchBridge(found, {
    config,
    chapter: ch,
    ui: { notify: (key, details) => ui.show(tl(ui.lang(), key), details, tl(ui.lang(), 'dismiss')) },
  });
  // For tests and the console, beside window.linkage.
  Object.assign(window, { linkageLms: bridge });
  return bridge;
}
