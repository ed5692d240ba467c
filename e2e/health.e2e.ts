// Smoke: the harness brought the stack up, and the API serves both /health and the web app.
import { test, expect } from './support/fixtures';

test('GET /health reports ok', async ({ request }) => {
  const response = await request.get('/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok' });
});

test('/ serves the web app as HTML', async ({ request, page }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/html');
  expect(await response.text()).toMatch(/<div id="root"|<script type="module"/i);

  // A client-side route falls back to the same document (SPA fallback).
  const deep = await request.get('/some/client/route');
  expect(deep.status()).toBe(200);
  expect(deep.headers()['content-type']).toContain('text/html');

  await page.goto('/');
  await expect(page.locator('body')).not.toBeEmpty();
});
