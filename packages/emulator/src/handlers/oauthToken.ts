// Google's OAuth 2.0 token endpoint (https://oauth2.googleapis.com/token), just enough for
// the auth library to refresh an access token: `grant_type=refresh_token` in a form body.
// A revoked sign-in is played by the fault `path=/token,error=401` (see faultErrors.ts).
import type { CustomRoute } from '../context';
import { ApiError } from '../googleError';
import { compileTemplate } from '../pathTemplate';

export const TOKEN_PATH = '/token';

/** The token endpoint's own error shape (RFC 6749 §5.2), not google.rpc.Status. */
export class OAuthError extends ApiError {
  constructor(
    readonly oauthError: string,
    description: string,
  ) {
    super('INVALID_ARGUMENT', description);
  }

  override toBody(): { error: Record<string, unknown> } {
    return { error: this.oauthError, error_description: this.message } as unknown as { error: Record<string, unknown> };
  }
}

export function revokedGrant(): OAuthError {
  return new OAuthError('invalid_grant', 'Token has been expired or revoked.');
}

export function oauthTokenRoutes(): CustomRoute[] {
  let issued = 0;
  return [
    {
      kind: 'custom',
      verb: 'POST',
      template: compileTemplate(TOKEN_PATH),
      methodName: 'oauth2.token',
      service: 'oauth2.googleapis.com',
      rawBody: true,
      anonymous: true,
      handle: ({ body }) => {
        const form = new URLSearchParams(Buffer.isBuffer(body) ? body.toString('utf8') : '');
        if (form.get('grant_type') !== 'refresh_token' || !form.get('refresh_token')) {
          throw new OAuthError('unsupported_grant_type', 'Only grant_type=refresh_token with a refresh_token is emulated.');
        }
        issued++;
        return { body: { access_token: `ya29.emulator-${issued}`, expires_in: 3599, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/cloud-platform' } };
      },
    },
  ];
}
