// Placeholder replaced by the CLI implementation (issue 2).
import { scan } from '../rules/index.ts';
console.log(JSON.stringify(scan(process.argv.slice(2).join(' '))));
