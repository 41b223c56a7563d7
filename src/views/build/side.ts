/**
 * The column beside the sheet: what the student builds with. A kit's tray of link cards (grouped
 * by phrase, with how many are left; choosing one arms it for the next link), a skeleton's
 * parking lot of concepts still to place, free building's concept search; and, when a link is
 * being made, the choice of its phrase or kind, which takes the focus until made or cancelled.
 */
import { el } from '../../dom';
import { tb } from '../../i18n/build';
import { pick } from '../../i18n/strings';
import type { Exercise, LinkCard } from '../../model/build/exercise';
import { search, type SearchIndex } from '../../model/search';
import type { Lang } from '../../model/sentence';
import type { KindInfo } from '../../model/types';

/** Cards that read the same, as the tray shows them. */
export interface CardGroup {
  /** Kind and phrase (`kind::zh::en`): the group's identity. */
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  /** Its cards still free, first first. */
  readonly free: readonly LinkCard[];
  readonly total: number;
}

export function cardText(card: LinkCard, lang: Lang): string {
  return pick(lang, card.zh, card.zhHans, card.en);
}

/** The kit's cards by kind and phrase, in tray order, with those not yet used. */
export function cardGroups(cards: readonly LinkCard[], used: ReadonlySet<string>, lang: Lang): CardGroup[] {
  const groups = new Map<string, { kind: string; text: string; free: LinkCard[]; total: number }>();
  for (const c of cards) {
    const text = cardText(c, lang);
    const id = `${c.kind}::${c.zh}::${c.en}`;
    const g = groups.get(id) ?? { kind: c.kind, text, free: [], total: 0 };
    g.total++;
    if (!used.has(c.id)) g.free.push(c);
    groups.set(id, g);
  }
  return [...groups].map(([id, g]) => ({ id, ...g }));
}

export interface Choice {
  readonly label: string;
  readonly value: string;
}

export interface SideProps {
  readonly lang: Lang;
  readonly exercise: Exercise;
  readonly groups: readonly CardGroup[];
  readonly armed: string | null;
  /** Concepts of the exercise not on the sheet (skeleton). */
  readonly parked: readonly string[];
  readonly onSheet: ReadonlySet<string>;
  name(key: string): string;
  /** A link being made: its heading and the phrases or kinds to choose from. */
  readonly choosing: { heading: string; choices: readonly Choice[] } | null;
}

export interface SideHandlers {
  arm(group: string | null): void;
  place(key: string): void;
  /** A concept dragged from the list and let go at a client point (placed there when over the sheet). */
  drop(key: string, clientX: number, clientY: number): void;
  choose(value: string): void;
  cancelChoice(): void;
}

export interface SideView {
  readonly element: HTMLElement;
  render(props: SideProps): void;
}

export function kindChoices(kinds: readonly string[], info: ReadonlyMap<string, KindInfo>, lang: Lang): Choice[] {
  return kinds.map((k) => {
    const i = info.get(k);
    return { value: k, label: i ? pick(lang, i.zh, i.zhHans, i.en) : k };
  });
}

/**
 * Lets a list button be dragged onto the sheet (mouse, pen or touch): past a few pixels a ghost
 * with its name follows the pointer, and letting go calls `drop`; a press that does not move
 * stays a click.
 */
function draggable(button: HTMLButtonElement, key: string, handlers: SideHandlers): HTMLButtonElement {
  button.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || button.disabled) return;
    const x0 = e.clientX;
    const y0 = e.clientY;
    let ghost: HTMLElement | null = null;
    // Captured from the start: the pointer leaves the button at once on its way to the sheet.
    button.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => {
      if (!ghost && Math.hypot(ev.clientX - x0, ev.clientY - y0) < 6) return;
      if (!ghost) {
        ghost = el('div', { class: 'drag-ghost', 'aria-hidden': 'true' }, button.textContent ?? key);
        document.body.append(ghost);
      }
      ghost.style.transform = `translate(${ev.clientX + 8}px, ${ev.clientY + 8}px)`;
    };
    const up = (ev: PointerEvent) => {
      button.removeEventListener('pointermove', move);
      button.removeEventListener('pointerup', up);
      button.removeEventListener('pointercancel', up);
      if (!ghost) return;
      ghost.remove();
      // A drag is not a click as well.
      button.addEventListener('click', (c) => c.stopImmediatePropagation(), { capture: true, once: true });
      if (ev.type === 'pointerup') handlers.drop(key, ev.clientX, ev.clientY);
    };
    button.addEventListener('pointermove', move);
    button.addEventListener('pointerup', up);
    button.addEventListener('pointercancel', up);
  });
  return button;
}

