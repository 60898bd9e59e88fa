import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { EnvSettings } from '../environments';

export interface RoutedFunction {
  readonly id: string;
  readonly handler: IFunction;
  readonly routes: readonly { readonly method: string; readonly path: string }[];
}

export interface PublicHttpApiProps {
  /** Behind `$default`: every request no routed function takes. */
  readonly handler: IFunction;
  readonly settings: EnvSettings;
  /** Functions that serve a part of the app (app/functions.ts): one GET route per app route they own. */
  readonly routed?: readonly RoutedFunction[];
}

// HTTP API context variables only (the REST-API presets use some that HTTP APIs reject).
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    requestTime: '$context.requestTime',
    method: '$context.httpMethod',
    path: '$context.path',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * The HTTP API in front of the Lambdas: the app's own routes for the functions that serve a part of
 * it (API Gateway prefers them to `$default`), and `$default` for the function with the whole app.
 * The stage is declared by hand since HttpApi's own default stage takes no logging or throttling.
 */
export class PublicHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: PublicHttpApiProps) {
    super(scope, id);
    const { handler, settings } = props;

    this.api = new HttpApi(this, 'Api', {
      description: 'Ocop market public API (behind CloudFront)',
      // Not 'Default': that id collides with HttpApi's own DefaultRoute logical ids.
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', handler),
      createDefaultStage: false,
    });

    for (const fn of props.routed ?? []) {
      const integration = new HttpLambdaIntegration(`${fn.id}Integration`, fn.handler);
      for (const route of fn.routes) {
        this.api.addRoutes({ path: route.path, methods: [route.method as HttpMethod], integration });
      }
    }

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: settings.logRetention,
      removalPolicy: settings.removalPolicy,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: settings.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: accessLogFormat,
      },
    });
  }
}
