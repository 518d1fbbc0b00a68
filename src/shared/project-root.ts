// The repository's folder (views/, public/, prisma/ …), whether the code runs
// compiled from dist/ or from its TypeScript sources (tests).
import path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '../..').replace(/[\\/]dist$/, '');
