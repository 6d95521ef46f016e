// autocannon `setupRequest` for bench/intake-processes.bench.ts (loaded by path in autocannon's worker
// thread). A realistic mix: 80% of reports about a few hot channels, 20% spread over many others; each
// request takes the next account token of the plan written to VIGIL_BENCH_INTAKE_PLAN.
const fs = require('node:fs');

const plan = JSON.parse(fs.readFileSync(process.env.VIGIL_BENCH_INTAKE_PLAN, 'utf8'));
let n = 0;

module.exports = (request) => {
  const i = n++;
  const pool = Math.random() < 0.8 ? plan.hot : plan.others;
  const handle = pool[Math.floor(Math.random() * pool.length)];
  request.headers = {
    ...request.headers,
    'content-type': 'application/json',
    authorization: `Bearer ${plan.tokens[(i * 7919 + Math.floor(Math.random() * 1000)) % plan.tokens.length]}`,
  };
  request.body = JSON.stringify({ subject: `/c/${handle}`, category: i % 7 === 0 ? 'spam' : 'fraud' });
  return request;
};
