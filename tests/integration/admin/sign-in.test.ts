import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkSignIn } from '@/lib/admin/session';
import { engines, useTestDatabase } from '../comments/engines';
import { requireServices } from '../services';

const now = new Date('2026-03-01T12:00:00.000Z');
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

requireServices('TEST_DATABASE_URL');

describe.each(engines)('signing in to /admin on $name', ({ create }) => {
  const database = useTestDatabase(create);
  beforeAll(() => void vi.stubEnv('ADMIN_PASSWORD', 'correct horse'));
  afterAll(() => void vi.unstubAllEnvs());

  it('accepts the password and refuses anything else', async () => {
    expect(await checkSignIn(database().store, 'correct horse', '192.0.2.1', now)).toEqual({ ok: true });
    expect(await checkSignIn(database().store, 'correct hors', '192.0.2.1', now)).toEqual({ ok: false, message: 'That password is not right.' });
    expect(await checkSignIn(database().store, '', '192.0.2.1', now)).toMatchObject({ ok: false });
  });

  it('stops trying after five failures in fifteen minutes, even with the right password, then lets the client try again', async () => {
    const ip = '192.0.2.2';
    for (let attempt = 0; attempt < 5; attempt += 1) await checkSignIn(database().store, 'guess', ip, minutesLater(attempt));
    expect(await checkSignIn(database().store, 'correct horse', ip, minutesLater(5))).toEqual({
      ok: false,
      message: 'Too many sign-in attempts — please try again in 10 minutes.',
    });
    expect(await checkSignIn(database().store, 'correct horse', '192.0.2.3', minutesLater(5))).toEqual({ ok: true });
    expect(await checkSignIn(database().store, 'correct horse', ip, minutesLater(15.5))).toEqual({ ok: true });
  });

  it('says the admin area is disabled when no password is set', async () => {
    vi.stubEnv('ADMIN_PASSWORD', '');
    expect(await checkSignIn(database().store, '', '192.0.2.4', now)).toEqual({ ok: false, message: 'The admin area is disabled.' });
    vi.stubEnv('ADMIN_PASSWORD', 'correct horse');
  });
});
