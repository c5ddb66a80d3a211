import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema, NoContentSchema, VersionQuerySchema } from '../../../shared/contracts/common';
import {
  CommendationFiguresSchema,
  CreateDecisionSchema,
  CreateNominationSchema,
  DecisionsPageSchema,
  DecisionsQuerySchema,
  DecisionViewSchema,
  NOMINATION_ACTIONS,
  NominationPublicSchema,
  NominationsPageSchema,
  NominationStepSchema,
  NominationsQuerySchema,
  NominationViewSchema,
  UpdateNominationSchema,
} from '../../../shared/contracts/commendations';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, DOCX_TYPE, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import * as nominations from './nominations.service';
import * as decisions from './decisions.service';
import { setNominationPublic } from './gallery.service';
import { getCommendationFigures } from './commendation-figures.service';
import { exportCommendationFigures } from './commendation-figures.export';
import { ProgrammeFiguresQuerySchema } from '../../../shared/contracts/programme-figures';

const tags = ['Khen thưởng'];
const NOMINATE = { needs: ['commendations.nominate'] } as const;
const STEP_NEEDS = {
  submit: 'commendations.nominate',
  return: 'commendations.vet',
  endorse: 'commendations.vet',
  forward: 'commendations.vet',
  decline: 'commendations.decide',
} as const;

export const commendationsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const onNomination = { ...NOMINATE, place: placeById((id) => nominations.findNominationPlace(db, id, 'nominator')) } as const;
  app.get(
    '/api/nominations',
    { schema: { tags, querystring: NominationsQuerySchema, response: { 200: NominationsPageSchema } } },
    (request) => nominations.listNominations(db, actorOf(request), request.query),
  );
  app.get('/api/nominations/:id', { schema: { tags, params: IdParamsSchema, response: { 200: NominationViewSchema } } }, (request) =>
    nominations.getNomination(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/nominations',
    { config: NOMINATE, schema: { tags, body: CreateNominationSchema, response: { 201: NominationViewSchema } } },
    async (request, reply) => reply.status(201).send(await nominations.createNomination(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/nominations/:id',
    {
      config: onNomination,
      schema: { tags, params: IdParamsSchema, body: UpdateNominationSchema, response: { 200: NominationViewSchema } },
    },
    (request) => nominations.updateNomination(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/nominations/:id',
    { config: onNomination, schema: { tags, params: IdParamsSchema, querystring: VersionQuerySchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await nominations.deleteNomination(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
  // One route per step, each declaring who may take it: the nominating unit submits, the level
  // holding the nomination vets it (return, endorse, forward) or declines it.
  for (const step of NOMINATION_ACTIONS) {
    const place = placeById((id) => nominations.findNominationPlace(db, id, step === 'submit' ? 'nominator' : 'holder'));
    app.post(
      `/api/nominations/:id/${step}`,
      {
        config: { needs: [STEP_NEEDS[step]], place },
        schema: { tags, params: IdParamsSchema, body: NominationStepSchema, response: { 200: NominationViewSchema } },
      },
      (request) => nominations.takeStep(db, actorOf(request), request.params.id, { action: step, ...request.body }),
    );
  }

  app.post(
    '/api/nominations/:id/publish',
    {
      config: { needs: ['commendations.decide'], place: placeById((id) => nominations.findNominationPlace(db, id, 'decider')) },
      schema: { tags, params: IdParamsSchema, body: NominationPublicSchema, response: { 200: NominationViewSchema } },
    },
    async (request) => {
      await setNominationPublic(db, actorOf(request), request.params.id, request.body);
      return nominations.getNomination(db, actorOf(request), request.params.id);
    },
  );

  app.get(
    '/api/commendation-figures',
    { schema: { tags, querystring: ProgrammeFiguresQuerySchema, response: { 200: CommendationFiguresSchema } } },
    (request) => getCommendationFigures(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.get(
    '/api/exports/commendation-figures',
    { schema: { tags, querystring: ProgrammeFiguresQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportCommendationFigures(db, actorOf(request), request.query.unitId, request.query.year);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );

  app.get(
    '/api/commendation-decisions',
    { schema: { tags, querystring: DecisionsQuerySchema, response: { 200: DecisionsPageSchema } } },
    (request) => decisions.listDecisions(db, actorOf(request), request.query),
  );
  app.get(
    '/api/commendation-decisions/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: DecisionViewSchema } } },
    (request) => decisions.getDecision(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/commendation-decisions',
    { config: { needs: ['commendations.decide'] }, schema: { tags, body: CreateDecisionSchema, response: { 201: DecisionViewSchema } } },
    async (request, reply) => reply.status(201).send(await decisions.createDecision(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/commendation-decisions/:id/document',
    { schema: { tags, params: IdParamsSchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await decisions.decisionDocument(db, actorOf(request), request.params.id);
      return sendFile(reply, fileName, DOCX_TYPE, body);
    },
  );
};
