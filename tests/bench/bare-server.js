// The yardstick of the benchmark: a bare Express + EJS page of the same byte
// size as the application's pages, with no database, session or rights. The
// application's figures are read against this one, measured in the same run.
//   PORT=… BARE_BYTES=… node tests/bench/bare-server.js
'use strict';
const express = require('express');
const ejs = require('ejs');

const bytes = Number(process.env.BARE_BYTES || 8000);
const rows = Array.from({ length: Math.max(1, Math.round(bytes / 200)) }, (_, i) => ({ id: i + 1, name: `客户名称 ${i + 1}`, text: 'x'.repeat(120) }));
const template = ejs.compile('<!DOCTYPE html><html><body><table><% rows.forEach(function (r) { %><tr><td><%= r.id %></td><td><%= r.name %></td><td><%= r.text %></td></tr><% }) %></table></body></html>');

const app = express();
app.get('/healthz', (_req, res) => res.send('ok'));
app.get(/.*/, (_req, res) => res.type('html').send(template({ rows })));
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
