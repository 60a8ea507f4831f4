// Generated from the OpenAPI document by `npm run gen:api-docs` (scripts/openapi-to-ts.ts): do not edit.
// A test fails when it no longer matches the document the API serves.

export interface paths {
  "/health": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Liveness */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Health"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/openapi.json": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** This OpenAPI document */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["OpenApiDocument"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/demands": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Own demands, or a bureau region’s */
      {
        parameters: {
          query?: {
            region?: string;
            limit?: number;
            nextToken?: string;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["DemandPage"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post: /** Create or update (by ref) a demand */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["DemandInput"];
          };
        };
        responses: {
          200: {
            headers: {
              ETag?: string;
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Demand"];
            };
          };
          201: {
            headers: {
              ETag?: string;
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Demand"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/demands/batch": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Create or update up to 100 demands */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": (components["schemas"]["DemandInput"])[];
          };
        };
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["DemandBatchResult"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/demands/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** One demand */
      {
        parameters: {
          query?: never;
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              ETag?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Demand"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete: /** Delete a demand */
      {
        parameters: {
          query?: never;
          header?: {
            "If-Match"?: string;
          };
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          204: {
            headers: {
              [name: string]: unknown;
            };
            content?: never;
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          409: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          412: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    options?: never;
    head?: never;
    patch: /** JSON merge patch of a demand */
      {
        parameters: {
          query?: never;
          header?: {
            "If-Match"?: string;
          };
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["DemandPatch"];
          };
        };
        responses: {
          200: {
            headers: {
              ETag?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Demand"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          409: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          412: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    trace?: never;
  };
  "/learners": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Learners of a bureau region */
      {
        parameters: {
          query?: {
            region?: string;
            limit?: number;
            nextToken?: string;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["LearnerPage"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post: /** Create or update (by ref) a learner profile */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["LearnerInput"];
          };
        };
        responses: {
          200: {
            headers: {
              ETag?: string;
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Learner"];
            };
          };
          201: {
            headers: {
              ETag?: string;
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Learner"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/learners/batch": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Create or update up to 100 learners */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": (components["schemas"]["LearnerInput"])[];
          };
        };
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["LearnerBatchResult"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/learners/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** One learner */
      {
        parameters: {
          query?: never;
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              ETag?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Learner"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete: /** Delete a learner profile and all derived data */
      {
        parameters: {
          query?: never;
          header?: {
            "If-Match"?: string;
          };
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          204: {
            headers: {
              [name: string]: unknown;
            };
            content?: never;
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          409: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          412: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    options?: never;
    head?: never;
    patch: /** JSON merge patch of a learner */
      {
        parameters: {
          query?: never;
          header?: {
            "If-Match"?: string;
          };
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["LearnerPatch"];
          };
        };
        responses: {
          200: {
            headers: {
              ETag?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Learner"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          409: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          412: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    trace?: never;
  };
  "/learners/{id}/subsidies": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Record a subsidy the learner received (bureau staff of the learner's region) */
      {
        parameters: {
          query?: never;
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["SubsidyRecordInput"];
          };
        };
        responses: {
          200: {
            headers: {
              ETag?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["SubsidyHistory"];
            };
          };
          201: {
            headers: {
              ETag?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["SubsidyHistory"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/courses": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Courses by skill and region */
      {
        parameters: {
          query?: {
            skill?: string;
            region?: string;
            limit?: number;
            nextToken?: string;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["CoursePage"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post: /** Create or update (by ref) a course */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["CourseInput"];
          };
        };
        responses: {
          200: {
            headers: {
              ETag?: string;
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Course"];
            };
          };
          201: {
            headers: {
              ETag?: string;
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Course"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/courses/batch": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Create or update up to 100 courses */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": (components["schemas"]["CourseInput"])[];
          };
        };
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["CourseBatchResult"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/skills": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Taxonomy autocomplete, Chinese and English */
      {
        parameters: {
          query: {
            q: string;
            limit?: number;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["SkillSuggestions"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/skills/extract": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Skills found in a text */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["ExtractRequest"];
          };
        };
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Extraction"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/insights/shortage": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Skills ranked by shortage index */
      {
        parameters: {
          query?: {
            region?: string;
            limit?: number;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["ShortageRanking"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/insights/placements": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** A region’s placements funnel (matched → applied/invited → accepted → hired) by target group */
      {
        parameters: {
          query?: {
            region?: string;
            from?: string;
            to?: string;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Placements"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/demands/{id}/matches": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Ranked learners who consented, with explanations */
      {
        parameters: {
          query?: {
            limit?: number;
            group?: "graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other";
          };
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              "Content-Language"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["LearnerMatchList"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/learners/{id}/matches": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Ranked open demands for a learner, with explanations */
      {
        parameters: {
          query?: {
            limit?: number;
          };
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              "Content-Language"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["DemandMatchList"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/learners/{id}/recommendations": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Ranked courses closing the learner’s skill gap, and a pathway */
      {
        parameters: {
          query?: {
            limit?: number;
            demandId?: string;
            occupation?: string;
          };
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              "Content-Language"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Recommendations"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/campaigns": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Campaigns of the bureau’s region and the regions inside it, newest first */
      {
        parameters: {
          query?: {
            region?: string;
            limit?: number;
            nextToken?: string;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["CampaignPage"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post: /** Start a bureau campaign in the background (202 with its status) */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["CampaignInput"];
          };
        };
        responses: {
          202: {
            headers: {
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Campaign"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/campaigns/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Campaign status and progress; the report once completed */
      {
        parameters: {
          query?: never;
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Campaign"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/campaigns/{id}/results": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Campaign results, one per learner: JSON, or CSV (UTF-8 with BOM) */
      {
        parameters: {
          query?: {
            format?: "json" | "csv";
            limit?: number;
            nextToken?: string;
          };
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              "X-Next-Token"?: string;
              "Content-Disposition"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["CampaignResults"];
              "text/csv": string;
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/campaigns/{id}/cancel": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Cancel a queued or running campaign */
      {
        parameters: {
          query?: never;
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Campaign"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/me/profile": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** The caller’s own learner profile */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              ETag?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Profile"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete: /** Erase the caller’s profile and withdraw its open applications */
      {
        parameters: {
          query?: never;
          header?: {
            "If-Match"?: string;
          };
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          204: {
            headers: {
              [name: string]: unknown;
            };
            content?: never;
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          409: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          412: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    options?: never;
    head?: never;
    patch: /** Merge into the caller’s profile, or create it from a whole profile */
      {
        parameters: {
          query?: never;
          header?: {
            "If-Match"?: string;
          };
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["MeProfilePatch"];
          };
        };
        responses: {
          200: {
            headers: {
              ETag?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Profile"];
            };
          };
          201: {
            headers: {
              ETag?: string;
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Profile"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          409: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          412: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    trace?: never;
  };
  "/me/profile/claim": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Claim a profile bureau staff created, with its one-time code */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["ClaimBody"];
          };
        };
        responses: {
          200: {
            headers: {
              ETag?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Profile"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/learners/{id}/claim-code": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** A one-time code with which the person claims this profile */
      {
        parameters: {
          query?: never;
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          201: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["ClaimCode"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/jobs": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Search open jobs */
      {
        parameters: {
          query?: {
            q?: string;
            region?: string;
            skill?: string;
            salaryMin?: number;
            remote?: "true" | "false";
            near?: "true" | "false";
            limit?: number;
            nextToken?: string;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              "Content-Language"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["JobPage"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/applications": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Own applications; an employer’s to its demands; a bureau region’s */
      {
        parameters: {
          query?: {
            region?: string;
            demandId?: string;
            limit?: number;
            nextToken?: string;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["ApplicationPage"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post: /** Apply to an open demand with one’s profile */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["ApplicationBody"];
          };
        };
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Application"];
            };
          };
          201: {
            headers: {
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Application"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/applications/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: /** Answer an application (employer) or withdraw it (job seeker) */
      {
        parameters: {
          query?: never;
          header?: {
            "If-Match"?: string;
          };
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["ApplicationStatusPatch"];
          };
        };
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Application"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          409: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          412: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    trace?: never;
  };
  "/invitations": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** Invitations received (job seeker), sent (employer), or a bureau region’s */
      {
        parameters: {
          query?: {
            region?: string;
            demandId?: string;
            limit?: number;
            nextToken?: string;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["InvitationPage"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post: /** Invite a consenting match to apply to one’s demand */
      {
        parameters: {
          query?: never;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["InvitationBody"];
          };
        };
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Invitation"];
            };
          };
          201: {
            headers: {
              Location?: string;
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Invitation"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/invitations/{id}/accept": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Accept an invitation: the employer then sees one’s contact details */
      {
        parameters: {
          query?: never;
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Invitation"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/invitations/{id}/decline": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Decline an invitation */
      {
        parameters: {
          query?: never;
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Invitation"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/invitations/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: /** Withdraw an invitation or record a hire (employer) */
      {
        parameters: {
          query?: never;
          header?: {
            "If-Match"?: string;
          };
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody: {
          content: {
            "application/json": components["schemas"]["InvitationStatusPatch"];
          };
        };
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["Invitation"];
            };
          };
          400: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          409: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          412: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          413: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          415: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    trace?: never;
  };
  "/inbox": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: /** The caller’s events, newest first, with the unread count */
      {
        parameters: {
          query?: {
            limit?: number;
            nextToken?: string;
          };
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          200: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["InboxPage"];
            };
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          422: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/inbox/{id}/read": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: /** Mark an event read */
      {
        parameters: {
          query?: never;
          header?: never;
          path: {
            id: string;
          };
          cookie?: never;
        };
        requestBody?: never;
        responses: {
          204: {
            headers: {
              [name: string]: unknown;
            };
            content?: never;
          };
          401: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          403: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          404: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
          429: {
            headers: {
              [name: string]: unknown;
            };
            content: {
              "application/json": components["schemas"]["GatewayMessage"];
            };
          };
          503: {
            headers: {
              "Retry-After"?: string;
              [name: string]: unknown;
            };
            content: {
              "application/problem+json": components["schemas"]["Problem"];
            };
          };
        };
      };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

export interface components {
  schemas: {
    DemandInput: {
        /** The submitter's own identifier; submitting it again updates the record. */
        ref: string;
        employer: string;
        title: string;
        description?: string;
        /** Skills as free text (Chinese, English or mixed), taxonomy ids, or { skill, level } objects. */
        requiredSkills: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        /** Skills as free text (Chinese, English or mixed), taxonomy ids, or { skill, level } objects. */
        preferredSkills?: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        /** Level: integer 1–5, elementary|intermediate|advanced|expert, or 初级工/五级 … 高级技师/一级. */
        minLevel?: (number) | (string);
        /** A GB/T 2260 code, a Chinese administrative name, or `national`. */
        region: string;
        headcount: number;
        /** Yuan a month. */
        salaryMin?: number;
        /** Yuan a month. */
        salaryMax?: number;
        expiresAt?: string;
        /** Groups the employer prefers (退役军人优先: ["veteran"]). Never changes a score; bureau staff can filter matches by group. */
        groupPreferences?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
        /** The work can be done from anywhere (GET /jobs?remote=true). */
        remote?: boolean;
      };
    DemandPatch: {
        employer?: string;
        title?: string;
        description?: string;
        /** Skills as free text (Chinese, English or mixed), taxonomy ids, or { skill, level } objects. */
        requiredSkills?: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        /** Skills as free text (Chinese, English or mixed), taxonomy ids, or { skill, level } objects. */
        preferredSkills?: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        minLevel?: ((number) | (string)) | (null);
        /** A GB/T 2260 code, a Chinese administrative name, or `national`. */
        region?: string;
        headcount?: number;
        salaryMin?: (number) | (null);
        salaryMax?: (number) | (null);
        expiresAt?: (string) | (null);
        groupPreferences?: (("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[]) | (null);
        remote?: boolean | null;
        /** Close a posting without deleting it. */
        status?: "open" | "closed";
      };
    LearnerInput: {
        /** The submitter's own identifier; submitting it again updates the record. */
        ref: string;
        summary?: string;
        /** Skills as free text (Chinese, English or mixed), taxonomy ids, or { skill, level } objects. */
        skills: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        /** What the person wants to learn or work in. Wishes written among the skills (想学…, 希望从事…) land here too; never scored as held. */
        wants?: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        certificates?: (string)[];
        /** A GB/T 2260 code, a Chinese administrative name, or `national`. */
        region: string;
        /** One group; with several, give `groups` (this may then be left out: it is the first of them). */
        group: "graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other";
        /** Every group the learner belongs to (several allowed). */
        groups?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
        /** Where the learner pays unemployment insurance (失业保险参保地): a region, or `none`. Unset: unknown, so insurance conditions stay to confirm. */
        insuredRegion?: ("none") | (string);
        /** Household registration (户籍地). Unset: unknown. */
        householdRegion?: string;
        /** For age conditions of subsidies. Unset: unknown. */
        birthYear?: number;
        education?: string;
        yearsExperience?: number;
        prefersOnline?: boolean;
        /** May employers see this profile in their matches. */
        consentToShare: boolean;
        contact?: components["schemas"]["Contact"];
      };
    Contact: {
        phone?: string;
        email?: string;
      };
    LearnerPatch: {
        summary?: string;
        /** Skills as free text (Chinese, English or mixed), taxonomy ids, or { skill, level } objects. */
        skills?: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        wants?: (((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[]) | (null);
        certificates?: (string)[];
        /** A GB/T 2260 code, a Chinese administrative name, or `national`. */
        region?: string;
        /** graduate 高校毕业生, migrant_worker 农民工, laid_off 失业人员, veteran 退役军人, disabled 残疾人, employed_upskilling 在职提升, poverty_alleviated 脱贫人口, employment_difficulty 就业困难人员, rural_transfer 农村转移劳动力, older_unemployed 大龄失业人员, other. */
        group?: "graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other";
        /** Every group the learner belongs to (several allowed). */
        groups?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
        insuredRegion?: (("none") | (string)) | (null);
        householdRegion?: (string) | (null);
        birthYear?: (number) | (null);
        education?: (string) | (null);
        yearsExperience?: (number) | (null);
        prefersOnline?: boolean | null;
        consentToShare?: boolean;
        contact?: (components["schemas"]["Contact"]) | (null);
      };
    SubsidyRecordInput: {
        /** The bureau's own reference of this payment: recording it again updates the entry, never duplicates it. */
        ref: string;
        /** training: 职业培训补贴; skill_upgrade: 技能提升补贴 (insured employees obtaining a certificate); assessment: 职业技能评价补贴; living_allowance: 生活费补贴; other. */
        kind: "training" | "skill_upgrade" | "assessment" | "living_allowance" | "other";
        /** The occupation (工种) it paid for: a taxonomy occupation id or its name. */
        occupation?: string;
        /** Level: integer 1–5, elementary|intermediate|advanced|expert, or 初级工/五级 … 高级技师/一级. */
        level?: (number) | (string);
        amountYuan: number;
        /** The day the subsidy was paid (YYYY-MM-DD) or an ISO 8601 timestamp. */
        paidAt: (string) | (string);
        /** The paying bureau’s region (GB/T 2260 code or name). */
        payerRegion: string;
        note?: string;
      };
    CourseInput: {
        /** The submitter's own identifier; submitting it again updates the record. */
        ref: string;
        title: string;
        description?: string;
        /** Skills as free text (Chinese, English or mixed), taxonomy ids, or { skill, level } objects. */
        skillsTaught: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        /** Level: integer 1–5, elementary|intermediate|advanced|expert, or 初级工/五级 … 高级技师/一级. */
        level: (number) | (string);
        hours: number;
        mode: "online" | "offline" | "blended";
        provider: string;
        /** A GB/T 2260 code, a Chinese administrative name, or `national`. */
        region: string;
        certificate?: string;
        subsidyYuan?: number;
        /** The provider's own wording of the subsidy's conditions, shown as written. */
        subsidyConditions?: string;
        subsidyTerms?: components["schemas"]["CourseSubsidyTerms"];
        priceYuan?: number;
        seats?: number;
      };
    CourseSubsidyTerms: {
        /** training: 职业培训补贴; skill_upgrade: 技能提升补贴 (insured employees obtaining a certificate); assessment: 职业技能评价补贴; living_allowance: 生活费补贴; other. */
        kind?: "training" | "skill_upgrade" | "assessment" | "living_allowance" | "other";
        /** The paying bureau’s region: it must cover the learner. */
        payerRegion: string;
        courseWithinPayer?: boolean;
        who?: {
          groups?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
          insuredWithPayer?: boolean;
          householdWithPayer?: boolean;
          age?: {
            min?: number;
            max?: number;
          };
          holdsCertificate?: {
            any?: boolean;
            anyOf?: (string)[];
            patterns?: (string)[];
            label?: {
              zh: string;
              en: string;
            };
          };
        };
        /** upfront: deducted from the fee at enrolment; after_certificate: the learner pays first and claims it after certification (先垫后补). */
        paid?: "upfront" | "after_certificate";
      };
    ExtractRequest: {
        text: string;
      };
    CampaignInput: {
        name: string;
        /** A GB/T 2260 code, a Chinese administrative name, or `national`. */
        region: string;
        /** Target groups; all groups when absent. */
        groups?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
        /** Occupation ids: only demands needing their essential skills count. */
        occupations?: (string)[];
        /** Only demands needing one of these skills count. */
        skills?: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        limitPerLearner?: number;
        threshold?: number;
        /** Also produce a roster respecting headcounts and course seats. */
        assign?: boolean;
      };
    MeProfilePatch: {
        summary?: string;
        /** Skills as free text (Chinese, English or mixed), taxonomy ids, or { skill, level } objects. */
        skills?: ((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[];
        wants?: (((string) | ({
          skill: string;
          level?: (number) | (string);
        }))[]) | (null);
        certificates?: (string)[];
        /** A GB/T 2260 code, a Chinese administrative name, or `national`. */
        region?: string;
        /** graduate 高校毕业生, migrant_worker 农民工, laid_off 失业人员, veteran 退役军人, disabled 残疾人, employed_upskilling 在职提升, poverty_alleviated 脱贫人口, employment_difficulty 就业困难人员, rural_transfer 农村转移劳动力, older_unemployed 大龄失业人员, other. */
        group?: "graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other";
        /** Every group the learner belongs to (several allowed). */
        groups?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
        insuredRegion?: (("none") | (string)) | (null);
        householdRegion?: (string) | (null);
        birthYear?: (number) | (null);
        education?: (string) | (null);
        yearsExperience?: (number) | (null);
        prefersOnline?: boolean | null;
        consentToShare?: boolean;
        contact?: (components["schemas"]["Contact"]) | (null);
        /** The submitter's own identifier; submitting it again updates the record. */
        ref?: string;
      };
    ClaimBody: {
        code: string;
      };
    ApplicationBody: {
        demandId: string;
        note?: string;
      };
    ApplicationStatusPatch: {
        /** Employer: viewed, accepted, declined, hired; job seeker: withdrawn. */
        status: "viewed" | "accepted" | "declined" | "hired" | "withdrawn";
      };
    InvitationBody: {
        demandId: string;
        learnerId: string;
        note?: string;
      };
    InvitationStatusPatch: {
        /** Employer: withdrawn (before an answer) or hired (after acceptance). */
        status: "withdrawn" | "hired";
      };
    Health: {
        status: "ok";
        service: string;
      };
    GatewayMessage: {
        message: string;
      };
    Problem: {
        type: string;
        title: string;
        status: number;
        detail: string;
        errors?: ({
          /** JSON Pointer of the bad field, e.g. /3/headcount. */
          path: string;
          message: string;
        })[];
      };
    OpenApiDocument: {
        openapi: string;
        info: {
          title: string;
          version: string;
        };
        paths?: {
          [key: string]: unknown;
        };
      };
    Demand: {
        /** The service’s id, derived from (kind, owner, ref). */
        id: string;
        /** The submitter’s own identifier. */
        ref: string;
        /** Subject id of whoever submitted it. */
        owner: string;
        /** Raised by every change; the ETag is "v<version>". */
        version: number;
        /** ISO 8601 timestamp. */
        createdAt: string;
        /** ISO 8601 timestamp. */
        updatedAt: string;
        employer: string;
        title: string;
        description: string;
        requiredSkills: (components["schemas"]["StoredSkill"])[];
        preferredSkills: (components["schemas"]["StoredSkill"])[];
        minLevel?: components["schemas"]["LevelValue"];
        /** GB/T 2260 code or national. */
        region: string;
        headcount: number;
        salaryMin?: number;
        salaryMax?: number;
        expiresAt?: string;
        status: "open" | "closed";
        groupPreferences?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
        /** The work can be done from anywhere. */
        remote?: boolean;
      };
    StoredSkill: {
        /** What was submitted; phrases submitted for the same skill are joined with “；”. */
        text: string;
        /** The taxonomy id, or null when the text names no known skill. */
        skillId: string | null;
        level: (components["schemas"]["LevelValue"]) | (null);
        /** 1 for an id given as such, the extractor’s confidence for text, 0 when unmapped. */
        confidence: number;
        /** Linked to the nearest skill by likeness, not named: weaker evidence. */
        match?: "fuzzy";
      };
    LevelValue: 1 | 2 | 3 | 4 | 5;
    DemandPage: {
        items: (components["schemas"]["Demand"])[];
        /** Present when there is more; send it back as ?nextToken= for the next page. */
        nextToken?: string;
      };
    DemandBatchResult: {
        items: (components["schemas"]["Demand"])[];
      };
    Learner: {
        /** The service’s id, derived from (kind, owner, ref). */
        id: string;
        /** The submitter’s own identifier. */
        ref: string;
        /** Subject id of whoever submitted it. */
        owner: string;
        /** Raised by every change; the ETag is "v<version>". */
        version: number;
        /** ISO 8601 timestamp. */
        createdAt: string;
        /** ISO 8601 timestamp. */
        updatedAt: string;
        summary: string;
        skills: (components["schemas"]["StoredSkill"])[];
        /** What the person wants to learn or work in; never scored as held. */
        wants?: (components["schemas"]["StoredSkill"])[];
        certificates: (string)[];
        /** GB/T 2260 code. */
        region: string;
        /** graduate 高校毕业生, migrant_worker 农民工, laid_off 失业人员, veteran 退役军人, disabled 残疾人, employed_upskilling 在职提升, poverty_alleviated 脱贫人口, employment_difficulty 就业困难人员, rural_transfer 农村转移劳动力, older_unemployed 大龄失业人员, other. */
        group: "graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other";
        groups?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
        insuredRegion?: string;
        householdRegion?: string;
        birthYear?: number;
        /** Subsidies received, as bureau staff recorded them. */
        subsidyHistory?: (components["schemas"]["SubsidyRecord"])[];
        /** Who decided consentToShare, when, and under which privacy notice. */
        consent?: {
          given: boolean;
          by: "self" | "bureau";
          subject: string;
          /** ISO 8601 timestamp. */
          at: string;
          noticeVersion: string;
        };
        /** Shown to an employer only after the seeker applies to its demand or accepts its invitation. */
        contact?: {
          phone?: string;
          email?: string;
        };
        /** The account that claimed a profile bureau staff created. */
        subject?: string;
        education?: string;
        yearsExperience?: number;
        prefersOnline?: boolean;
        consentToShare: boolean;
      };
    SubsidyRecord: {
        ref: string;
        /** training: 职业培训补贴; skill_upgrade: 技能提升补贴 (insured employees obtaining a certificate); assessment: 职业技能评价补贴; living_allowance: 生活费补贴; other. */
        kind: "training" | "skill_upgrade" | "assessment" | "living_allowance" | "other";
        occupation?: string;
        level?: number;
        amountYuan: number;
        paidAt: string;
        payerRegion: string;
        note?: string;
        recordedBy: string;
        recordedAt: string;
      };
    LearnerPage: {
        items: (components["schemas"]["Learner"])[];
        /** Present when there is more; send it back as ?nextToken= for the next page. */
        nextToken?: string;
      };
    LearnerBatchResult: {
        items: (components["schemas"]["Learner"])[];
      };
    SubsidyHistory: {
        learnerId: string;
        subsidyHistory: (components["schemas"]["SubsidyRecord"])[];
      };
    Course: {
        /** The service’s id, derived from (kind, owner, ref). */
        id: string;
        /** The submitter’s own identifier. */
        ref: string;
        /** Subject id of whoever submitted it. */
        owner: string;
        /** Raised by every change; the ETag is "v<version>". */
        version: number;
        /** ISO 8601 timestamp. */
        createdAt: string;
        /** ISO 8601 timestamp. */
        updatedAt: string;
        title: string;
        description: string;
        skillsTaught: (components["schemas"]["StoredSkill"])[];
        level: components["schemas"]["LevelValue"];
        hours: number;
        mode: "online" | "offline" | "blended";
        provider: string;
        /** GB/T 2260 code or national. */
        region: string;
        certificate?: string;
        subsidyYuan?: number;
        subsidyConditions?: string;
        subsidyTerms?: components["schemas"]["CourseSubsidyTermsOutput"];
        priceYuan?: number;
        seats?: number;
      };
    CoursePage: {
        items: (components["schemas"]["Course"])[];
        /** Present when there is more; send it back as ?nextToken= for the next page. */
        nextToken?: string;
      };
    CourseBatchResult: {
        items: (components["schemas"]["Course"])[];
      };
    SkillSuggestions: {
        items: (components["schemas"]["SkillSuggestion"])[];
        taxonomyVersion: string;
      };
    SkillSuggestion: {
        skillId: string;
        label: components["schemas"]["Label"];
        category: string;
        score: number;
      };
    Label: {
        zh: string;
        en: string;
      };
    Extraction: {
        items: (components["schemas"]["ExtractedSkill"])[];
        /** Skills named in a wish (想学…, 希望从事…, want to learn …): wanted, never held. */
        wants: (components["schemas"]["WantedSkill"])[];
        /** Pieces of the text that no skill covers. */
        unmapped: (string)[];
      };
    ExtractedSkill: {
        skillId: string;
        label: components["schemas"]["Label"];
        confidence: number;
        /** The level written near the skill, when there is one. */
        level?: components["schemas"]["LevelValue"];
        /** UTF-16 offsets [start, end) of the matched text. */
        span: [number, number];
      };
    WantedSkill: {
        skillId: string;
        label: components["schemas"]["Label"];
        /** The words that named the skill. */
        text: string;
        span: [number, number];
        /** The level written near the wish (想考三级电工), when there is one. */
        level?: components["schemas"]["LevelValue"];
      };
    ShortageRanking: {
        region: string;
        items: (components["schemas"]["ShortageItem"])[];
      };
    ShortageItem: {
        skillId: string;
        label: components["schemas"]["Label"];
        /** Weighted headcount of open demands needing the skill. */
        demand: number;
        /** Learners holding it at the level the demand needs. */
        supply: number;
        /** Smoothed (demand + 2) / (supply + 2): above 1 short, below 1 surplus. */
        index: number;
        levels: ({
          level: components["schemas"]["LevelValue"];
          demand: number;
          supply: number;
        })[];
      };
    Placements: {
        total: components["schemas"]["StageCounts"];
        byGroup: ({
          /** Learners matched to at least one job by a campaign (in a region report: by campaigns that finished in the range; a learner matched by two campaigns counts twice). */
          matched: number;
          /** Applications sent (a campaign report: its matched learners who applied). */
          applied: number;
          /** Invitations sent (a campaign report: its matched learners who were invited). */
          invited: number;
          /** Applications and invitations accepted (a campaign report: its matched learners with one accepted). */
          accepted: number;
          /** Hires recorded by employers (a campaign report: its matched learners hired). */
          hired: number;
          /** graduate 高校毕业生, migrant_worker 农民工, laid_off 失业人员, veteran 退役军人, disabled 残疾人, employed_upskilling 在职提升, poverty_alleviated 脱贫人口, employment_difficulty 就业困难人员, rural_transfer 农村转移劳动力, older_unemployed 大龄失业人员, other. */
          group: "graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other";
        })[];
        region: string;
        from: string;
        to: string;
        /** The stages in funnel order. */
        stages: ("matched" | "applied" | "invited" | "accepted" | "hired")[];
      };
    StageCounts: {
        /** Learners matched to at least one job by a campaign (in a region report: by campaigns that finished in the range; a learner matched by two campaigns counts twice). */
        matched: number;
        /** Applications sent (a campaign report: its matched learners who applied). */
        applied: number;
        /** Invitations sent (a campaign report: its matched learners who were invited). */
        invited: number;
        /** Applications and invitations accepted (a campaign report: its matched learners with one accepted). */
        accepted: number;
        /** Hires recorded by employers (a campaign report: its matched learners hired). */
        hired: number;
      };
    LearnerMatchList: {
        items: (components["schemas"]["LearnerMatch"])[];
        nextToken?: string;
      };
    LearnerMatch: {
        id: string;
        ref: string;
        /** How well the two fit, 0–1: the skills met (required ones weigh more), scaled by how near they are. */
        score: number;
        explanation: components["schemas"]["MatchExplanation"];
      };
    MatchExplanation: {
        summary: string;
        matched: (components["schemas"]["SkillEvidence"])[];
        partial: (components["schemas"]["SkillEvidence"])[];
        missing: (components["schemas"]["SkillEvidence"])[];
        /** How near the two are, in words. */
        region: string;
      };
    SkillEvidence: {
        skillId: string;
        label: components["schemas"]["Label"];
        role: "required" | "preferred";
        needed: (components["schemas"]["LevelValue"]) | (null);
        held: (components["schemas"]["LevelValue"]) | (null);
        /** 1 fully met; between for a lower level or a neighbouring skill; 0 missing. */
        credit: number;
        /** Set when the learner holds the skill through a credential that attests it (叉车证 → 叉车操作) rather than naming it. */
        attestedBy?: {
          skillId: string;
          label: components["schemas"]["Label"];
        };
        /** Set when the credit comes from another skill the learner holds. */
        via?: {
          skillId: string;
          relation: "parent" | "child" | "related";
          label: components["schemas"]["Label"];
        };
        /** Set when either side only linked the skill by likeness, or the learner named it in their summary rather than their skills: credited at 0.8. */
        fuzzy?: boolean;
        /** Set for a need the taxonomy names no skill for: the words of it the learner also wrote. */
        lexical?: {
          matched: (string)[];
        };
        /** Set for a required skill the posting's title names (外卖骑手) and its skill lists do not. */
        fromTitle?: true;
      };
    DemandMatchList: {
        items: (components["schemas"]["DemandMatch"])[];
        nextToken?: string;
      };
    DemandMatch: {
        id: string;
        ref: string;
        /** How well the two fit, 0–1: the skills met (required ones weigh more), scaled by how near they are. */
        score: number;
        explanation: components["schemas"]["MatchExplanation"];
        title: string;
        employer: string;
        region: string;
      };
    Recommendations: {
        learner: {
          id: string;
          ref: string;
        };
        target: {
          kind: "demand" | "nearby-demands" | "occupation" | "upskilling";
          summary: string;
          demands: ({
            id: string;
            ref: string;
            title: string;
            employer: string;
            region: string;
            matchScore: number;
          })[];
          occupation?: {
            id: string;
            code: string | null;
            label: string;
          };
          wants?: ({
            skillId: string;
            label: string;
          })[];
        };
        gap: ({
          skillId: string;
          label: string;
          role: "required" | "preferred";
          needed: number;
          held: number;
          shortageIndex: number;
          weight: number;
        })[];
        items: (components["schemas"]["RecommendedCourse"])[];
        pathway: {
          courses: ({
            id: string;
            ref: string;
            title: string;
            level: components["schemas"]["LevelValue"];
            hours: number;
            mode: "online" | "offline" | "blended";
            certificate?: string;
            netCostYuan: number | null;
            raises: ({
              skillId: string;
              label: string;
              from: number;
              to: number;
              via?: {
                skillId: string;
                label: string;
                relation: "child" | "parent" | "related";
              };
            })[];
            after: (string)[];
          })[];
          totalHours: number;
          totalNetCostYuan: number;
          unpricedCourses: number;
          certificate: string | null;
          opens: (({
            kind: "demand";
            id: string;
            ref: string;
            title: string;
            employer: string;
            alreadyQualified: boolean;
          }) | ({
            kind: "occupation";
            id: string;
            label: string;
            alreadyQualified: boolean;
          }))[];
          coverage: number;
          summary: string;
        };
        subsidyRules: {
          version: string;
          notice: string;
        };
      };
    RecommendedCourse: {
        id: string;
        ref: string;
        title: string;
        provider: string;
        level: components["schemas"]["LevelValue"];
        hours: number;
        mode: "online" | "offline" | "blended";
        region: string;
        certificate?: string;
        score: number;
        scope: "target" | "broader" | "related";
        explanation: {
          summary: string;
          closes: (components["schemas"]["ClosedSkill"])[];
          partly: (components["schemas"]["ClosedSkill"])[];
          levelFit: string;
          access: string;
          subsidies: (components["schemas"]["SubsidyLine"])[];
          priceYuan: number | null;
          /** Eligible subsidy lines only. */
          subsidyYuan: number;
          /** What the to-confirm lines would add at most: never in a total. */
          toConfirmYuan: number;
          /** Price less eligible subsidies (自付约). */
          netCostYuan: number | null;
          /** Paid at enrolment: subsidies after certification are advanced first (先垫后补). */
          payFirstYuan: number | null;
          cost: string;
        };
      };
    ClosedSkill: {
        skillId: string;
        label: string;
        role: "required" | "preferred";
        from: number;
        to: number;
        needed: number;
        shortageIndex: number;
        via?: {
          skillId: string;
          label: string;
          relation: "child" | "parent" | "related";
          credit: number;
          level: number;
        };
        share?: number;
        attested?: true;
      };
    SubsidyLine: {
        name: string;
        kind: string;
        /** eligible: every condition known and met; to_confirm: a condition is still unknown (named in condition). */
        status: "eligible" | "to_confirm";
        amountYuan: number;
        paid: "upfront" | "after_certificate";
        /** When it is paid, in words. */
        when: string;
        why: string;
        /** For to_confirm: the condition still unknown. */
        condition?: components["schemas"]["Label"];
        note?: string;
        /** The amount is a configurable example, not a quoted policy. */
        example: boolean;
        source: string;
        payerRegion: string;
        providerWording?: string;
      };
    Campaign: {
        id: string;
        name: string;
        region: string;
        status: "queued" | "running" | "completed" | "failed" | "cancelled";
        progress: {
          done: number;
          total: number;
          failed: number;
        };
        request: {
          region: string;
          groups?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
          occupations?: (string)[];
          skills?: (components["schemas"]["StoredSkill"])[];
          limitPerLearner: number;
          threshold: number;
          assign: boolean;
        };
        /** ISO 8601 timestamp. */
        createdAt: string;
        /** ISO 8601 timestamp. */
        updatedAt: string;
        /** ISO 8601 timestamp. */
        startedAt?: string;
        /** ISO 8601 timestamp. */
        finishedAt?: string;
        error?: string;
        summary?: components["schemas"]["CampaignSummary"];
        /** Once completed: how many of the learners it matched went on to apply, be invited, accept, be hired (`matched` from the summary). */
        placements?: components["schemas"]["PlacementsFunnel"];
      };
    CampaignSummary: {
        learners: number;
        failed: number;
        matched: number;
        matchRate: number;
        assigned: number;
        assignedToJobs: number;
        assignedToCourses: number;
        byGroup: ({
          /** graduate 高校毕业生, migrant_worker 农民工, laid_off 失业人员, veteran 退役军人, disabled 残疾人, employed_upskilling 在职提升, poverty_alleviated 脱贫人口, employment_difficulty 就业困难人员, rural_transfer 农村转移劳动力, older_unemployed 大龄失业人员, other. */
          group: "graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other";
          learners: number;
          matched: number;
          matchRate: number;
          assigned: number;
          assignedToJobs: number;
          assignedToCourses: number;
          assignmentRate: number;
          failed: number;
        })[];
        shortageSkills: ({
          skillId: string;
          label: components["schemas"]["Label"];
          learners: number;
          required: number;
          shortageIndex: number;
        })[];
        courses: ({
          id: string;
          ref: string;
          title: string;
          provider: string;
          recommendedSeats: number;
          recommendedSubsidyYuan: number;
          recommendedToConfirmYuan: number;
          seats: (number) | (null);
          assignedSeats?: number;
          assignedSubsidyYuan?: number;
          assignedToConfirmYuan?: number;
        })[];
        coursesNotListed: number;
        /** Eligible subsidies only. */
        subsidyBudgetYuan: {
          recommended: number;
          assigned?: number;
        };
        /** Subsidies still to confirm, apart from the budget. */
        subsidyToConfirmYuan: {
          recommended: number;
          assigned?: number;
        };
        unfilled: {
          demands: number;
          places: number;
          items: ({
            id: string;
            ref: string;
            title: string;
            employer: string;
            headcount: number;
            filled: number;
            unfilled: number;
            reason: "no-candidate" | "candidates-went-elsewhere" | "too-few-candidates";
            why: components["schemas"]["Label"];
          })[];
          notListed: number;
        };
        demandsConsidered: number;
        placesOffered: number;
        coursesConsidered: number;
        method: {
          assignment: "greedy" | "none";
          bound?: string;
        };
      };
    PlacementsFunnel: {
        total: components["schemas"]["StageCounts"];
        byGroup: ({
          /** Learners matched to at least one job by a campaign (in a region report: by campaigns that finished in the range; a learner matched by two campaigns counts twice). */
          matched: number;
          /** Applications sent (a campaign report: its matched learners who applied). */
          applied: number;
          /** Invitations sent (a campaign report: its matched learners who were invited). */
          invited: number;
          /** Applications and invitations accepted (a campaign report: its matched learners with one accepted). */
          accepted: number;
          /** Hires recorded by employers (a campaign report: its matched learners hired). */
          hired: number;
          /** graduate 高校毕业生, migrant_worker 农民工, laid_off 失业人员, veteran 退役军人, disabled 残疾人, employed_upskilling 在职提升, poverty_alleviated 脱贫人口, employment_difficulty 就业困难人员, rural_transfer 农村转移劳动力, older_unemployed 大龄失业人员, other. */
          group: "graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other";
        })[];
      };
    CampaignPage: {
        items: (components["schemas"]["Campaign"])[];
        /** Present when there is more; send it back as ?nextToken= for the next page. */
        nextToken?: string;
      };
    CampaignResults: {
        items: (components["schemas"]["CampaignResult"])[];
        summary?: components["schemas"]["CampaignSummary"];
        nextToken?: string;
      };
    CampaignResult: {
        learner: {
          id: string;
          ref: string;
          /** graduate 高校毕业生, migrant_worker 农民工, laid_off 失业人员, veteran 退役军人, disabled 残疾人, employed_upskilling 在职提升, poverty_alleviated 脱贫人口, employment_difficulty 就业困难人员, rural_transfer 农村转移劳动力, older_unemployed 大龄失业人员, other. */
          group: "graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other";
          region: string;
        };
        matches: ({
          id: string;
          ref: string;
          title: string;
          employer: string;
          region: string;
          score: number;
          explanation: {
            summary: string;
            requiredMet: number;
            requiredTotal: number;
            partial: ({
              skillId: string;
              label?: components["schemas"]["Label"];
            })[];
            missing: ({
              skillId: string;
              label?: components["schemas"]["Label"];
            })[];
          };
        })[];
        recommendations: ({
          id: string;
          ref: string;
          title: string;
          provider: string;
          mode: "online" | "offline" | "blended";
          region: string;
          hours: number;
          score: number;
          priceYuan: number | null;
          subsidyYuan: number;
          toConfirmSubsidyYuan?: number;
          subsidyRules: (string)[];
          toConfirmSubsidyRules?: (string)[];
          netCostYuan: number | null;
          closes: (string)[];
        })[];
        gap: ({
          skillId: string;
          role: "required" | "preferred";
          weight: number;
        })[];
        assignment?: {
          kind: "demand" | "course";
          id: string;
          ref: string;
          title: string;
          score: number;
        };
        /** Set when computing this learner failed; the lists are then empty. */
        error?: string;
        /** China days (YYYY-MM-DD) on which the learner first applied, was invited, accepted, was hired after this result. */
        placement?: {
          applied?: string;
          invited?: string;
          accepted?: string;
          hired?: string;
        };
      };
    Profile: {
        id: string;
        ref: string;
        owner: string;
        version: number;
        region: string;
        consentToShare: boolean;
        contact?: components["schemas"]["Contact"];
        createdAt: string;
        updatedAt: string;
        [key: string]: unknown;
      };
    ClaimCode: {
        code: string;
        learnerId: string;
        expiresAt: string;
      };
    JobPage: {
        items: (components["schemas"]["Job"])[];
        nextToken?: string;
        /** Present when every word of the search is so common in the region that the results come from the first 2,000 jobs under its rarest word (by region code), not from all of them: narrow the region or add words. */
        truncated?: true;
      };
    Job: {
        id: string;
        ref: string;
        title: string;
        /** Display name; no contact details. */
        employer: string;
        region: string;
        salaryMin?: number;
        salaryMax?: number;
        headcount: number;
        skills: ({
          text: string;
          skillId: string | null;
          level: (number) | (null);
          role: "required" | "preferred";
        })[];
        remote?: boolean;
        createdAt: string;
        expiresAt?: string;
        /** For a job seeker with a profile: the matcher’s score and why. */
        match?: {
          score: number;
          requiredMet: number;
          requiredTotal: number;
          explanation: {
            summary: string;
            matched: ({
              skillId: string;
              label: {
                zh: string;
                en: string;
              };
              role: string;
              credit: number;
              [key: string]: unknown;
            })[];
            partial: ({
              skillId: string;
              label: {
                zh: string;
                en: string;
              };
              role: string;
              credit: number;
              [key: string]: unknown;
            })[];
            missing: ({
              skillId: string;
              label: {
                zh: string;
                en: string;
              };
              role: string;
              credit: number;
              [key: string]: unknown;
            })[];
            region: string;
          };
        };
        /** With `near=true`: found in the region asked for, or only on widening to its city or its province. */
        scope?: "region" | "city" | "province";
      };
    Application: {
        id: string;
        kind: "application" | "invitation";
        demandId: string;
        demandRef: string;
        title: string;
        employer: string;
        region: string;
        learnerId: string;
        learnerRef: string;
        note?: string;
        status: "sent" | "viewed" | "accepted" | "declined" | "withdrawn" | "hired";
        timestamps: {
          [key: string]: string;
        };
        createdAt: string;
        updatedAt: string;
        version: number;
        /** Only to the employer, after the seeker applied or accepted; logged. */
        contact?: components["schemas"]["Contact"];
      };
    ApplicationPage: {
        items: (components["schemas"]["Application"])[];
        nextToken?: string;
      };
    Invitation: {
        id: string;
        kind: "application" | "invitation";
        demandId: string;
        demandRef: string;
        title: string;
        employer: string;
        region: string;
        learnerId: string;
        learnerRef: string;
        note?: string;
        status: "sent" | "viewed" | "accepted" | "declined" | "withdrawn" | "hired";
        timestamps: {
          [key: string]: string;
        };
        createdAt: string;
        updatedAt: string;
        version: number;
        /** Only to the employer, after the seeker applied or accepted; logged. */
        contact?: components["schemas"]["Contact"];
      };
    InvitationPage: {
        items: (components["schemas"]["Invitation"])[];
        nextToken?: string;
      };
    InboxPage: {
        items: ({
          id: string;
          type: "invited" | "invitation_accepted" | "invitation_declined" | "application_received" | "application_viewed" | "application_accepted" | "application_declined" | "application_withdrawn" | "hired" | "new_matching_job" | "campaign_finished";
          at: string;
          read: boolean;
          message: string;
          demandId?: string;
          engagementId?: string;
          title?: string;
        })[];
        unread: number;
        nextToken?: string;
      };
    CourseSubsidyTermsOutput: {
        /** training: 职业培训补贴; skill_upgrade: 技能提升补贴 (insured employees obtaining a certificate); assessment: 职业技能评价补贴; living_allowance: 生活费补贴; other. */
        kind: "training" | "skill_upgrade" | "assessment" | "living_allowance" | "other";
        /** The paying bureau’s region: it must cover the learner. */
        payerRegion: unknown;
        courseWithinPayer: boolean;
        who: {
          groups?: ("graduate" | "migrant_worker" | "laid_off" | "veteran" | "disabled" | "employed_upskilling" | "poverty_alleviated" | "employment_difficulty" | "rural_transfer" | "older_unemployed" | "other")[];
          insuredWithPayer?: boolean;
          householdWithPayer?: boolean;
          age?: {
            min?: number;
            max?: number;
          };
          holdsCertificate?: {
            any?: boolean;
            anyOf?: (string)[];
            patterns?: (string)[];
            label?: {
              zh: string;
              en: string;
            };
          };
        };
        /** upfront: deducted from the fee at enrolment; after_certificate: the learner pays first and claims it after certification (先垫后补). */
        paid: "upfront" | "after_certificate";
      };
  };
}
