import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeAgent,
  getIngestedDb,
  startTestShopServer,
  type TestShopServer,
} from '../test-helpers/index.ts';
import { findDemoCustomers } from './demo-customers.ts';
import { verifySessionToken } from './session-token.ts';

let shop: TestShopServer;

beforeAll(async () => {
  shop = await startTestShopServer({ agent: createFakeAgent() });
});

afterAll(() => shop.close());

function postSession(baseUrl: string, body: string): Promise<Response> {
  return fetch(`${baseUrl}/api/dev/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

describe('health and readiness', () => {
  it('answers /health and /ready', async () => {
    const health = await fetch(`${shop.baseUrl}/health`);
    const ready = await fetch(`${shop.baseUrl}/ready`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
  });
});

describe('POST /api/dev/session', () => {
  it('mints a token for a real customer', async () => {
    const response = await postSession(shop.baseUrl, '{"customerId":12346}');
    const body = (await response.json()) as {
      token: string;
      conversationId: string;
    };
    expect(response.status).toBe(201);
    const claims = await verifySessionToken(
      shop.config.sessionSecret,
      body.token,
    );
    expect(claims).toEqual({
      customerId: 12346,
      conversationId: body.conversationId,
    });
  });

  it('mints a token for an anonymous shopper', async () => {
    const response = await postSession(shop.baseUrl, '{"customerId":null}');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ customerId: null });
  });

  it('answers 404 for an unknown customer and 400 for a bad body', async () => {
    const unknown = await postSession(shop.baseUrl, '{"customerId":1}');
    const badType = await postSession(shop.baseUrl, '{"customerId":"12346"}');
    const badJson = await postSession(shop.baseUrl, '{"customerId":');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No customer 1' },
    });
    expect(badType.status).toBe(400);
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('is off in production', async () => {
    const production = await startTestShopServer({
      agent: createFakeAgent(),
      env: { NODE_ENV: 'production', SESSION_SECRET: 'a-production-secret' },
    });
    try {
      const session = await postSession(production.baseUrl, '{}');
      const customers = await fetch(`${production.baseUrl}/api/dev/customers`);
      expect(session.status).toBe(404);
      expect(customers.status).toBe(404);
    } finally {
      await production.close();
    }
  });
});

describe('the widget', () => {
  it('serves the page and its files at /', async () => {
    for (const [file, type] of [
      ['/', 'text/html'],
      ['/widget.js', 'javascript'],
      ['/widget.css', 'text/css'],
    ]) {
      const response = await fetch(`${shop.baseUrl}${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
    }
  });

  it('keeps the hidden chat hidden and its composer off until connected', async () => {
    const html = await (await fetch(shop.baseUrl)).text();
    const css = await (await fetch(`${shop.baseUrl}/widget.css`)).text();
    // `.chat { display: flex }` must not beat the `hidden` attribute.
    expect(css).toMatch(/\[hidden\]\s*\{\s*display:\s*none\s*!important/);
    expect(html).toMatch(/<section id="chat"[^>]*\shidden/);
    const composer = html.slice(html.indexOf('<form id="composer"'));
    const form = composer.slice(0, composer.indexOf('</form>'));
    expect(form.match(/\sdisabled[\s>]/g)).toHaveLength(2);
    // An inline icon, so browsers do not ask for /favicon.ico.
    expect(html).toMatch(/<link\s+rel="icon"\s+href="data:image\/svg\+xml,/);
  });
});

describe('demo customers', () => {
  it('picks a loyal, a one-time and an at-risk customer from the real store', () => {
    const db = getIngestedDb();
    const customers = findDemoCustomers(db, {});
    expect(customers.map((customer) => customer.kind)).toEqual([
      'loyal',
      'one-time',
      'at-risk',
    ]);
    const [loyal, oneTime, atRisk] = customers;
    expect(loyal.orders).toBeGreaterThanOrEqual(10);
    expect(oneTime.orders).toBe(1);
    expect(atRisk.lastOrder < loyal.lastOrder).toBe(true);
  });

  it('is served at /api/dev/customers (empty on a store without orders)', async () => {
    const response = await fetch(`${shop.baseUrl}/api/dev/customers`);
    expect(await response.json()).toEqual({ customers: [] });
  });
});
