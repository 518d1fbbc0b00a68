// Choosing the order source from the configuration: the CRM's own tables by
// default, the sales system on SQL Server with ORDER_SOURCE=mssql.
import type { Config } from '../config';
import type { Db } from '../db/client';
import { crmOrderSource } from './crm-order-source';
import { connectSalesDb, mssqlOrderSource, SalesDbConnect } from './mssql-order-source';
import type { OrderSource } from './order-source';

export function createOrderSource(
  config: Pick<Config, 'orderSource' | 'salesDbUrl' | 'salesDbQueries'>,
  db: Db,
  connect: SalesDbConnect = connectSalesDb,
): OrderSource {
  if (config.orderSource !== 'mssql') return crmOrderSource(db);
  if (!config.salesDbUrl) {
    throw new Error('ORDER_SOURCE=mssql 需要配置 SALES_DB_URL（销售系统数据库的连接字符串）');
  }
  return mssqlOrderSource({ connectionString: config.salesDbUrl, queries: config.salesDbQueries }, connect);
}
