import type { Kind } from '#shared/domain/records.js';
import type { ListQuery } from '#shared/schemas/queries.js';
import {
  etagOf,
  makeDeleteRecord,
  makeGetRecord,
  makeListRecords,
  makePatchRecord,
  makeUpsertBatch,
  makeUpsertRecord,
  publicView,
} from '#shared/use-cases/records.js';
import { getContainer } from '../container.js';
import { httpHandler } from './http-handler.js';
import type { RouteDef } from './route-def.js';

/**
 * The six record operations are the same for demands, learners and courses; each Lambda file
 * binds one of them to its kind and its route (functions/routes/<handler>.ts).
 */

const plural = (kind: Kind) => `${kind}s`;

/** The record's id from the path; an empty one can only be "not found". */
const idParam = (params: Readonly<Record<string, string | undefined>>): string => params.id ?? '';

export const createRecordHandler = (kind: Kind, route: RouteDef) =>
  httpHandler(route, async ({ body, caller }) => {
    const { record, created } = await makeUpsertRecord(kind, getContainer())(caller, body as never);
    return { status: created ? 201 : 200, body: publicView(record), headers: { etag: etagOf(record), location: `/${plural(kind)}/${record.id}` } };
  });

export const batchCreateHandler = (kind: Kind, route: RouteDef) =>
  httpHandler(route, async ({ body, caller }) => {
    const records = await makeUpsertBatch(kind, getContainer())(caller, body as never[]);
    return { body: { items: records.map(publicView) } };
  });

export const getRecordHandler = (kind: Kind, route: RouteDef) =>
  httpHandler(route, async ({ params, caller }) => {
    const record = await makeGetRecord(kind, getContainer())(caller, idParam(params));
    return { body: publicView(record), headers: { etag: etagOf(record) } };
  });

export const updateRecordHandler = (kind: Kind, route: RouteDef) =>
  httpHandler(route, async ({ params, body, caller, headers }) => {
    const record = await makePatchRecord(kind, getContainer())(caller, idParam(params), body as never, headers['if-match']);
    return { body: publicView(record), headers: { etag: etagOf(record) } };
  });

export const deleteRecordHandler = (kind: Kind, route: RouteDef) =>
  httpHandler(route, async ({ params, caller, headers }) => {
    await makeDeleteRecord(kind, getContainer())(caller, idParam(params), headers['if-match']);
    return { status: 204 };
  });

export const listRecordsHandler = (kind: Kind, route: RouteDef) =>
  httpHandler(route, async ({ query, caller }) => {
    const page = await makeListRecords(kind, getContainer())(caller, query as ListQuery);
    return { body: { items: page.items.map(publicView), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
  });
