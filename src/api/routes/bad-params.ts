import { QueryError } from '../../kpi/query-params.js';
import { HttpError } from '../errors.js';

/** Runs `work`, turning a bad parameter (QueryError) into a 400 naming it. */
export async function refusingBadParams<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof QueryError)
      throw new HttpError(400, 'invalid_request', err.message, [{ field: err.field, message: err.message }]);
    throw err;
  }
}
