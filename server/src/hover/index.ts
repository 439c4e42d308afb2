// Hover cards, as pure functions of the dataset and a check result: no LSP, no vscode, no I/O.
// Every string that comes from the dataset or from the draft goes through escapeMarkdown, so the cards contain no
// links, no command URIs and no HTML whatever the data says.

import * as path from 'path';
import type { CheckResult, DateMention, Diagnostic, Mention, Position, Range, Source } from '../types';
import type { Dataset, FactEvent, Person, Place } from '../facts/types';
import { escapeMarkdown as esc, truncate } from './escape';

export { escapeMarkdown, truncate } from './escape';

/** At most this many entries in a person's or place's timeline. */
const MAX_TIMELINE = 12;
const MAX_QUOTE = 220;

export function contains(range: Range, pos: Position): boolean {
  const { start, end } = range;
  if (pos.line < start.line || pos.line > end.line) return false;
  if (pos.line === start.line && pos.character < start.character) return false;
  if (pos.line === end.line && pos.character > end.character) return false;
  return true;
}

function size(range: Range): number {
  return (range.end.line - range.start.line) * 100000 + (range.end.character - range.start.character);
}

/** The smallest item whose range contains the position. */
function innermost<T extends { range: Range }>(items: readonly T[] | undefined, pos: Position): T | undefined {
  let best: T | undefined;
  for (const item of items ?? []) {
    if (item && item.range && contains(item.range, pos) && (!best || size(item.range) < size(best.range))) best = item;
  }
  return best;
}

/** "002_705faf08c05380e2.txt, line 9: “…quote…”", escaped. */
export function renderSource(source: Source | undefined, _seedsDir?: string): string {
  if (!source) return '';
  const file = esc(path.basename(String(source.seed ?? '')));
  const line = Number.isFinite(source.line) ? `, line ${Math.trunc(source.line)}` : '';
  const quote = source.quote ? `: “${esc(truncate(String(source.quote), MAX_QUOTE))}”` : '';
  return `*${file}${line}*${quote}`;
}

function placeName(dataset: Dataset, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return dataset.places?.find((p) => p.id === id)?.name ?? id;
}

function eventLine(event: FactEvent): string {
  const when = event.when?.text || event.when?.start || '';
  const status = event.status === 'planned' ? ' (planned)' : '';
  const type = event.type ? `${event.type}: ` : '';
  let text = `- **${esc(when)}**: ${esc(type)}${esc(event.label ?? event.id)}${esc(status)}`;
  const source = event.sources?.[0];
  if (source) text += `  \n  ${renderSource(source)}`;
  return text;
}

function byDate(a: FactEvent, b: FactEvent): number {
  return String(a.when?.start ?? '').localeCompare(String(b.when?.start ?? ''));
}

/** The most recent events, oldest first; older ones are counted, not listed. */
function timeline(events: FactEvent[]): string[] {
  const sorted = [...events].sort(byDate);
  const shown = sorted.slice(-MAX_TIMELINE);
  const lines = shown.map(eventLine);
  if (sorted.length > shown.length) lines.unshift(`- … ${sorted.length - shown.length} earlier`);
  return lines;
}

export function renderPersonCard(dataset: Dataset, person: Person): string {
  const parts: string[] = [];
  const country = placeName(dataset, person.country);
  let head = `**${esc(person.name)}**`;
  if (person.role) head += ` — ${esc(person.role)}`;
  if (country && !(person.role ?? '').includes(country)) head += ` (${esc(country)})`;
  parts.push(head);
  const roles = (person.roles ?? []).filter((r) => r && r.title && !(person.role ?? '').includes(r.title));
  if (roles.length) {
    parts.push('Also: ' + roles.map((r) => `${esc(r.title)} (as of ${esc(r.asOf)})`).join('; '));
  }
  const events = (dataset.events ?? []).filter(
    (e) => (e.actors ?? []).includes(person.id) || (e.with ?? []).includes(person.id),
  );
  if (events.length) {
    parts.push('**Known visits, meetings and calls**\n\n' + timeline(events).join('\n'));
  } else {
    parts.push('*No visits, meetings or calls on record.*');
  }
  if (person.sources?.[0]) parts.push('Source: ' + renderSource(person.sources[0]));
  return parts.join('\n\n');
}

export function renderPlaceCard(dataset: Dataset, place: Place): string {
  const parts: string[] = [];
  const country = place.kind !== 'country' ? placeName(dataset, place.country) : undefined;
  let head = `**${esc(place.name)}** — ${esc(place.kind)}`;
  if (country) head += ` in ${esc(country)}`;
  parts.push(head);
  const inside = new Set([place.id]);
  if (place.kind === 'country') {
    for (const p of dataset.places ?? []) if (p.country === place.id) inside.add(p.id);
  }
  const events = (dataset.events ?? []).filter((e) => e.place !== undefined && inside.has(e.place));
  if (events.length) {
    parts.push('**Known visits, meetings and calls here**\n\n' + timeline(events).join('\n'));
  } else {
    parts.push('*No visits, meetings or calls on record here.*');
  }
  if (place.sources?.[0]) parts.push('Source: ' + renderSource(place.sources[0]));
  return parts.join('\n\n');
}

export function renderMention(dataset: Dataset, mention: Mention): string | null {
  if (mention.kind === 'person') {
    const person = dataset.people?.find((p) => p.id === mention.id);
    return person ? renderPersonCard(dataset, person) : null;
  }
  const place = dataset.places?.find((p) => p.id === mention.id);
  return place ? renderPlaceCard(dataset, place) : null;
}

export function renderClaim(diagnostic: Diagnostic): string {
  const parts: string[] = [];
  parts.push(`**Fact check:** ${esc(diagnostic.message)}`);
  const data = diagnostic.data;
  if (data) {
    if (data.claim) parts.push(`**The draft says:** ${esc(data.claim)}`);
    if (data.expected) parts.push(`**The sources say:** ${esc(data.expected)}`);
    const sources = (data.sources ?? []).slice(0, 3);
    if (sources.length) parts.push(sources.map((s) => `> ${renderSource(s)}`).join('\n>\n'));
  }
  return parts.join('\n\n');
}

export function renderDate(date: DateMention, result: Pick<CheckResult, 'referenceDate' | 'referenceDateSource'>): string {
  const basis =
    result.referenceDateSource === 'front-matter'
      ? 'the front matter date'
      : result.referenceDateSource === 'option'
        ? 'the factcheck.referenceDate setting'
        : 'today';
  return (
    `**Date:** “${esc(date.text)}” → **${esc(date.resolved)}**\n\n` +
    `Resolved against ${esc(result.referenceDate)} (${basis}).`
  );
}

/**
 * The hover card for a position: the flagged claim under it, the date under it, and the person or place under it,
 * in that order, separated by rules. Null when there is nothing to say.
 */
export function renderHover(dataset: Dataset, result: CheckResult, position: Position, seedsDir?: string): string | null {
  void seedsDir;
  if (!dataset || !result || !position) return null;
  const sections: string[] = [];
  const diagnostic = innermost(
    (result.diagnostics ?? []).filter((d) => d.data),
    position,
  );
  if (diagnostic) sections.push(renderClaim(diagnostic));
  const near = typeof result.around === 'function' ? result.around(position.line) : result;
  const date = innermost(near.dates, position);
  if (date) sections.push(renderDate(date, result));
  const mention = innermost(near.mentions, position);
  if (mention) {
    const card = renderMention(dataset, mention);
    if (card) sections.push(card);
  }
  return sections.length ? sections.join('\n\n---\n\n') : null;
}
