// After a restore the process tells its primary, when it has one, that the database was replaced.
import { announceDatabaseReplaced } from '../../src/backup/announce';

test('the message goes to the primary process when there is one, and nowhere otherwise', () => {
  const original = Object.getOwnPropertyDescriptor(process, 'send');
  try {
    const send = jest.fn();
    Object.defineProperty(process, 'send', { value: send, configurable: true, writable: true });
    announceDatabaseReplaced();
    expect(send).toHaveBeenCalledWith({ type: 'crm:database-replaced' });
    Object.defineProperty(process, 'send', { value: undefined, configurable: true, writable: true });
    expect(() => announceDatabaseReplaced()).not.toThrow();
  } finally {
    if (original) Object.defineProperty(process, 'send', original);
    else delete (process as { send?: unknown }).send;
  }
});
