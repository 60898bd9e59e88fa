import { Duration, Fn } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ASSET_CONTENT_SECURITY_POLICY, assetSecurityHeaders, HSTS_MAX_AGE_SECONDS } from '../../shared/http/asset-headers';
import { mediaPrefix, staticPrefix } from './media-bucket';

export interface EdgeProps {
  readonly api: IHttpApi;
  readonly bucket: IBucket;
  readonly logBucket: IBucket;
}

/** CloudFront path patterns that go to the bucket; everything else goes to the API. */
export const bucketPaths = [`/${mediaPrefix}*`, `/${staticPrefix}*`] as const;

/**
 * One origin for the browser: pages and JSON from the API, images and scripts from S3, so the
 * app can use same-origin paths (/media, /static) everywhere and needs no CORS.
 */
export class Edge extends Construct {
  readonly distribution: Distribution;
  /** On /media/* and /static/*: files from S3 get no app middleware, so the edge adds the headers. */
  readonly assetHeaders: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const { api, bucket, logBucket } = props;

    // apiEndpoint is https://<id>.execute-api.<region>.<suffix>; the origin wants the bare host.
    const apiDomain = Fn.select(2, Fn.split('/', api.apiEndpoint));
    const apiOrigin = new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY });
    const bucketOrigin = S3BucketOrigin.withOriginAccessControl(bucket);

    // The same headers the local server adds (shared/http/asset-headers.ts), overriding anything stored.
    this.assetHeaders = new ResponseHeadersPolicy(this, 'AssetHeaders', {
      comment: 'Ocop market: security headers on media and static files',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: ASSET_CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Cross-Origin-Resource-Policy', value: assetSecurityHeaders['Cross-Origin-Resource-Policy']!, override: true }],
      },
    });

    const bucketBehavior: BehaviorOptions = {
      origin: bucketOrigin,
      responseHeadersPolicy: this.assetHeaders,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      compress: true,
    };

    // The API only sees API Gateway's host name; hand it the viewer's, so same-origin checks (CSRF)
    // can compare the browser's Origin with the site it is really on.
    const forwardHost = new CloudFrontFunction(this, 'ForwardHost', {
      comment: 'Copy the viewer Host into X-Forwarded-Host for the API',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        "function handler(event) { var r = event.request; if (r.headers.host) { r.headers['x-forwarded-host'] = { value: r.headers.host.value }; } return r; }",
      ),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Ocop market: API, media and static assets',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: apiOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        // Pages carry per-request data (stock, prices, sessions later): nothing cached at the edge yet.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // The API Gateway host name must reach the origin, not the viewer's, or API Gateway rejects it.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        compress: true,
        functionAssociations: [{ function: forwardHost, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: Object.fromEntries(bucketPaths.map((path) => [path, bucketBehavior])),
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
    });
  }
}
