// autocannon `setupRequest` for bench/intake.bench.ts, loaded by path in autocannon's worker thread
// (functions cannot be sent to a worker). Each request takes the next account token and the next channel
// of the plan that the bench wrote to VIGIL_BENCH_INTAKE_PLAN before the run.
const fs = require('node:fs');

const plan = JSON.parse(fs.readFileSync(process.env.VIGIL_BENCH_INTAKE_PLAN, 'utf8'));
let n = 0;

module.exports = (request) => {
  const i = n++;
  const handle = plan.handles[i % plan.handles.length];
  request.headers = { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${plan.tokens[i % plan.tokens.length]}` };
  request.body = JSON.stringify({ subject: `/c/${handle}`, category: i % 7 === 0 ? 'spam' : 'fraud' });
  return request;
};
