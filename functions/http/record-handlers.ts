import type * as z from 'zod';
import type { Kind } from '#shared/domain/records.js';
import type { CourseView, DemandView, LearnerView } from '#shared/schemas/views/records.js';
import {
  etagOf,
  makeDeleteRecord,
  makeGetRecord,
  makeListRecords,
  makePatchRecord,
  makeUpsertBatch,
  makeUpsertRecord,
  publicView,
  type InputOf,
  type ListQuery,
  type PatchOf,
  type PublicView,
} from '#shared/use-cases/records.js';
import { getContainer } from '../container.js';
import { httpHandler, type Wire } from './http-handler.js';
import type { RouteDef } from './route-def.js';

/**
 * The six record operations are the same for demands, learners and courses; each Lambda file
 * binds one of them to its kind and its route (functions/routes/<handler>.ts). The route's body
 * and query schemas type the request; the answers are the kind's view, which the routes declare
 * (shared/schemas/views/records.ts) and which the check below keeps in step with `publicView`.
 */

/** What a record route gives these handlers: its request schemas, typed for the kind. */
type RecordRoute<B = undefined, Q = undefined> = Omit<RouteDef, 'body' | 'query' | 'responses'> & {
  readonly body?: B;
  readonly query?: Q;
};

/** Compile-time check: the view each kind answers fits the response schema its routes declare. */
type Fits<A, B> = [A] extends [B] ? true : false;
type Assert<T extends true> = T;
export type ViewsFitSchemas = Assert<Fits<PublicView<'demand'>, Wire<DemandView>> | Fits<PublicView<'learner'>, Wire<LearnerView>> | Fits<PublicView<'course'>, Wire<CourseView>>>;

const plural = (kind: Kind) => `${kind}s`;

/** The record's id from the path; an empty one can only be "not found". */
const idParam = (params: Readonly<Record<string, string | undefined>>): string => params.id ?? '';

export const createRecordHandler = <K extends Kind>(kind: K, route: RecordRoute<z.ZodType<InputOf<K>>>) =>
  httpHandler(route, async ({ body, caller }) => {
    const { record, created } = await makeUpsertRecord(kind, getContainer())(caller, body);
    return { status: created ? 201 : 200, body: publicView<K>(record), headers: { etag: etagOf(record), location: `/${plural(kind)}/${record.id}` } };
  });

export const batchCreateHandler = <K extends Kind>(kind: K, route: RecordRoute<z.ZodType<InputOf<K>[]>>) =>
  httpHandler(route, async ({ body, caller }) => {
    const records = await makeUpsertBatch(kind, getContainer())(caller, body);
    return { body: { items: records.map((r) => publicView<K>(r)) } };
  });

export const getRecordHandler = <K extends Kind>(kind: K, route: RecordRoute) =>
  httpHandler(route, async ({ params, caller }) => {
    const record = await makeGetRecord(kind, getContainer())(caller, idParam(params));
    return { body: publicView<K>(record), headers: { etag: etagOf(record) } };
  });

export const updateRecordHandler = <K extends Kind>(kind: K, route: RecordRoute<z.ZodType<PatchOf<K>>>) =>
  httpHandler(route, async ({ params, body, caller, headers }) => {
    const record = await makePatchRecord(kind, getContainer())(caller, idParam(params), body, headers['if-match']);
    return { body: publicView<K>(record), headers: { etag: etagOf(record) } };
  });

export const deleteRecordHandler = (kind: Kind, route: RecordRoute) =>
  httpHandler(route, async ({ params, caller, headers }) => {
    await makeDeleteRecord(kind, getContainer())(caller, idParam(params), headers['if-match']);
    return { status: 204 };
  });

export const listRecordsHandler = <K extends Kind>(kind: K, route: RecordRoute<undefined, z.ZodType<ListQuery>>) =>
  httpHandler(route, async ({ query, caller }) => {
    const page = await makeListRecords(kind, getContainer())(caller, query);
    return { body: { items: page.items.map((r) => publicView<K>(r)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
  });
