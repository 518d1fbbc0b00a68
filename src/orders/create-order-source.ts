// Choosing the order source from the configuration: the CRM's own tables by
// default, the sales system on SQL Server with ORDER_SOURCE=mssql.
import type { Config } from '../config';
import { databaseKind, DatabaseKind, Db } from '../db/client';
import { withKeptAggregates } from './aggregate-cache';
import { crmOrderSource, LongRead, newestOrderId } from './crm-order-source';
import { connectSalesDb, mssqlOrderSource, SalesDbConnect } from './mssql-order-source';
import type { CustomerDirectory, OrderSource } from './order-source';

export function createOrderSource(
  config: Pick<Config, 'orderSource' | 'salesDbUrl' | 'salesDbQueries'> & Partial<Pick<Config, 'databaseUrl'>>,
  db: Db,
  {
    connect = connectSalesDb,
    dialect = config.databaseUrl ? databaseKind(config.databaseUrl) : 'sqlite',
    longRead,
  }: {
    connect?: SalesDbConnect;
    /** the SQL dialect of `db`, when it is not the one DATABASE_URL names */
    dialect?: DatabaseKind;
    /** where the reports' aggregates over every order run (DatabaseHandle.longRead); by default through `db` */
    longRead?: LongRead;
  } = {},
): OrderSource {
  if (config.orderSource !== 'mssql') return withKeptAggregates(crmOrderSource(db, dialect, longRead), () => newestOrderId(db));
  if (!config.salesDbUrl) {
    throw new Error('ORDER_SOURCE=mssql 需要配置 SALES_DB_URL（销售系统数据库的连接字符串）');
  }
  return mssqlOrderSource(
    { connectionString: config.salesDbUrl, queries: config.salesDbQueries, customers: customerDirectory(db) },
    connect,
  );
}

/** The CRM's customers whose name contains the text, with their 客户经理's name. */
export function customerDirectory(db: Db): CustomerDirectory {
  return async (customerName) => {
    const rows = await db.customer.findMany({
      where: customerName ? { name: { contains: customerName } } : {},
      select: { id: true, number: true, name: true, accountManager: { select: { name: true } } },
    });
    return rows.map(({ accountManager, ...customer }) => ({ ...customer, accountManagerName: accountManager?.name ?? null }));
  };
}
