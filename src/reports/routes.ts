// 统计报表: each analysis is a page (search form, table, chart) and two exports
// of its filtered rows, all behind report:view. A filter that cannot be read is
// answered with its message and an empty result (422), never an error page.
import { Request, Response, Router } from 'express';
import { requireRight } from '../auth/middleware';
import { moduleViews } from '../http/page';
import { searchQuery } from '../http/view-helpers';
import { parseForm } from '../shared/form';
import { pageNumber } from '../shared/paging';
import type { Analysis, ReportContext } from './analysis';
import { churnAnalysis } from './churn';
import { compositionAnalysis } from './composition';
import { contributionAnalysis } from './contribution';
import { serviceAnalysis } from './service';
import { ExportTable, sendCsv, sendXlsx } from './table-export';

const show = moduleViews('reports');
const guard = requireRight('view', 'report');

function serve<F, R>(router: Router, ctx: ReportContext, analysis: Analysis<F, R>): void {
  const base = `/reports/${analysis.path}`;

  function pageLocals(filter: F | null, page: number): Promise<Record<string, unknown>> {
    const compute = () => analysis.page(ctx, filter, page);
    return analysis.keptUntilNextChange ? ctx.keptCounts.kept([analysis.path, filter, page], compute) : compute();
  }

  async function showPage(req: Request, res: Response, error?: string): Promise<void> {
    const filter = error ? null : parseForm(analysis.filter, req.query);
    const readable = filter?.ok ? filter.data : null;
    const message = error ?? (filter && !filter.ok ? filter.error.message : undefined);
    const locals = await pageLocals(readable, pageNumber(req.query.page));
    const page = { title: analysis.title, base, query: req.query, exportQuery: searchQuery(req.query), ...locals };
    await show(res, analysis.path, message ? { ...page, error: message } : page, message ? 422 : 200);
  }

  router.get(base, guard, (req, res) => showPage(req, res));

  /** An export: the rows of a readable filter; the page with the message otherwise. */
  const exportAs = (send: (res: Response, table: ExportTable<R>) => Promise<void>) => async (req: Request, res: Response) => {
    const filter = parseForm(analysis.filter, req.query);
    if (!filter.ok) return showPage(req, res, filter.error.message);
    await send(res, await analysis.exportTable(ctx, filter.data));
  };
  router.get(`${base}.csv`, guard, exportAs(sendCsv));
  router.get(`${base}.xlsx`, guard, exportAs((res, table) => sendXlsx(res, table, analysis.title)));
}

export function reportRoutes(ctx: ReportContext): Router {
  const router = Router();
  for (const analysis of [contributionAnalysis, compositionAnalysis, serviceAnalysis, churnAnalysis] as Analysis<unknown, unknown>[]) {
    serve(router, ctx, analysis);
  }
  return router;
}
