// The start most test files share: the application on a fresh database with
// one user of each role, and for the administration's tests its administrator
// logged in.
import { login, LoggedIn, startTestApp, TestApp } from './app';
import { createStaff } from './builders/users';

export type Staff = Awaited<ReturnType<typeof createStaff>>;

export interface StaffedApp {
  t: TestApp;
  staff: Staff;
}

export async function startStaffedApp(): Promise<StaffedApp> {
  const t = startTestApp();
  return { t, staff: await createStaff(t.db) };
}

export async function startStaffedAppAsAdmin(): Promise<StaffedApp & { admin: LoggedIn }> {
  const started = await startStaffedApp();
  return { ...started, admin: await login(started.t.app, 'admin') };
}
