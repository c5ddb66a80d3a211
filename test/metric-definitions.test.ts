import { describe, expect, it } from 'vitest';
import { METRIC_CATALOGUE } from '../src/server/modules/reports/metric-catalogue';
import { FIGURE_DEFINITIONS, PROGRAMME_FIGURE_DEFINITIONS, REGISTRATION_FIGURE_DEFINITIONS } from '../src/server/modules/figures/index';

const catalogue = new Map(METRIC_CATALOGUE.map((entry) => [entry.key, entry]));

describe('one definition per metric', () => {
  it('gives a report figure the very definition the dashboard shows for the same quantity', () => {
    expect(catalogue.get('members')!.definition).toBe(FIGURE_DEFINITIONS.members);
    expect(catalogue.get('study_rate')!.definition).toBe(PROGRAMME_FIGURE_DEFINITIONS.studyRate);
    expect(catalogue.get('individual_actions')!.definition).toBe(REGISTRATION_FIGURE_DEFINITIONS.individualActions);
    expect(catalogue.get('registered_collectives')!.definition).toBe(REGISTRATION_FIGURE_DEFINITIONS.collectiveRegistered);
  });

  it('names the two registration rates apart, and says what each divides by', () => {
    const reportRate = catalogue.get('registration_rate')!;
    expect(reportRate.label).toBe('Tỷ lệ đảng viên đăng ký làm theo (năm cuối kỳ)');
    expect(reportRate.unit === 'percent' && reportRate.denominator).toBe('party_members');
    expect(reportRate.definition).toContain('÷ số đảng viên');
    expect(REGISTRATION_FIGURE_DEFINITIONS.registrationRate).toContain('÷ số người đang sinh hoạt');
    expect(REGISTRATION_FIGURE_DEFINITIONS.registrationRate).toContain('Tỷ lệ đảng viên đăng ký làm theo');
    // No two catalogue entries share a label.
    expect(new Set(METRIC_CATALOGUE.map((entry) => entry.label)).size).toBe(METRIC_CATALOGUE.length);
  });
});
