import * as z from 'zod';
import { lazy } from '../../util/lazy.ts';

/** The parts of a GuardDuty finding's `resource` worth a line in Slack; everything else stays in the raw. */
const resourceSchema = lazy(() =>
  z.looseObject({
    resourceType: z.string().optional(),
    instanceDetails: z
      .looseObject({
        instanceId: z.string().optional(),
        tags: z.array(z.looseObject({ key: z.string(), value: z.string() })).nullish(),
      })
      .nullish(),
    accessKeyDetails: z
      .looseObject({
        accessKeyId: z.string().optional(),
        userName: z.string().optional(),
        userType: z.string().optional(),
      })
      .nullish(),
    s3BucketDetails: z.array(z.looseObject({ name: z.string().optional() })).nullish(),
    eksClusterDetails: z.looseObject({ name: z.string().optional() }).nullish(),
  }),
);
type Resource = z.infer<ReturnType<typeof resourceSchema>>;

interface ResourceLine {
  /** The short name for the alert's resource: instance id and Name tag, bucket, cluster, access key. */
  name: string;
  description: string;
}

function describeInstance(resource: Resource): ResourceLine | undefined {
  const instance = resource.instanceDetails;
  if (!instance?.instanceId) return undefined;
  const nameTag = instance.tags?.find((tag) => tag.key === 'Name')?.value;
  const name = nameTag ? `${instance.instanceId} (${nameTag})` : instance.instanceId;
  return { name, description: `Instance ${name}` };
}

function describeAccessKey(resource: Resource): ResourceLine | undefined {
  const key = resource.accessKeyDetails;
  if (!key?.accessKeyId) return undefined;
  const user = [key.userType, key.userName].filter(Boolean).join(' ');
  return { name: key.accessKeyId, description: `Access key ${key.accessKeyId}${user ? ` (${user})` : ''}` };
}

function describeBuckets(resource: Resource): ResourceLine | undefined {
  const names = (resource.s3BucketDetails ?? []).map((bucket) => bucket.name).filter(Boolean);
  if (names.length === 0) return undefined;
  return { name: names.join(', '), description: `S3 bucket ${names.join(', ')}` };
}

function describeEksCluster(resource: Resource): ResourceLine | undefined {
  const name = resource.eksClusterDetails?.name;
  return name ? { name, description: `EKS cluster ${name}` } : undefined;
}

/** Which details name the resource, by GuardDuty's `resourceType`; a sample finding fills in several. */
const describersByType: Record<string, Array<(resource: Resource) => ResourceLine | undefined>> = {
  Instance: [describeInstance],
  AccessKey: [describeAccessKey],
  S3Bucket: [describeBuckets, describeAccessKey],
  EKSCluster: [describeEksCluster],
};

export function describeGuardDutyResource(value: unknown): ResourceLine | undefined {
  const parsed = resourceSchema().safeParse(value);
  if (!parsed.success) return undefined;
  const resource = parsed.data;
  const describers = describersByType[resource.resourceType ?? ''] ?? [];
  for (const describe of describers) {
    const line = describe(resource);
    if (line) return line;
  }
  return resource.resourceType
    ? { name: resource.resourceType, description: resource.resourceType }
    : undefined;
}

const remoteIpSchema = lazy(() =>
  z.looseObject({
    ipAddressV4: z.string().optional(),
    ipAddressV6: z.string().optional(),
    country: z.looseObject({ countryName: z.string().optional() }).optional(),
    organization: z.looseObject({ org: z.string().optional() }).optional(),
  }),
);
const portSchema = lazy(() => z.looseObject({ port: z.number().optional() }).optional());

const actionSchema = lazy(() =>
  z.looseObject({
    actionType: z.string().optional(),
    networkConnectionAction: z
      .looseObject({
        connectionDirection: z.string().optional(),
        protocol: z.string().optional(),
        remoteIpDetails: remoteIpSchema().optional(),
        remotePortDetails: portSchema(),
      })
      .optional(),
    awsApiCallAction: z
      .looseObject({
        api: z.string().optional(),
        serviceName: z.string().optional(),
        errorCode: z.string().optional(),
        remoteIpDetails: remoteIpSchema().optional(),
      })
      .optional(),
    portProbeAction: z
      .looseObject({
        portProbeDetails: z
          .array(
            z.looseObject({ localPortDetails: portSchema(), remoteIpDetails: remoteIpSchema().optional() }),
          )
          .optional(),
      })
      .optional(),
    dnsRequestAction: z.looseObject({ domain: z.string().optional() }).optional(),
  }),
);

export interface ActionLines {
  what?: string;
  remote?: string;
  errorCode?: string;
}

function describeRemote(
  ip: z.infer<ReturnType<typeof remoteIpSchema>> | undefined,
  port?: number,
): string | undefined {
  const address = ip?.ipAddressV4 ?? ip?.ipAddressV6;
  if (!address) return undefined;
  const where = [ip?.country?.countryName, ip?.organization?.org].filter(Boolean).join(', ');
  return `${address}${port === undefined ? '' : `:${port}`}${where ? ` (${where})` : ''}`;
}

const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ') || undefined;

/** Who acted and how: the remote IP and port, the API called, the DNS name asked for. */
export function describeGuardDutyAction(value: unknown): ActionLines {
  const parsed = actionSchema().safeParse(value);
  if (!parsed.success) return {};
  const action = parsed.data;
  const network = action.networkConnectionAction;
  const api = action.awsApiCallAction;
  const probe = action.portProbeAction?.portProbeDetails?.[0];
  return {
    what: joined(
      action.actionType,
      network?.connectionDirection,
      network?.protocol,
      api?.serviceName,
      api?.api,
      action.dnsRequestAction?.domain,
      probe?.localPortDetails?.port === undefined ? undefined : `port ${probe.localPortDetails.port}`,
    ),
    remote:
      describeRemote(network?.remoteIpDetails, network?.remotePortDetails?.port) ??
      describeRemote(api?.remoteIpDetails) ??
      describeRemote(probe?.remoteIpDetails),
    errorCode: api?.errorCode,
  };
}
