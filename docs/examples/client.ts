// The vigil/client example of docs/API.md (test/api/client-example.test.ts runs it against a real server):
// open an account, publish a post, report it, and follow the report with its receipt.
import { createVigilClient } from 'vigil/client';

const baseUrl = process.env.VIGIL_URL ?? 'http://localhost:8080';
const vigil = createVigilClient({ baseUrl });

const { data: account, error } = await vigil.POST('/api/v1/accounts', { body: { displayName: 'Example publisher' } });
if (error) throw new Error(`${error.error.code}: ${error.error.message}`);

const publisher = createVigilClient({ baseUrl, token: account.token });
await publisher.POST('/api/v1/channels', { body: { handle: 'example_news', title: 'Example news' } });
const { data: post } = await publisher.POST('/api/v1/channels/{handle}/posts', {
  params: { path: { handle: 'example_news' } },
  body: { text: 'Cheap hacked accounts, message me' },
});
if (!post) throw new Error('the post was not published');

// Anyone may report public content; the answer carries a receipt to follow the report with.
const { data: ack } = await vigil.POST('/api/v1/reports', {
  body: { subject: post.link, category: 'fraud', explanation: 'Sells hacked accounts', bonaFide: true },
});
if (!ack) throw new Error('the report was refused');

const { data: report } = await vigil.GET('/api/v1/reports/{id}', {
  params: { path: { id: ack.id }, header: { 'x-receipt': ack.receipt } },
});
console.log(`${report?.id} ${report?.status}: ${report?.timeline.map((t) => t.event).join(', ')}`);
