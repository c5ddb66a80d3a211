import type { TFunction } from 'i18next';
import type { ActionInput, LinkOptions } from './registrations.api';

/** An action's link as one select value: "topic:12", "breakthrough:3", "standard_criterion:5:2". */
export function encodeLink(action: Pick<ActionInput, 'linkKind' | 'linkId' | 'linkIndex'>): string | undefined {
  if (!action.linkKind || action.linkId === null) return undefined;
  return action.linkKind === 'standard_criterion'
    ? `${action.linkKind}:${action.linkId}:${action.linkIndex ?? 0}`
    : `${action.linkKind}:${action.linkId}`;
}

export function decodeLink(value: string | undefined): Pick<ActionInput, 'linkKind' | 'linkId' | 'linkIndex'> {
  if (!value) return { linkKind: null, linkId: null, linkIndex: null };
  const [kind, id, index] = value.split(':');
  return {
    linkKind: kind as ActionInput['linkKind'],
    linkId: Number(id),
    linkIndex: kind === 'standard_criterion' ? Number(index) : null,
  };
}

/** Grouped choices: the unit's ethics criteria, the window's breakthrough contents, the study topic. */
export function linkSelectOptions(options: LinkOptions, t: TFunction) {
  const groups = [];
  if (options.standards) {
    const standards = options.standards;
    groups.push({
      label: t('registrations.linkKinds.standard_criterion'),
      options: standards.criteria.map((text, index) => ({
        value: `standard_criterion:${standards.id}:${index}`,
        label: t('registrations.form.criterion', { index: index + 1, text }),
      })),
    });
  }
  if (options.breakthroughs.length > 0) {
    groups.push({
      label: t('registrations.linkKinds.breakthrough'),
      options: options.breakthroughs.map((item) => ({ value: `breakthrough:${item.id}`, label: item.title })),
    });
  }
  if (options.topics.length > 0) {
    groups.push({
      label: t('registrations.linkKinds.topic'),
      options: options.topics.map((item) => ({ value: `topic:${item.id}`, label: item.title })),
    });
  }
  return groups;
}
