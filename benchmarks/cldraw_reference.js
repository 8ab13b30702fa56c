// Runs the reference calculator (eminga/cldraw, cldraw.js, MIT) on one draw read from stdin and
// prints {"seconds": t, "probabilities": rows = unseeded, columns = seeded} as JSON.
// Usage: node cldraw_reference.js /path/to/cldraw.js < draw.json
'use strict';
const cldraw = require(process.argv[2]);
const draw = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const attrs = (teams) => teams.map((t) => [t.group, t.association]);
const start = process.hrtime.bigint();
cldraw.initialize(attrs(draw.seeded), attrs(draw.unseeded));
const bySeeded = cldraw.getProbabilities(); // rows = seeded (first argument)
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const probabilities = draw.unseeded.map((_, i) => draw.seeded.map((_, j) => bySeeded[j][i]));
process.stdout.write(JSON.stringify({ seconds, probabilities }));
