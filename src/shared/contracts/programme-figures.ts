import { z } from 'zod';
import { IdSchema } from './common';
import { YearSchema } from './study';

export const ProgrammeFiguresQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });
export type ProgrammeFiguresQuery = z.infer<typeof ProgrammeFiguresQuerySchema>;

/** The figures of one subtree for a year; each rate is a share between 0 and 1, or null without a denominator. */
export type ProgrammeFigures = {
  members: number;
  studied: number;
  studyRate: number | null;
  studySessions: number;
  cellMeetings: number;
  cellMeetingsWithCampaign: number;
  campaignMeetingRate: number | null;
  standardKeepingUnits: number;
  standardsAdopted: number;
  standardsRate: number | null;
  signsPosted: number;
  signsRate: number | null;
  breakthroughs: number;
  breakthroughsDone: number;
  breakthroughRate: number | null;
  reportsExpected: number;
  reportsSubmitted: number;
  reportsOnTime: number;
  reportingRate: number | null;
  onTimeRate: number | null;
};
export type ProgrammeFigureKey = keyof ProgrammeFigures;
