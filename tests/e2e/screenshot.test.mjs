// The README's picture of the summary: the planned journey at 1280 px wide,
// the whole page, with the clock fixed so the date on it never changes.
// With RTS_SCREENSHOTS=1 it is saved as docs/summary.png; otherwise it is
// taken (to check it can be) into a temporary folder.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeAssessment } from './journey.mjs';
import { useSite } from './fixtures.mjs';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const FIXED_TIME = new Date('2026-11-22T10:00:00Z');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('README screenshot', () => {
  const site = useSite({ folder: 'screenshot' });

  test('the summary, full page at 1280 px', () =>
    site.withSession(async (session) => {
      const { page } = session;
      await page.clock.setFixedTime(FIXED_TIME);
      await page.setViewportSize({ width: 1280, height: 800 });
      await completeAssessment(page, site.url);
      await page.getByText('Made with Ready to Share on 22 November 2026.', { exact: true }).waitFor();
      // No focus ring on the heading, no caret: the same picture every time.
      await page.evaluate(() => document.activeElement?.blur());

      let folder;
      if (process.env.RTS_SCREENSHOTS === '1') {
        folder = DOCS;
        await mkdir(folder, { recursive: true });
      } else {
        folder = site.folder;
      }
      const path = join(folder, 'summary.png');
      await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
      const png = await readFile(path);
      assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE), 'a PNG');
      assert.equal(png.readUInt32BE(16), 1280, 'the picture is 1280 px wide');
      assert.ok(png.readUInt32BE(20) > 800, 'the whole page, taller than the window');
      assert.deepEqual(session.errors, []);
    }));
});
