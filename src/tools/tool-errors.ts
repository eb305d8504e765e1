/**
 * Turns a tool's failure into a result the model can read. The shopper never
 * sees raw error text; the model sees a code and a short, safe explanation.
 */
import { ToolInvocationError } from 'langchain';
import { toShopmateError } from '../errors.ts';
import { moduleLogger } from '../logger.ts';
import { toolFailure, type ToolFailure } from './tool-result.ts';

const log = moduleLogger('tools');

/** Describes a thrown tool error as a ToolFailure, logging it once. */
export function describeToolError(
  error: unknown,
  toolName: string,
): ToolFailure {
  if (ToolInvocationError.isInstance(error)) {
    log.debug(
      { tool: toolName, code: 'INVALID_INPUT' },
      'tool arguments rejected',
    );
    return toolFailure(
      'invalid_arguments',
      `The arguments for ${toolName} do not match its schema: ${summariseIssues(error)}`,
    );
  }
  const shopError = toShopmateError(error);
  log.warn(
    { tool: toolName, code: shopError.code, err: shopError.message },
    'tool failed',
  );
  return toolFailure('tool_failed', `${toolName} is unavailable right now.`);
}

function summariseIssues(error: ToolInvocationError): string {
  const text = error.message;
  // The schema error names the fields; cut the echo of the raw arguments.
  const at = text.indexOf('with error:');
  return (at >= 0 ? text.slice(at + 11) : text).trim().slice(0, 300);
}
