// A fake of the mssql connection: it records the connection string, every SQL
// text and the typed parameters each request was given, and answers with rows.
import type { SalesDbConnect, SalesDbRequest } from '../../src/orders/mssql-order-source';

export interface SalesDbCall {
  sql: string;
  inputs: Record<string, { type: unknown; value: unknown }>;
}

export function fakeSalesDb(answer: (call: SalesDbCall) => unknown[] = () => []) {
  const calls: SalesDbCall[] = [];
  const connections: string[] = [];
  let failures = 0;
  const connect: SalesDbConnect = async (connectionString) => {
    connections.push(connectionString);
    if (failures > 0) {
      failures -= 1;
      throw new Error('Failed to connect to sales-db:1433');
    }
    return {
      request() {
        const inputs: SalesDbCall['inputs'] = {};
        const request: SalesDbRequest = {
          input(name, type, value) {
            inputs[name] = { type, value };
            return request;
          },
          async query<T>(sql: string) {
            const call = { sql, inputs };
            calls.push(call);
            return { recordset: answer(call) as T[] };
          },
        };
        return request;
      },
    };
  };
  return {
    connect,
    calls,
    connections,
    /** the next `n` connections fail */
    failNext(n: number) {
      failures = n;
    },
  };
}