export function mountSide(index: () => SearchIndex, handlers: SideHandlers): SideView {
  const chooser = el('section', { class: 'build-chooser', role: 'group', hidden: true });
  const tools = el('section', { class: 'build-tools' });
  const element = el('aside', { class: 'build-side' }, chooser, tools);
  let query = '';
  let last: SideProps | null = null;
  let chooserKey = '';

  const searchInput = el('input', {
    type: 'search',
    class: 'build-search',
    autocomplete: 'off',
    oninput: () => {
      query = searchInput.value;
      if (last) renderTools(last);
    },
  });
  const searchResults = el('ul', { class: 'build-hits' });

  function renderChooser(p: SideProps): void {
    if (!p.choosing) {
      chooser.hidden = true;
      chooser.replaceChildren();
      chooserKey = '';
      return;
    }
    const key = `${p.choosing.heading}|${p.choosing.choices.map((c) => c.value).join(',')}`;
    if (key === chooserKey) return;
    chooserKey = key;
    const heading = el('h3', { id: 'build-chooser-heading' }, p.choosing.heading);
    chooser.setAttribute('aria-labelledby', 'build-chooser-heading');
    const list = el('div', { class: 'choices' }, ...p.choosing.choices.map((c) => el('button', { type: 'button', class: 'choice', 'data-value': c.value, onclick: () => handlers.choose(c.value) }, c.label)));
    const cancel = el('button', { type: 'button', class: 'choice-cancel', onclick: () => handlers.cancelChoice() }, tb(p.lang, 'cancel'));
    chooser.replaceChildren(heading, list, cancel);
    chooser.hidden = false;
    chooser.onkeydown = (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        handlers.cancelChoice();
      }
    };
    list.querySelector<HTMLButtonElement>('button')?.focus();
  }

  function renderTools(p: SideProps): void {
    const { lang, exercise } = p;
    if (exercise.type === 'kit') {
      const left = p.groups.reduce((n, g) => n + g.free.length, 0);
      const items = p.groups.map((g) =>
        el('li', {},
          el('button', {
            type: 'button',
            class: 'card',
            'data-kind': g.kind,
            'aria-pressed': String(p.armed === g.id),
            disabled: g.free.length === 0,
            onclick: () => handlers.arm(p.armed === g.id ? null : g.id),
          }, el('span', { class: 'card-text' }, g.text), el('span', { class: 'card-count' }, `${g.free.length}/${g.total}`)),
        ),
      );
      const done = left === 0 && p.groups.length > 0 ? [el('p', { class: 'muted' }, tb(lang, 'noCardsLeft'))] : [];
      tools.replaceChildren(el('h3', {}, tb(lang, 'cards'), ' ', el('span', { class: 'muted' }, tb(lang, 'cardsLeft', { n: left }))), ...done, el('ul', { class: 'card-tray' }, ...items));
      return;
    }
    if (exercise.type === 'skeleton') {
      tools.replaceChildren(
        el('h3', {}, tb(lang, 'parking')),
        p.parked.length === 0
          ? el('p', { class: 'muted' }, tb(lang, 'parkingEmpty'))
          : el('ul', { class: 'parking' }, ...p.parked.map((k) => el('li', {}, draggable(el('button', { type: 'button', class: 'parked', 'data-key': k, 'aria-label': `${tb(lang, 'place')}: ${p.name(k)}`, onclick: () => handlers.place(k) }, p.name(k)), k, handlers)))),
      );
      return;
    }
    searchInput.placeholder = tb(lang, 'searchConcepts');
    searchInput.setAttribute('aria-label', tb(lang, 'searchConcepts'));
    const q = query.trim();
    const hits = q === '' ? [] : search(index(), q, { limit: 12 });
    searchResults.replaceChildren(
      ...(q !== '' && hits.length === 0 ? [el('li', { class: 'muted' }, tb(lang, 'noMatch'))] : []),
      ...hits.map((h) =>
        el('li', {},
          draggable(
            el('button', { type: 'button', class: 'hit', 'data-key': h.key, disabled: p.onSheet.has(h.key), onclick: () => handlers.place(h.key) },
              p.name(h.key), p.onSheet.has(h.key) ? el('span', { class: 'muted' }, tb(lang, 'onSheet')) : null),
            h.key,
            handlers,
          ),
        ),
      ),
    );
    if (!tools.contains(searchInput)) tools.replaceChildren(el('h3', {}, tb(lang, 'addConcept')), searchInput, searchResults);
    else (tools.firstChild as HTMLElement).textContent = tb(lang, 'addConcept');
  }

  return {
    element,
    render(p) {
      last = p;
      renderChooser(p);
      renderTools(p);
    },
  };
}
