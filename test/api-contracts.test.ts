import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from './helpers/fixtures';

/**
 * Every answer has a contract: each route declares the schema of its success answer (from
 * src/shared/contracts), so the answer is checked and serialised by it and the OpenAPI document
 * describes it. Read from the document the application serves, so a route added without one fails.
 */
type Operation = { responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }> };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => ctx.close());

describe('the API document', () => {
  it('describes the success answer of every route', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, Operation>>;
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => method !== 'head' && !path.startsWith('/api/docs'))
        .map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(200);
    const withoutContract = operations
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        // A 204 has no body to describe; any other success answer must carry its schema.
        return success.length === 0 || success.some(([status, answer]) => status !== '204' && !answer.content);
      })
      .map(({ route }) => route);
    expect(withoutContract).toEqual([]);
  });

  it('names the fields of a described answer, as the web reads them', async () => {
    const paths = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths;
    const answer = paths['/api/units/{id}'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(answer.properties)).toEqual(expect.arrayContaining(['id', 'code', 'name', 'kind', 'breadcrumbs', 'version']));
  });
});
