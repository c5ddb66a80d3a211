import type { ReportContent } from '../../db/schema/reports';
import type { reportAnswerEvents } from '../../db/schema/index';
import type { AnswerHistoryEvent } from '../../../shared/contracts/reports';

type EventRow = typeof reportAnswerEvents.$inferSelect;
type Snapshot = {
  narrative?: Record<string, string>;
  manualValues?: Record<string, string>;
  recommendations?: Array<{ kind: string; body: string }>;
};

/**
 * The history of a report, each submission with what changed since the one before it: the titles
 * of the sections and items whose text differs, and whether the difficulties and recommendations did.
 */
export function describeHistory(events: EventRow[], content: ReportContent): AnswerHistoryEvent[] {
  let previous: Snapshot | null = null;
  return events.map((event) => {
    let changes: string[] | null = null;
    if (event.toStatus === 'submitted' && event.snapshot) {
      const current = event.snapshot as Snapshot;
      if (previous) {
        changes = [
          ...content.sections
            .filter((section) => (previous!.narrative?.[section.key] ?? '') !== (current.narrative?.[section.key] ?? ''))
            .map((section) => section.title),
          ...content.manualItems
            .filter((item) => (previous!.manualValues?.[item.key] ?? '') !== (current.manualValues?.[item.key] ?? ''))
            .map((item) => item.label),
          ...(JSON.stringify(previous.recommendations ?? []) !== JSON.stringify(current.recommendations ?? [])
            ? ['Khó khăn, kiến nghị']
            : []),
        ];
      }
      previous = current;
    }
    return {
      id: event.id,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      actorName: event.actorName,
      at: event.at.toISOString(),
      changes,
    };
  });
}
