/**
 * The vocabulary of a Linkage graph: node kinds, edge kinds and their linking phrases.
 * Shared by the compiler, the validators, the importers and every view; no DOM.
 */

/** Node kinds, in legend order. */
export const NODE_KINDS = [
  'chapter',
  'section',
  'paradigm',
  'dimension',
  'transformation',
  'state',
  'reform',
  'measure',
  'feature',
  'decision-mode',
  'trait',
  'actor',
  'technology',
  'concept',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Edge kinds. Each reads as a sentence: `source <phrase> target`. */
export const EDGE_KINDS = [
  'contains',
  'from',
  'to',
  'dimension-of',
  'characterizes',
  'realizes',
  'enables',
  'causes',
  'drawback-of',
  'aspect-of',
  'instance-of',
  'defines',
  'aims-at',
  'promotes',
  'requires',
  'impacts',
  'becomes',
  'curbs',
  'contrasts',
  'echoes',
  'involves',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** A text in the three scripts the app speaks. */
export interface Trilingual {
  zhHant: string;
  zhHans: string;
  en: string;
}

/**
 * A linking phrase. In `zh` an ellipsis `…` marks where the target goes
 * (`是…的弊端` reads `A是B的弊端`); without one, the phrase stands between the two.
 * `en` is the English phrase after a singular subject, `enPlural` after a plural one (the
 * sentence realiser, src/model/realise.ts, picks it; see graph/README.md, "How a link reads").
 */
export interface LinkingPhrase {
  zh: string;
  en: string;
  enPlural: string;
}

export interface NodeKindInfo {
  /** Legend label, zh-Hant. */
  zh: string;
  /** Legend label, English. */
  en: string;
  /** What nodes of this kind are; shown in the authoring guide. */
  description: string;
}

export const NODE_KIND_INFO: Record<NodeKind, NodeKindInfo> = {
  chapter: { zh: '章', en: 'Chapter', description: 'the chapter itself (one per graph)' },
  section: { zh: '節', en: 'Section', description: 'a § section of the chapter' },
  paradigm: { zh: '範式', en: 'Paradigm', description: 'traditional administration or e-government' },
  dimension: { zh: '治理層面', en: 'Dimension', description: 'a dimension of governance that the transformations change' },
  transformation: { zh: '轉化', en: 'Transformation', description: 'a "from A to B" transformation; has exactly one `from` and one `to` edge' },
  state: { zh: '狀態', en: 'State', description: 'the old or new pole of a transformation' },
  reform: { zh: '改革趨向', en: 'Reform trend', description: 'a trend of administrative reform' },
  measure: { zh: '措施', en: 'Measure', description: 'a concrete measure that realizes a reform trend' },
  feature: { zh: '特征', en: 'Feature', description: 'a feature of e-government governance' },
  'decision-mode': { zh: '決策方式', en: 'Decision mode', description: 'a mode or type of administrative decision' },
  trait: { zh: '特點', en: 'Trait', description: 'a characteristic, aspect or drawback of something else' },
  actor: { zh: '主體', en: 'Actor', description: 'a person, body or group that acts' },
  technology: { zh: '技術', en: 'Technology', description: 'a technology or medium' },
  concept: { zh: '概念', en: 'Concept', description: 'any other idea the text defines or argues' },
};

/**
 * Default linking phrase of each edge kind (zh, English after a singular subject, English after a
 * plural one); an edge may override zh and en. A plain data table: the grammar lives in realise.ts.
 */
export const EDGE_PHRASES: Record<EdgeKind, LinkingPhrase> = {
  contains: { zh: '包含', en: 'contains', enPlural: 'contain' },
  from: { zh: '始於', en: 'starts from', enPlural: 'start from' },
  to: { zh: '轉向', en: 'moves towards', enPlural: 'move towards' },
  'dimension-of': { zh: '經歷', en: 'undergoes', enPlural: 'undergo' },
  characterizes: { zh: '是…的特征', en: 'is characteristic of', enPlural: 'are characteristic of' },
  realizes: { zh: '落實', en: 'puts into practice', enPlural: 'put into practice' },
  enables: { zh: '使…成為可能', en: 'makes possible', enPlural: 'make possible' },
  causes: { zh: '導致', en: 'leads to', enPlural: 'lead to' },
  'drawback-of': { zh: '是…的弊端', en: 'is a drawback of', enPlural: 'are drawbacks of' },
  'aspect-of': { zh: '是…的一個方面', en: 'is an aspect of', enPlural: 'are aspects of' },
  'instance-of': { zh: '是…的一種', en: 'is a kind of', enPlural: 'are kinds of' },
  defines: { zh: '界定', en: 'defines', enPlural: 'define' },
  'aims-at': { zh: '旨在', en: 'aims at', enPlural: 'aim at' },
  promotes: { zh: '促進', en: 'promotes', enPlural: 'promote' },
  requires: { zh: '要求', en: 'requires', enPlural: 'require' },
  impacts: { zh: '沖擊', en: 'has an impact on', enPlural: 'have an impact on' },
  becomes: { zh: '轉變為', en: 'gives way to', enPlural: 'give way to' },
  curbs: { zh: '限制', en: 'curbs', enPlural: 'curb' },
  contrasts: { zh: '與…相對立', en: 'stands in tension with', enPlural: 'stand in tension with' },
  echoes: { zh: '與…相呼應', en: 'echoes', enPlural: 'echo' },
  involves: { zh: '涉及', en: 'involves', enPlural: 'involve' },
};

/** Legend labels of the edge kinds (zh-Hant, English). */
export const EDGE_KIND_INFO: Record<EdgeKind, { zh: string; en: string }> = {
  contains: { zh: '包含', en: 'contains' },
  from: { zh: '舊狀態', en: 'from (old pole)' },
  to: { zh: '新狀態', en: 'to (new pole)' },
  'dimension-of': { zh: '層面', en: 'dimension of' },
  characterizes: { zh: '特征', en: 'characterizes' },
  realizes: { zh: '落實', en: 'realizes' },
  enables: { zh: '促成', en: 'enables' },
  causes: { zh: '導致', en: 'causes' },
  'drawback-of': { zh: '弊端', en: 'drawback of' },
  'aspect-of': { zh: '方面', en: 'aspect of' },
  'instance-of': { zh: '種類', en: 'kind of' },
  defines: { zh: '界定', en: 'defines' },
  'aims-at': { zh: '目的', en: 'aims at' },
  promotes: { zh: '促進', en: 'promotes' },
  requires: { zh: '要求', en: 'requires' },
  impacts: { zh: '沖擊', en: 'impacts' },
  becomes: { zh: '轉變', en: 'becomes' },
  curbs: { zh: '抑制', en: 'curbs' },
  contrasts: { zh: '對立', en: 'contrasts' },
  echoes: { zh: '呼應', en: 'echoes' },
  involves: { zh: '涉及', en: 'involves' },
};

/** Edge kinds that read the same both ways; drawn without emphasis on direction. */
export const SYMMETRIC_EDGE_KINDS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['contrasts', 'echoes']);

/** Stable ASCII ids: lower-case words joined by `.` or `-`, e.g. `tr.function`, `st.old-regulation`. */
export const ID_PATTERN = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

export function isEdgeKind(value: unknown): value is EdgeKind {
  return typeof value === 'string' && (EDGE_KINDS as readonly string[]).includes(value);
}
