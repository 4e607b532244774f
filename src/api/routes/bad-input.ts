import { ForecastInputError } from '../../kpi/forecast/forecast.js';
import { QueryError } from '../../kpi/query-params.js';
import { StaffingInputError } from '../../kpi/staffing/erlang.js';
import { HttpError } from '../errors.js';

/** Runs `work`, turning a refusal of the staffing, forecast or alert code into a 400 naming the field. */
export async function refusingBadInput<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof QueryError || err instanceof StaffingInputError || err instanceof ForecastInputError)
      throw new HttpError(400, 'invalid_request', err.message, [
        { field: err.field, message: err.message.slice(err.field.length + 2) },
      ]);
    throw err;
  }
}
