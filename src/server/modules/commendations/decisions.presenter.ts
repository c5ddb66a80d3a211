import type { CommendationForm, DecisionEntry, DecisionView } from '../../../shared/contracts/commendations';
import type { DecisionWithUnit, FormRow } from './decisions.repo';

export function presentCommendationForm(row: FormRow): CommendationForm {
  return { code: row.code, name: row.name, sortOrder: row.sortOrder, active: row.active };
}

/** A decision with the collectives, individuals and models it names. */
export function presentDecision(found: DecisionWithUnit, entries: DecisionEntry[]): DecisionView {
  const { decision } = found;
  return {
    id: decision.id,
    unit: { id: decision.unitId, name: found.unitName },
    form: { code: decision.formCode, name: found.formName },
    numberSymbol: decision.numberSymbol,
    decidedOn: decision.decidedOn,
    periodFrom: decision.periodFrom,
    periodTo: decision.periodTo,
    title: decision.title,
    signerName: decision.signerName,
    signerTitle: decision.signerTitle,
    entries,
  };
}
