import type { FastifyInstance } from 'fastify';

/** Reads the sum and its token from the rendered form, as a person (or the e2e journey) would. */
export function solveChallenge(page: string): { dap_an: string; ma_kiem_tra: string } {
  const question = /data-challenge>(\d+) \+ (\d+)</.exec(page);
  const token = /name="ma_kiem_tra" value="([^"]+)"/.exec(page);
  if (!question || !token) throw new Error('the page has no feedback form');
  return { dap_an: String(Number(question[1]) + Number(question[2])), ma_kiem_tra: token[1]! };
}

/** Posts the public feedback form the way a browser without JavaScript does. */
export function postForm(app: FastifyInstance, unitCode: string, fields: Record<string, string>, remoteAddress = '203.0.113.7') {
  return app.inject({
    method: 'POST',
    url: `/cong-khai/${encodeURIComponent(unitCode)}/phan-anh`,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    remoteAddress,
  });
}

/** Opens the page and sends feedback with the right answer. */
export async function sendFeedback(app: FastifyInstance, unitCode: string, fields: Record<string, string>, remoteAddress = '203.0.113.7') {
  const page = await app.inject({ method: 'GET', url: `/cong-khai/${encodeURIComponent(unitCode)}` });
  return postForm(app, unitCode, { ...solveChallenge(page.body), ...fields }, remoteAddress);
}
